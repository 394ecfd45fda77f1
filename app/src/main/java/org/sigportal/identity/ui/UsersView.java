package org.sigportal.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.sigportal.base.ConcurrentEditException;
import org.sigportal.base.PortalException;
import org.sigportal.base.Roles;
import org.sigportal.base.ui.Notifications;
import org.sigportal.base.ui.ViewHeader;
import org.sigportal.identity.UserAccount;
import org.sigportal.identity.UserAccountService;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Administrators list accounts, change their roles, and disable or re-enable them. */
@Route("admin/users")
@RolesAllowed(Roles.ADMIN)
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserAccountService accounts;
    private final Grid<UserAccount> grid = new Grid<>();
    private final TextField search = new TextField();

    UsersView(UserAccountService accounts) {
        this.accounts = accounts;
        addClassName("portal-page");
        setSizeFull();
        add(new ViewHeader(getTranslation("users.title"), getTranslation("users.description")));

        search.setPlaceholder(getTranslation("users.search"));
        search.setId("users-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());

        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(UserAccount::username).setHeader(getTranslation("account.username")).setAutoWidth(true);
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("account.display-name")).setAutoWidth(true);
        grid.addColumn(u -> u.email() == null ? "" : u.email()).setHeader(getTranslation("account.email"))
                .setAutoWidth(true);
        grid.addColumn(u -> roleLabels(u.roles())).setHeader(getTranslation("account.roles")).setFlexGrow(1);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("users.status")).setAutoWidth(true);
        grid.addColumn(u -> format.format(u.createdAt())).setHeader(getTranslation("users.created"))
                .setAutoWidth(true);
        grid.addComponentColumn(u -> {
            Button edit = new Button(getTranslation("users.edit"), e -> openEditor(u));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            edit.setId("edit-" + u.username());
            return edit;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("users.empty"));
        grid.setSizeFull();
        add(search, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        String text = search.getValue();
        grid.setItems(q -> accounts.list(text, q.getOffset(), q.getLimit()).stream(), q -> accounts.count(text));
    }

    private HorizontalLayout nameCell(UserAccount u) {
        HorizontalLayout cell = new HorizontalLayout(new Span(u.displayName()));
        if (u.demo()) {
            Span demo = new Span(getTranslation("demo.badge"));
            demo.getElement().getThemeList().add("badge contrast small");
            cell.add(demo);
        }
        return cell;
    }

    private Span statusBadge(UserAccount u) {
        Span badge = new Span(getTranslation(u.enabled() ? "users.enabled" : "users.disabled"));
        badge.getElement().getThemeList().add(u.enabled() ? "badge success" : "badge error");
        return badge;
    }

    private String roleLabels(Set<String> roles) {
        return String.join(", ", roles.stream().map(this::roleLabel).toList());
    }

    private String roleLabel(String role) {
        return getTranslation("role." + role.toLowerCase(Locale.ROOT));
    }

    private void openEditor(UserAccount user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("users.edit-title", user.username()));
        dialog.setId("user-editor");
        CheckboxGroup<String> roles = new CheckboxGroup<>(getTranslation("account.roles"));
        roles.setItems(Roles.ALL);
        roles.setItemLabelGenerator(this::roleLabel);
        roles.setItemEnabledProvider(r -> !Roles.MEMBER.equals(r));
        roles.setValue(new HashSet<>(user.roles()));
        roles.setId("user-roles");
        dialog.add(new Paragraph(getTranslation("users.roles-help")), roles);

        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                accounts.changeRoles(user.username(), user.version(), roles.getValue());
                Notifications.success(getTranslation("users.saved", user.username()));
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (ConcurrentEditException ex) {
                Notifications.error(getTranslation(ex.messageKey()));
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("user-save");
        Button toggle = new Button(getTranslation(user.enabled() ? "users.disable" : "users.enable"),
                e -> confirmToggle(user, dialog));
        toggle.setId("user-toggle-enabled");
        if (user.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(toggle, cancel, save);
        dialog.open();
    }

    private void confirmToggle(UserAccount user, Dialog editor) {
        boolean enable = !user.enabled();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation(enable ? "users.enable" : "users.disable"));
        confirm.setText(getTranslation(enable ? "users.enable-confirm" : "users.disable-confirm", user.username()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation(enable ? "users.enable" : "users.disable"));
        if (!enable) {
            confirm.setConfirmButtonTheme("error primary");
        }
        confirm.addConfirmListener(e -> {
            try {
                accounts.setEnabled(user.username(), user.version(), enable);
                Notifications.success(getTranslation(enable ? "users.enabled-done" : "users.disabled-done",
                        user.username()));
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
            editor.close();
            grid.getDataProvider().refreshAll();
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title");
    }
}
