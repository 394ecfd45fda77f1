package org.sigportal.discussion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.discussion.DiscussionService;

/** A new category (admins and maintainers): one per SIG, or any topic the community needs. */
class CategoryDialog extends Dialog {

    CategoryDialog(DiscussionService discussions) {
        setHeaderTitle(getTranslation("discussions.new-category"));
        setId("category-dialog");
        TextField slug = new TextField(getTranslation("discussions.slug"));
        slug.setId("category-slug");
        slug.setHelperText(getTranslation("discussions.slug-help"));
        TextField name = new TextField(getTranslation("discussions.category-name"));
        name.setId("category-name");
        TextArea description = new TextArea(getTranslation("discussions.category-description"));
        description.setWidthFull();
        add(slug, name, description);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                discussions.createCategory(slug.getValue(), name.getValue(), description.getValue());
                Notifications.success(getTranslation("discussions.category-created", name.getValue()));
                close();
                getUI().ifPresent(ui -> ui.getPage().reload());
            } catch (PortalException ex) {
                String message = getTranslation(ex.messageKey(), ex.arguments());
                TextField field = "slug".equals(ex.field()) ? slug : "name".equals(ex.field()) ? name : null;
                if (field != null) {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                } else {
                    Notifications.error(message);
                }
            }
        });
        save.setId("save-category");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
