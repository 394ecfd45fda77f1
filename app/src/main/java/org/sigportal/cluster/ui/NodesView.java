package org.sigportal.cluster.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.base.ui.ViewHeader;
import org.sigportal.cluster.ClusterService;
import org.sigportal.cluster.ClusterSummary;
import org.sigportal.cluster.FleetService;
import org.sigportal.cluster.NodeOperationsService;
import org.sigportal.cluster.NodeQuery;
import org.sigportal.cluster.NodeView;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Locale;
import java.util.Map;

/**
 * Every node of the fleet, loaded lazily page by page with server-side sorting and filtering (text, cluster,
 * status, OS image, label selector), updated live, with cordon and uncordon for operators.
 */
@Route("fleet/nodes")
@PermitAll
class NodesView extends VerticalLayout implements HasDynamicTitle {

    private final FleetService fleet;
    private final NodeOperationsService operations;
    private final Grid<NodeView> grid = new Grid<>();
    private final TextField text = new TextField();
    private final ComboBox<ClusterSummary> cluster = new ComboBox<>();
    private final Select<NodeView.NodeStatus> status = new Select<>();
    private final TextField selector = new TextField();
    private Runnable unsubscribe = () -> { };
    private final boolean operator = OperatorCheck.canOperate();

    NodesView(FleetService fleet, ClusterService clusters, NodeOperationsService operations) {
        this.fleet = fleet;
        this.operations = operations;
        addClassName("portal-page");
        setSizeFull();
        add(new ViewHeader(getTranslation("nodes.title"), getTranslation("nodes.description")));

        text.setPlaceholder(getTranslation("nodes.search"));
        text.setId("nodes-search");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        cluster.setPlaceholder(getTranslation("nodes.all-clusters"));
        cluster.setItems(clusters.list());
        cluster.setItemLabelGenerator(ClusterSummary::name);
        cluster.setClearButtonVisible(true);
        status.setItems(NodeView.NodeStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("nodes.any-status"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("nodes.any-status") : statusLabel(s));
        selector.setPlaceholder(getTranslation("nodes.selector"));
        selector.setId("nodes-selector");
        selector.setValueChangeMode(ValueChangeMode.LAZY);
        selector.setClearButtonVisible(true);
        text.addValueChangeListener(e -> refresh());
        cluster.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        selector.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(text, cluster, status, selector);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.setId("nodes-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(NodeView::name).setHeader(getTranslation("nodes.name")).setKey("NAME").setSortable(true)
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(NodeView::clusterName).setHeader(getTranslation("nodes.cluster")).setKey("CLUSTER")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(n -> String.join(",", n.roles())).setHeader(getTranslation("nodes.roles")).setAutoWidth(true);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("nodes.status")).setKey("STATUS")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(NodeView::osImage).setHeader(getTranslation("nodes.os-image")).setKey("OS_IMAGE")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(NodeView::kernelVersion).setHeader(getTranslation("nodes.kernel")).setKey("KERNEL")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(NodeView::containerRuntime).setHeader(getTranslation("nodes.runtime")).setKey("RUNTIME")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(NodeView::kubeletVersion).setHeader(getTranslation("nodes.kubelet")).setKey("KUBELET")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(n -> n.cpu() + " / " + n.memory()).setHeader(getTranslation("nodes.allocatable"))
                .setAutoWidth(true);
        grid.addColumn(NodeView::pods).setHeader(getTranslation("nodes.pods")).setAutoWidth(true);
        grid.addColumn(n -> n.taints().size() + n.labels().size() == 0 ? "" : n.labels().size() + " "
                + getTranslation("nodes.labels")).setHeader(getTranslation("nodes.labels-title")).setAutoWidth(true);
        if (operator) {
            grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setEmptyStateText(getTranslation("nodes.empty"));
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null && "NAME".equals(e.getColumn().getKey())) {
                openDetail(e.getItem());
            }
        });
        grid.setSizeFull();
        add(filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }


