package org.sigportal.cluster.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import jakarta.annotation.security.PermitAll;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.base.ui.ViewHeader;
import org.sigportal.cluster.ClusterHealth;
import org.sigportal.cluster.ClusterRegistration;
import org.sigportal.cluster.ClusterService;
import org.sigportal.cluster.ClusterSummary;
import org.sigportal.cluster.FleetService;
import org.springframework.security.core.context.SecurityContextHolder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The registered clusters with their health (updated live), and registration for operators. */
@Route("fleet/clusters")
@PermitAll
class ClustersView extends VerticalLayout implements HasDynamicTitle {

    private final ClusterService clusters;
    private final FleetService fleet;
    private final Grid<ClusterSummary> grid = new Grid<>();
    private Runnable unsubscribe = () -> { };

    ClustersView(ClusterService clusters, FleetService fleet) {
        this.clusters = clusters;
        this.fleet = fleet;
        addClassName("portal-page");
        setSizeFull();
        Button register = new Button(getTranslation("clusters.register"), e -> openRegister());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setId("register-cluster");
        register.setVisible(OperatorCheck.canOperate());
        add(new ViewHeader(getTranslation("clusters.title"), getTranslation("clusters.description"), register));

        grid.setId("clusters-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(this::name).setHeader(getTranslation("clusters.name")).setAutoWidth(true);
        grid.addComponentColumn(this::health).setHeader(getTranslation("clusters.health")).setAutoWidth(true);
        grid.addColumn(c -> c.kubernetesVersion() == null ? "" : c.kubernetesVersion())
                .setHeader(getTranslation("clusters.version")).setAutoWidth(true);
        grid.addColumn(ClusterSummary::nodeCount).setHeader(getTranslation("fleet.nodes")).setAutoWidth(true);
        grid.addColumn(ClusterSummary::apiServerUrl).setHeader(getTranslation("clusters.server")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("clusters.source." + c.source().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("clusters.source")).setAutoWidth(true);
        if (OperatorCheck.canOperate()) {
            grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setEmptyStateText(getTranslation("clusters.empty"));
        grid.setSizeFull();
        add(grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(clusters.list());
    }


    /** The name, and for the demo fleet's simulated clusters a demo badge. */
    private Span name(ClusterSummary c) {
        Span name = new Span(c.name());
        if (c.demo()) {
            Span demo = new Span(getTranslation("demo.badge"));
            demo.getElement().getThemeList().add("badge contrast small");
            demo.getElement().setAttribute("title", getTranslation("clusters.demo-tooltip"));
            demo.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
            demo.setId("demo-" + c.name());
            name.add(demo);
        }
        return name;
    }

    private Span health(ClusterSummary c) {
        Span badge = new Span(getTranslation("clusters.health." + c.health().name().toLowerCase(Locale.ROOT)));
        badge.getElement().getThemeList().add(c.health() == ClusterHealth.CONNECTED ? "badge success"
                : c.health() == ClusterHealth.DISABLED || c.health() == ClusterHealth.CONNECTING ? "badge contrast"
                : "badge error");
        badge.setId("health-" + c.name());
        if (c.healthDetail() != null) {
            badge.getElement().setAttribute("title", c.healthDetail());
        }
        return badge;
    }

    private com.vaadin.flow.component.orderedlayout.HorizontalLayout actions(ClusterSummary c) {
        Button toggle = new Button(getTranslation(c.enabled() ? "clusters.disable" : "clusters.enable"), e -> {
            try {
                clusters.setEnabled(c.id(), c.version(), !c.enabled());
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
            refresh();
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button remove = new Button(getTranslation("clusters.remove"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("clusters.remove"),
                    getTranslation("clusters.remove-confirm", c.name()), getTranslation("clusters.remove"), ev -> {
                try {
                    clusters.remove(c.id(), c.version());
                } catch (PortalException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
                refresh();
            });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        var row = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(toggle, remove);
        if (!c.demo()) {
            Button edit = new Button(getTranslation("clusters.edit"), e -> openRegister(c));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.setId("edit-cluster-" + c.name());
            row.addComponentAsFirst(edit);
        }
        return row;
    }

    private void openRegister() {
        openRegister(null);
    }

    /** Registers a cluster, or (with {@code existing}) renames it and replaces its credentials. */
    private void openRegister(@org.jspecify.annotations.Nullable ClusterSummary existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "clusters.register" : "clusters.edit-title",
                existing == null ? "" : existing.name()));
        dialog.setWidth("44rem");
        TextField name = new TextField(getTranslation("clusters.name"));
        name.setId("cluster-name");
        name.setHelperText(getTranslation("clusters.name.help"));
        name.setWidthFull();
        if (existing != null) {
            name.setValue(existing.name());
        }

        TextArea kubeconfig = new TextArea(getTranslation("clusters.kubeconfig"));
        kubeconfig.setId("cluster-kubeconfig");
        kubeconfig.setWidthFull();
        kubeconfig.setHeight("12rem");
        kubeconfig.setHelperText(getTranslation("clusters.kubeconfig.help"));
        Select<String> context = new Select<>();
        context.setLabel(getTranslation("clusters.context"));
        context.setId("cluster-context");
        context.setEnabled(false);
        kubeconfig.addValueChangeListener(e -> {
            try {
                List<String> contexts = clusters.contextsOf(e.getValue());
                context.setItems(contexts);
                context.setValue(contexts.getFirst());
                context.setEnabled(true);
                kubeconfig.setInvalid(false);
            } catch (PortalException ex) {
                context.setEnabled(false);
                kubeconfig.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments()));
                kubeconfig.setInvalid(true);
            }
        });
        VerticalLayout fromKubeconfig = new VerticalLayout(kubeconfigUpload(kubeconfig), kubeconfig, context);

        TextField url = new TextField(getTranslation("clusters.server"));
        url.setPlaceholder("https://");
        url.setWidthFull();
        PasswordField token = new PasswordField(getTranslation("clusters.token"));
        token.setWidthFull();
        TextArea ca = new TextArea(getTranslation("clusters.ca"));
        ca.setWidthFull();
        Checkbox insecure = new Checkbox(getTranslation("clusters.insecure"));
        VerticalLayout fromToken = new VerticalLayout(url, token, ca, insecure);
        VerticalLayout inCluster = new VerticalLayout(new Paragraph(getTranslation("clusters.in-cluster.help")));

        TabSheet sources = new TabSheet();
        sources.add(getTranslation("clusters.source.kubeconfig"), fromKubeconfig);
        sources.add(getTranslation("clusters.source.token"), fromToken);
        sources.add(getTranslation("clusters.source.in_cluster"), inCluster);
        sources.setWidthFull();

        Button save = new Button(getTranslation("clusters.register"), e -> {
            ClusterRegistration registration = switch (sources.getSelectedIndex()) {
                case 0 -> new ClusterRegistration.FromKubeconfig(name.getValue(), kubeconfig.getValue(),
                        context.getValue() == null ? "" : context.getValue());
                case 1 -> new ClusterRegistration.FromToken(name.getValue(), url.getValue(), token.getValue(),
                        ca.getValue(), insecure.getValue());
                default -> new ClusterRegistration.InCluster(name.getValue());
            };
            try {
                if (existing == null) {
                    clusters.register(registration);
                } else {
                    clusters.edit(existing.id(), existing.version(), registration);
                }
                kubeconfig.clear();
                token.clear();
                dialog.close();
                Notifications.success(getTranslation(existing == null ? "clusters.registered" : "clusters.edited",
                        name.getValue()));
                refresh();
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("cluster-save");
        dialog.add(name, sources);
        if (existing != null) {
            save.setText(getTranslation("action.save"));
            url.setValue(existing.apiServerUrl());
            dialog.addComponentAtIndex(1, new Paragraph(getTranslation("clusters.edit-help")));
        }
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /**
     * A kubeconfig file instead of pasting: its text goes into the kubeconfig field, which lists its contexts as
     * for pasted text. A file larger than a kubeconfig may be is refused before it is sent, and again on arrival.
     */
    private Upload kubeconfigUpload(TextArea kubeconfig) {
        int max = ClusterRegistration.FromKubeconfig.MAX_SIZE;
        String tooLarge = getTranslation("clusters.error.kubeconfig-file-too-large", max / 1024);
        InMemoryUploadHandler handler = new InMemoryUploadHandler((metadata, bytes) -> {
            if (bytes.length > max) {
                refuse(kubeconfig, tooLarge);
                return;
            }
            // Runs with the UI locked: setting the value lists the contexts like a paste does.
            kubeconfig.setValue(new String(bytes, StandardCharsets.UTF_8));
        }) {
            @Override
            public long getFileSizeMax() {
                return max;
            }
        };
        Upload upload = new Upload(handler);
        upload.setId("cluster-kubeconfig-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(max);
        upload.setWidthFull();
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("clusters.kubeconfig-upload")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("clusters.kubeconfig-drop")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(tooLarge));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(e -> refuse(kubeconfig, tooLarge));
        upload.addFailedListener(e -> refuse(kubeconfig, getTranslation("clusters.error.kubeconfig-upload-failed")));
        upload.addFileRemovedListener(e -> kubeconfig.clear());
        return upload;
    }

    private static void refuse(TextArea kubeconfig, String message) {
        kubeconfig.setErrorMessage(message);
        kubeconfig.setInvalid(true);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        unsubscribe = fleet.onChange(() -> ui.access(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unsubscribe.run();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("clusters.title");
    }
}
