package org.sigportal.identity.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.base.ui.ViewHeader;
import org.sigportal.identity.AccountRules;
import org.sigportal.identity.InvalidInputException;
import org.sigportal.identity.UserAccount;
import org.sigportal.identity.UserAccountService;

import java.util.Map;

/** The signed-in user's own account: who they are, their roles, and a password change. */
@Route("account")
@PermitAll
class AccountView extends VerticalLayout implements HasDynamicTitle {

    AccountView(UserAccountService accounts) {
        addClassName("portal-page");
        setMaxWidth("48rem");
        UserAccount me = accounts.currentAccount();
        add(new ViewHeader(getTranslation("account.title"), getTranslation("account.description")));

        FormLayout facts = new FormLayout();
        facts.addFormItem(new Span(me.username()), getTranslation("account.username"));
        facts.addFormItem(new Span(me.displayName()), getTranslation("account.display-name"));
        facts.addFormItem(new Span(me.email() == null ? "—" : me.email()), getTranslation("account.email"));
        Span roles = new Span(String.join(", ", me.roles().stream()
                .map(r -> getTranslation("role." + r.toLowerCase(java.util.Locale.ROOT))).toList()));
        roles.setId("account-roles");
        facts.addFormItem(roles, getTranslation("account.roles"));
        add(facts);

        PasswordField current = new PasswordField(getTranslation("account.current-password"));
        current.setId("current-password");
        PasswordField next = new PasswordField(getTranslation("account.new-password"));
        next.setId("new-password");
        next.setHelperText(getTranslation("account.password.help", AccountRules.PASSWORD_MIN));
        PasswordField confirm = new PasswordField(getTranslation("account.password-confirm"));
        confirm.setId("new-password-confirm");
        Map<String, HasValidation> fields = Map.of("currentPassword", current, "newPassword", next,
                "confirm", confirm);
        Button change = new Button(getTranslation("account.change-password"), e -> {
            try {
                if (!next.getValue().equals(confirm.getValue())) {
                    throw new InvalidInputException("confirm", "account.error.password-mismatch");
                }
                accounts.changePassword(current.getValue(), next.getValue());
                fields.values().forEach(f -> f.setInvalid(false));
                current.clear();
                next.clear();
                confirm.clear();
                Notifications.success(getTranslation("account.password-changed"));
            } catch (PortalException ex) {
                FormErrors.show(ex, fields, this::getTranslation);
            }
        });
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.setId("change-password");
        FormLayout form = new FormLayout(current, next, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H2(getTranslation("account.change-password")), form, change);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title");
    }
}
