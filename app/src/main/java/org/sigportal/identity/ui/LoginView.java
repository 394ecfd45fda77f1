package org.sigportal.identity.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.sigportal.identity.SsoProvider;
import org.sigportal.identity.SsoProviderCatalog;
import org.sigportal.identity.UserAccountService;


/** Local sign-in. Spring Security handles the form post; a failure comes back here with {@code ?error}. */
@Route("login")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {


    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();
    private final Paragraph problem = new Paragraph();
    private final boolean localEnabled;

    LoginView(UserAccountService accounts, SsoProviderCatalog providers) {
        addClassName("portal-login");
        setAlignItems(FlexComponent.Alignment.CENTER);
        setSizeFull();
        this.localEnabled = accounts.localSignInEnabled();

        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        f.setForgotPassword(getTranslation("login.forgot"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username-required"));
        error.setPassword(getTranslation("login.error.password-required"));
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setId("login-form");

        notice.setVisible(false);
        notice.setId("login-notice");
        notice.addClassName("portal-notice");
        problem.setVisible(false);
        problem.setId("login-problem");
        problem.addClassName("portal-problem");
        problem.getElement().setAttribute("role", "alert");
        add(notice, problem);
        if (providers.any()) {
            VerticalLayout sso = new VerticalLayout();
            sso.setId("sso-providers");
            sso.setPadding(false);
            sso.setAlignItems(FlexComponent.Alignment.STRETCH);
            sso.setWidth("20rem");
            sso.add(new H2(getTranslation("login.sso.title")));
            for (SsoProvider provider : providers.providers()) {
                // A plain link: the authorization-code flow is a full-page navigation, not a Vaadin request.
                Anchor link = new Anchor(provider.authorizationPath(),
                        getTranslation("login.sso.with", provider.displayName()));
                link.setRouterIgnore(true);
                link.setId("sso-" + provider.id());
                link.addClassName("portal-sso-button");
                sso.add(link);
            }
            add(sso);
        }
        if (localEnabled) {
            add(form);
        }
        if (accounts.signUpEnabled()) {
            Paragraph signUp = new Paragraph(getTranslation("login.no-account") + " ");
            Anchor link = new Anchor("signup", getTranslation("login.sign-up"));
            link.setId("sign-up-link");
            signUp.add(link);
            add(signUp);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        form.setError(params.containsKey("error"));
        if (params.containsKey("registered")) {
            notice.setText(getTranslation("login.registered"));
            notice.setVisible(true);
        }
        if (params.containsKey("locked")) {
            String minutes = params.get("locked").getFirst();
            showProblem(getTranslation("login.error.locked", minutes.matches("\\d{1,4}") ? minutes : "15"));
        }
        if (params.containsKey("sso-error")) {
            String reason = params.get("sso-error").getFirst();
            showProblem(getTranslation("login.sso.error." + (SsoProvider.FAILURE_REASONS.contains(reason) ? reason : "general")));
        }
        if (params.containsKey("local-off") || !localEnabled && params.containsKey("error")) {
            showProblem(getTranslation("login.error.local-off"));
        }
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
        form.setError(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
