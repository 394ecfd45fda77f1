package org.sigportal.identity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.sigportal.base.ApiScope;
import org.sigportal.base.PortalException;
import org.sigportal.base.i18n.LocaleSelection;
import org.sigportal.base.i18n.SupportedLocales;
import org.sigportal.base.ui.Notifications;
import org.sigportal.base.ui.ViewHeader;
import org.sigportal.identity.AccountRules;
import org.sigportal.identity.ApiToken;
import org.sigportal.identity.ApiTokenService;
import org.sigportal.identity.CreatedApiToken;
import org.sigportal.identity.InvalidInputException;
import org.sigportal.identity.LinkedIdentity;
import org.sigportal.identity.NotificationPreferences;
import org.sigportal.identity.SsoProvider;
import org.sigportal.identity.SsoProviderCatalog;
import org.sigportal.identity.UserAccount;
import org.sigportal.identity.UserAccountService;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in user's profile: who they are, language, password, linked sign-in providers, notification
 * preferences and personal API tokens.
 */
@Route("account")
@PermitAll
class ProfileView extends VerticalLayout implements HasDynamicTitle {

    private final UserAccountService accounts;
    private final ApiTokenService tokens;
    private final DateTimeFormatter format;
    private final Grid<ApiToken> tokenGrid = new Grid<>();

