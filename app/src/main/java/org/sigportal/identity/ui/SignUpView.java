package org.sigportal.identity.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.ViewHeader;
import org.sigportal.identity.AccountRules;
import org.sigportal.identity.InvalidInputException;
import org.sigportal.identity.SignUpRequest;
import org.sigportal.identity.UserAccountService;

import java.util.Map;

/** Public sign-up for a member account (an operator can turn it off). */
@Route("signup")
@AnonymousAllowed
class SignUpView extends VerticalLayout implements HasDynamicTitle {

    SignUpView(UserAccountService accounts) {
        addClassName("portal-page");
        setMaxWidth("40rem");
        add(new ViewHeader(getTranslation("signup.title"), getTranslation("signup.description")));
        if (!accounts.signUpEnabled()) {
            Paragraph off = new Paragraph(getTranslation("signup.error.disabled"));
            off.setId("signup-disabled");
            add(off);
            return;
        }
        TextField username = new TextField(getTranslation("account.username"));
        username.setId("signup-username");
        username.setHelperText(getTranslation("account.username.help"));
        username.setRequired(true);
        TextField displayName = new TextField(getTranslation("account.display-name"));
        displayName.setId("signup-display-name");
        displayName.setRequired(true);
        displayName.setMaxLength(AccountRules.DISPLAY_NAME_MAX);
        EmailField email = new EmailField(getTranslation("account.email"));
        email.setId("signup-email");
        email.setRequired(true);
        PasswordField password = new PasswordField(getTranslation("account.password"));
        password.setId("signup-password");
        password.setHelperText(getTranslation("account.password.help", AccountRules.PASSWORD_MIN));
        password.setRequired(true);
        PasswordField confirm = new PasswordField(getTranslation("account.password-confirm"));
        confirm.setId("signup-password-confirm");
        confirm.setRequired(true);

        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("username", username,
                "displayName", displayName, "email", email, "password", password, "confirm", confirm);
        Button submit = new Button(getTranslation("signup.submit"), e -> {
            try {
                if (!password.getValue().equals(confirm.getValue())) {
                    throw new InvalidInputException("confirm", "account.error.password-mismatch");
                }
                accounts.signUp(new SignUpRequest(username.getValue(), displayName.getValue(), email.getValue(),
                        password.getValue()));
                UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.of("registered", ""));
            } catch (PortalException ex) {
                FormErrors.show(ex, fields, this::getTranslation);
            }
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("signup-submit");
        submit.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        FormLayout form = new FormLayout(username, displayName, email, password, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, submit);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signup.title");
    }
}