    private void refresh() {
        selector.setInvalid(false);
        grid.setItems(q -> {
            NodeQuery.NodeSort sort = NodeQuery.NodeSort.NAME;
            boolean ascending = true;
            if (!q.getSortOrders().isEmpty()) {
                var order = q.getSortOrders().getFirst();
                sort = NodeQuery.NodeSort.valueOf(order.getSorted());
                ascending = order.getDirection() == SortDirection.ASCENDING;
            }
            NodeQuery query = query(sort, ascending, q.getOffset(), q.getLimit());
            return refusedSelector(() -> fleet.nodes(query).nodes(), java.util.List.<NodeView>of()).stream();
        }, q -> refusedSelector(() -> fleet.count(query(NodeQuery.NodeSort.NAME, true, 0, 0)), 0));
    }

    private NodeQuery query(NodeQuery.NodeSort sort, boolean ascending, int offset, int limit) {
        return new NodeQuery(text.getValue(), cluster.getValue() == null ? null : cluster.getValue().id(),
                status.getValue(), null, selector.getValue(), sort, ascending, offset, limit);
    }

    /** A label selector the portal cannot read is shown on its field; the grid is then empty. */
    private <T> T refusedSelector(java.util.function.Supplier<T> read, T empty) {
        try {
            return read.get();
        } catch (PortalException e) {
            selector.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            selector.setInvalid(true);
            return empty;
        }
    }

    private Span statusBadge(NodeView n) {
        Span badge = new Span(statusLabel(n.status()) + (n.unschedulable() ? " · " + getTranslation("nodes.cordoned") : ""));
        badge.getElement().getThemeList().add(switch (n.status()) {
            case READY -> n.unschedulable() ? "badge contrast" : "badge success";
            case NOT_READY -> "badge error";
            case UNKNOWN -> "badge";
        });
        return badge;
    }

    private String statusLabel(NodeView.NodeStatus s) {
        return getTranslation("nodes.status." + s.name().toLowerCase(Locale.ROOT));
    }

    private Button actions(NodeView n) {
        return cordonButton(n);
    }

    private void openDetail(NodeView n) {
        new NodeDetailDialog(n, operator ? () -> confirmDrain(n) : null).open();
    }

    private void confirmDrain(NodeView n) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("nodes.drain"),
                getTranslation("nodes.drain-confirm", n.name(), n.clusterName()), getTranslation("nodes.drain"),
                ev -> startDrain(n));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** Runs the drain off the UI thread, as the signed-in user, and pushes progress and the report to the browser. */
    private void startDrain(NodeView n) {
        var ui = getUI().orElseThrow();
        com.vaadin.flow.component.notification.Notification running = new com.vaadin.flow.component.notification
                .Notification(getTranslation("nodes.draining", n.name()));
        running.setPosition(com.vaadin.flow.component.notification.Notification.Position.BOTTOM_START);
        running.setId("drain-progress");
        running.open();
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        Thread.ofVirtual().name("drain-" + n.name()).start(
                new org.springframework.security.concurrent.DelegatingSecurityContextRunnable(() -> {
                    try {
                        var report = operations.drain(n.clusterId(), n.name(), java.time.Duration.ofSeconds(60),
                                step -> ui.access(() -> running.setText(getTranslation("nodes.draining", n.name())
                                        + " " + step)));
                        ui.access(() -> {
                            running.close();
                            new DrainReportDialog(report).open();
                        });
                    } catch (PortalException ex) {
                        ui.access(() -> {
                            running.close();
                            Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                        });
                    }
                }, context));
    }

    private Button cordonButton(NodeView n) {
        boolean cordon = !n.unschedulable();
        Button button = new Button(getTranslation(cordon ? "nodes.cordon" : "nodes.uncordon"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation(cordon ? "nodes.cordon" : "nodes.uncordon"),
                    getTranslation(cordon ? "nodes.cordon-confirm" : "nodes.uncordon-confirm", n.name(),
                            n.clusterName()),
                    getTranslation(cordon ? "nodes.cordon" : "nodes.uncordon"), ev -> {
                try {
                    if (cordon) {
                        operations.cordon(n.clusterId(), n.name());
                    } else {
                        operations.uncordon(n.clusterId(), n.name());
                    }
                    Notifications.success(getTranslation(cordon ? "nodes.cordoned-done" : "nodes.uncordoned-done",
                            n.name()));
                } catch (PortalException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
            });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.open();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setId((cordon ? "cordon-" : "uncordon-") + n.name());
        return button;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        unsubscribe = fleet.onChange(() -> ui.access(() -> grid.getDataProvider().refreshAll()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unsubscribe.run();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nodes.title");
    }
}