    ProfileView(UserAccountService accounts, ApiTokenService tokens, SsoProviderCatalog providers,
                LocaleSelection localeSelection) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        addClassName("portal-page");
        setMaxWidth("64rem");
        UserAccount me = accounts.currentAccount();
        add(new ViewHeader(getTranslation("account.title"), getTranslation("account.description")));
        add(facts(me), language(localeSelection));
        if (accounts.hasLocalPassword()) {
            add(password());
        }
        add(identities(providers), preferences(), apiTokens());
    }

    private Component facts(UserAccount me) {
        Avatar avatar = new Avatar(me.displayName());
        if (me.avatarUrl() != null && me.avatarUrl().startsWith("https://")) {
            avatar.setImage(me.avatarUrl());
        }
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_LARGE);
        FormLayout facts = new FormLayout();
        facts.addFormItem(new Span(me.username()), getTranslation("account.username"));
        facts.addFormItem(new Span(me.displayName()), getTranslation("account.display-name"));
        facts.addFormItem(new Span(me.email() == null ? "—" : me.email()), getTranslation("account.email"));
        Span roles = new Span(String.join(", ", me.roles().stream()
                .map(r -> getTranslation("role." + r.toLowerCase(Locale.ROOT))).toList()));
        roles.setId("account-roles");
        facts.addFormItem(roles, getTranslation("account.roles"));
        HorizontalLayout row = new HorizontalLayout(avatar, facts);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.START);
        row.setFlexGrow(1, facts);
        return row;
    }

    private Component language(LocaleSelection localeSelection) {
        Select<Locale> language = new Select<>();
        language.setLabel(getTranslation("profile.language"));
        language.setItems(SupportedLocales.ALL);
        language.setItemLabelGenerator(l -> l.equals(SupportedLocales.CHINESE) ? "简体中文" : "English");
        language.setValue(SupportedLocales.bestMatch(getLocale()));
        language.setId("profile-language");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                localeSelection.switchTo(e.getValue());
            }
        });
        return language;
    }

    private Component password() {
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
        VerticalLayout section = section("account.change-password");
        section.add(form, change);
        return section;
    }

    private Component identities(SsoProviderCatalog providers) {
        VerticalLayout section = section("profile.identities");
        section.setId("profile-identities");
        List<LinkedIdentity> linked = accounts.linkedIdentities();
        if (linked.isEmpty()) {
            section.add(new Paragraph(getTranslation("profile.identities.none")));
        }
        for (LinkedIdentity identity : linked) {
            Span text = new Span(getTranslation("profile.identities.linked", identity.providerName(),
                    identity.email() == null ? "—" : identity.email(), format.format(identity.linkedAt())));
            Button unlink = new Button(getTranslation("profile.identities.unlink"), e -> {
                try {
                    accounts.unlink(identity.provider());
                    getUI().ifPresent(ui -> ui.getPage().reload());
                } catch (PortalException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
            });
            unlink.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            unlink.setId("unlink-" + identity.provider());
            HorizontalLayout row = new HorizontalLayout(text, unlink);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            section.add(row);
        }
        Set<String> linkedIds = linked.stream().map(LinkedIdentity::provider).collect(Collectors.toSet());
        for (SsoProvider provider : providers.providers()) {
            if (!linkedIds.contains(provider.id())) {
                Anchor link = new Anchor(provider.linkPath(),
                        getTranslation("profile.identities.link", provider.displayName()));
                link.setRouterIgnore(true);
                link.setId("link-" + provider.id());
                section.add(link);
            }
        }
        return section;
    }

    private Component preferences() {
        NotificationPreferences current = accounts.preferences();
        Checkbox replies = new Checkbox(getTranslation("profile.notify.replies"), current.replies());
        Checkbox mentions = new Checkbox(getTranslation("profile.notify.mentions"), current.mentions());
        Checkbox watched = new Checkbox(getTranslation("profile.notify.watched"), current.watched());
        Select<NotificationPreferences.EmailDigest> digest = new Select<>();
        digest.setLabel(getTranslation("profile.notify.digest"));
        digest.setItems(NotificationPreferences.EmailDigest.values());
        digest.setItemLabelGenerator(d -> getTranslation("profile.notify.digest." + d.name().toLowerCase(Locale.ROOT)));
        digest.setValue(current.emailDigest());
        digest.setId("profile-digest");
        Button save = new Button(getTranslation("action.save"), e -> {
            accounts.updatePreferences(new NotificationPreferences(replies.getValue(), mentions.getValue(),
                    watched.getValue(), digest.getValue()));
            Notifications.success(getTranslation("profile.notify.saved"));
        });
        save.setId("save-preferences");
        VerticalLayout section = section("profile.notify");
        section.add(replies, mentions, watched, digest, save);
        return section;
    }

    private Component apiTokens() {
        VerticalLayout section = section("tokens.title");
        section.setId("profile-tokens");
        section.add(new Paragraph(getTranslation("tokens.description")));
        tokenGrid.setId("token-grid");
        tokenGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        tokenGrid.setAllRowsVisible(true);
        tokenGrid.addColumn(ApiToken::name).setHeader(getTranslation("tokens.name")).setAutoWidth(true);
        tokenGrid.addColumn(t -> t.prefix() + "…").setHeader(getTranslation("tokens.prefix")).setAutoWidth(true);
        tokenGrid.addColumn(t -> t.scopes().stream().map(s -> getTranslation("tokens.scope." + s.id()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("tokens.scopes")).setAutoWidth(true);
        tokenGrid.addColumn(t -> date(t.expiresAt())).setHeader(getTranslation("tokens.expires")).setAutoWidth(true);
        tokenGrid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("tokens.never") : date(t.lastUsedAt()))
                .setHeader(getTranslation("tokens.last-used")).setAutoWidth(true);
        tokenGrid.addComponentColumn(this::tokenStatus).setHeader(getTranslation("tokens.status")).setAutoWidth(true);
        tokenGrid.addComponentColumn(this::revokeButton).setAutoWidth(true).setFlexGrow(0);
        tokenGrid.setEmptyStateText(getTranslation("tokens.empty"));
        refreshTokens();
        Button create = new Button(getTranslation("tokens.create"), e -> openCreateDialog());
        create.setId("create-token");
        section.add(create, tokenGrid);
        return section;
    }

    private void refreshTokens() {
        tokenGrid.setItems(tokens.myTokens());
    }

    private Span tokenStatus(ApiToken t) {
        OffsetDateTime now = OffsetDateTime.now();
        String key = t.revokedAt() != null ? "tokens.revoked" : t.activeAt(now) ? "tokens.active" : "tokens.expired";
        Span badge = new Span(getTranslation(key));
        badge.getElement().getThemeList().add(t.activeAt(now) ? "badge success" : "badge contrast");
        return badge;
    }

    private Component revokeButton(ApiToken t) {
        Button revoke = new Button(getTranslation("tokens.revoke"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("tokens.revoke"),
                    getTranslation("tokens.revoke-confirm", t.name()), getTranslation("tokens.revoke"), ev -> {
                try {
                    tokens.revoke(t.id());
                    Notifications.success(getTranslation("tokens.revoked-done", t.name()));
                } catch (PortalException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
                refreshTokens();
            });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(t.activeAt(OffsetDateTime.now()));
        revoke.setId("revoke-token-" + t.id());
        return revoke;
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("tokens.create"));
        TextField name = new TextField(getTranslation("tokens.name"));
        name.setId("token-name");
        name.setMaxLength(100);
        name.setWidthFull();
        CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>(getTranslation("tokens.scopes"));
        scopes.setItems(ApiScope.values());
        scopes.setItemLabelGenerator(s -> getTranslation("tokens.scope." + s.id()));
        scopes.setValue(EnumSet.of(ApiScope.READ));
        scopes.setId("token-scopes");
        Select<Integer> expiry = new Select<>();
        expiry.setLabel(getTranslation("tokens.valid-for"));
        expiry.setItems(7, 30, 90, 365);
        expiry.setItemLabelGenerator(d -> getTranslation("tokens.days", d));
        expiry.setValue(30);
        expiry.setId("token-expiry");
        Map<String, HasValidation> fields = Map.of("name", name, "scopes", scopes);
        Button create = new Button(getTranslation("tokens.create"), e -> {
            try {
                CreatedApiToken created = tokens.create(name.getValue(), scopes.getValue(), expiry.getValue());
                dialog.close();
                refreshTokens();
                showOnce(created);
            } catch (PortalException ex) {
                FormErrors.show(ex, fields, this::getTranslation);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("token-create-submit");
        dialog.add(new VerticalLayout(name, scopes, expiry));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), create);
        dialog.open();
    }

    /** The only time the secret is on screen: copy it now. */
    private void showOnce(CreatedApiToken created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("tokens.created-title", created.token().name()));
        dialog.setCloseOnOutsideClick(false);
        TextField secret = new TextField();
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setId("token-secret");
        Button copy = new Button(getTranslation("tokens.copy"), e -> secret.getElement()
                .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", secret.getValue()));
        Button done = new Button(getTranslation("tokens.done"), e -> {
            secret.clear();
            dialog.close();
        });
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("token-done");
        dialog.add(new Paragraph(getTranslation("tokens.created-warning")), secret);
        dialog.getFooter().add(copy, done);
        dialog.open();
    }

    private String date(TemporalAccessor t) {
        return format.format(t);
    }

    private VerticalLayout section(String titleKey) {
        VerticalLayout section = new VerticalLayout(new H2(getTranslation(titleKey)));
        section.setPadding(false);
        section.addClassName("portal-section");
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title");
    }
}
