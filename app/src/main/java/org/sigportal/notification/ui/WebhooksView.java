package org.sigportal.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.sigportal.base.PortalException;
import org.sigportal.base.Roles;
import org.sigportal.base.ui.Notifications;
import org.sigportal.base.ui.ViewHeader;
import org.sigportal.notification.CreatedWebhook;
import org.sigportal.notification.Webhook;
import org.sigportal.notification.WebhookEvent;
import org.sigportal.notification.WebhookService;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admins' outgoing webhooks: add one (address, events, a secret of their own or a generated one, shown once),
 * see how each one's latest delivery went, and remove one. Both changes are audited.
 */
@Route("admin/webhooks")
@RolesAllowed(Roles.ADMIN)
class WebhooksView extends VerticalLayout implements HasDynamicTitle {

    private final transient WebhookService webhooks;
    private final Grid<Webhook> grid = new Grid<>();
    private final TextField url = new TextField();
    private final CheckboxGroup<WebhookEvent> events = new CheckboxGroup<>();
    private final PasswordField secret = new PasswordField();

    WebhooksView(WebhookService webhooks) {
        this.webhooks = webhooks;
        addClassName("portal-page");
        setSizeFull();
        Button refresh = new Button(getTranslation("webhooks.refresh"), VaadinIcon.REFRESH.create(),
                e -> refresh());
        refresh.setId("webhooks-refresh");
        add(new ViewHeader(getTranslation("webhooks.title"), getTranslation("webhooks.description"), refresh));

        url.setLabel(getTranslation("webhooks.url"));
        url.setHelperText(getTranslation("webhooks.url-help"));
        url.setId("webhook-url");
        url.setWidthFull();
        events.setLabel(getTranslation("webhooks.events"));
        events.setItems(WebhookEvent.values());
        events.setItemLabelGenerator(this::eventLabel);
        events.setValue(Set.of(WebhookEvent.values()));
        events.setId("webhook-events");
        secret.setLabel(getTranslation("webhooks.secret"));
        secret.setHelperText(getTranslation("webhooks.secret-help", WebhookService.MIN_SECRET));
        secret.setId("webhook-secret-input");
        Button add = new Button(getTranslation("webhooks.add"), VaadinIcon.PLUS.create(), e -> add());
        add.setId("webhook-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(url, events, secret, add);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(url, 2);
        form.setMaxWidth("60rem");

        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        grid.setId("webhooks-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Webhook::url).setHeader(getTranslation("webhooks.col.url")).setFlexGrow(1);
        grid.addColumn(w -> w.events().stream().map(this::eventLabel).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("webhooks.col.events")).setAutoWidth(true);
        grid.addColumn(w -> w.createdBy() == null ? "" : w.createdBy())
                .setHeader(getTranslation("webhooks.col.created-by")).setAutoWidth(true);
        grid.addComponentColumn(w -> status(w, format)).setHeader(getTranslation("webhooks.col.last-delivery"))
                .setAutoWidth(true);
        grid.addComponentColumn(w -> {
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> confirmRemove(w));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_ICON);
            remove.setAriaLabel(getTranslation("webhooks.remove"));
            remove.setTooltipText(getTranslation("webhooks.remove"));
            remove.setId("webhook-remove-" + w.id());
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("webhooks.empty"));
        add(form, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private String eventLabel(WebhookEvent event) {
        return getTranslation("webhooks.event." + event.name().toLowerCase(Locale.ROOT));
    }

    private Span status(Webhook w, DateTimeFormatter format) {
        if (w.lastDeliveryAt() == null) {
            return new Span(getTranslation("webhooks.never"));
        }
        Span badge = new Span(format.format(w.lastDeliveryAt()) + " · " + (w.lastDeliveryStatus() == null ? ""
                : w.lastDeliveryStatus()));
        badge.getElement().getThemeList().add(Boolean.TRUE.equals(w.lastDeliveryOk()) ? "badge success"
                : "badge error");
        return badge;
    }

    private void add() {
        try {
            CreatedWebhook created = webhooks.add(url.getValue(), events.getValue(), secret.getValue());
            url.clear();
            secret.clear();
            url.setInvalid(false);
            refresh();
            showSecretOnce(created.secret());
        } catch (PortalException e) {
            String message = getTranslation(e.messageKey(), e.arguments());
            if ("url".equals(e.field())) {
                url.setErrorMessage(message);
                url.setInvalid(true);
            }
            Notifications.error(message);
        }
    }

    private void showSecretOnce(String value) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("webhooks.secret-once.title"));
        TextField shown = new TextField();
        shown.setValue(value);
        shown.setReadOnly(true);
        shown.setWidthFull();
        shown.setId("webhook-secret");
        dialog.add(new Paragraph(getTranslation("webhooks.secret-once.text")), shown);
        Button close = new Button(getTranslation("webhooks.secret-once.done"), e -> dialog.close());
        close.setId("webhook-secret-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.setWidth("36rem");
        dialog.open();
        Notifications.success(getTranslation("webhooks.added"));
    }

    private void confirmRemove(Webhook w) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("webhooks.remove"));
        confirm.setText(getTranslation("webhooks.remove-confirm", w.url()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("webhooks.cancel"));
        confirm.setConfirmText(getTranslation("webhooks.remove"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                webhooks.remove(w.id());
                Notifications.success(getTranslation("webhooks.removed"));
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(webhooks.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("webhooks.title");
    }
}
