package org.sigportal.identity.ui;

import com.vaadin.flow.component.HasValidation;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.identity.InvalidInputException;

import java.util.Map;
import java.util.function.BiFunction;

/** Shows a service's refusal next to the field it concerns, or as a notification when it concerns no field. */
final class FormErrors {

    private FormErrors() {
    }

    static void show(PortalException e, Map<String, ? extends HasValidation> fields,
                     BiFunction<String, Object[], String> translate) {
        fields.values().forEach(f -> f.setInvalid(false));
        String message = translate.apply(e.messageKey(), e.arguments());
        if (e instanceof InvalidInputException invalid && fields.containsKey(invalid.field())) {
            HasValidation field = fields.get(invalid.field());
            field.setErrorMessage(message);
            field.setInvalid(true);
        } else {
            Notifications.error(message);
        }
    }
}
