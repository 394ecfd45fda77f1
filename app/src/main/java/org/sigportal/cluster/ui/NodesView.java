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
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.base.ui.ViewHeader;
import org.sigportal.cluster.BulkOperation;
import org.sigportal.cluster.ClusterService;
import org.sigportal.cluster.ClusterSummary;
import org.sigportal.cluster.FleetService;
import org.sigportal.cluster.NodeOperationsService;
import org.sigportal.cluster.NodePage;
import org.sigportal.cluster.NodeQuery;
import org.sigportal.cluster.NodeView;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every node of the fleet, loaded lazily page by page with server-side sorting and filtering (text, cluster,
 * status, OS image, label selector), updated live. Beside the versions it shows abnormal conditions, the pods on
 * each node against its capacity (counted for the fetched page only), the node's age and a few of its labels. Operators cordon and uncordon from the grid, edit labels and
 * taints and drain from a node's detail, and run any of these on a selection of nodes at once.
 */
@Route("fleet/nodes")
@PermitAll
class NodesView extends VerticalLayout implements HasDynamicTitle {

    /** Labels of the well-known Kubernetes prefixes say little at a glance; the node's own labels come first. */
    private static final List<String> NOISY = List.of("kubernetes.io/", "beta.kubernetes.io/",
            "node.kubernetes.io/", "node-role.kubernetes.io/");
    private static final int SHOWN_LABELS = 3;
    private static final int DEFAULT_DRAIN_SECONDS = 60;
    private static final int MIN_DRAIN_SECONDS = 5;

    private final FleetService fleet;
    private final NodeOperationsService operations;
    private final Grid<NodeView> grid = new Grid<>();
    private final TextField text = new TextField();
    private final ComboBox<ClusterSummary> cluster = new ComboBox<>();
    private final Select<NodeView.NodeStatus> status = new Select<>();
    private final TextField selector = new TextField();
    private final ComboBox<String> osImage = new ComboBox<>();
    /** The pods on each node of the pages the grid fetched, by {@link NodeView#key()}. */
    private final Map<String, Integer> podsOnNode = new java.util.concurrent.ConcurrentHashMap<>();
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
        osImage.setPlaceholder(getTranslation("nodes.any-os-image"));
        osImage.setId("nodes-os-image");
        osImage.setItems(fleet.osImages());
        osImage.setClearButtonVisible(true);
        osImage.setWidth("16rem");
        selector.setPlaceholder(getTranslation("nodes.selector"));
        selector.setId("nodes-selector");
        selector.setValueChangeMode(ValueChangeMode.LAZY);
        selector.setClearButtonVisible(true);
        text.addValueChangeListener(e -> refresh());
        cluster.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        osImage.addValueChangeListener(e -> refresh());
        selector.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(text, cluster, status, osImage, selector);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.setId("nodes-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(NodeView::name).setHeader(getTranslation("nodes.name")).setKey("NAME").setSortable(true)
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(NodeView::clusterName).setHeader(getTranslation("nodes.cluster")).setKey("CLUSTER")
                .setSortable(true).setAutoWidth(true);
        // Status, conditions, OS image, pods and age first: what an operator scans the fleet for.
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("nodes.status")).setKey("STATUS")
                .setSortable(true).setWidth("11rem").setFlexGrow(0);
        // A fixed width: the first page, which auto-width would measure, may have no abnormal condition at all.
        grid.addComponentColumn(this::conditions).setHeader(getTranslation("nodes.conditions")).setKey("CONDITIONS")
                .setWidth("10rem").setFlexGrow(0).setTooltipGenerator(this::conditionsTooltip);
        grid.addColumn(NodeView::osImage).setHeader(getTranslation("nodes.os-image")).setKey("OS_IMAGE")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(this::pods).setHeader(getTranslation("nodes.pods")).setKey("PODS").setWidth("7rem")
                .setFlexGrow(0).setTooltipGenerator(n -> getTranslation("nodes.pods-tooltip"));
        grid.addColumn(n -> age(n.createdAt())).setHeader(getTranslation("nodes.age")).setKey("AGE")
                .setSortable(true).setWidth("6.5rem").setFlexGrow(0)
                .setTooltipGenerator(n -> n.createdAt() == null ? "" : n.createdAt().toString());
        grid.addComponentColumn(this::labels).setHeader(getTranslation("nodes.labels-title")).setKey("LABELS")
                .setAutoWidth(true).setTooltipGenerator(NodesView::labelsTooltip);
        grid.addColumn(n -> String.join(",", n.roles())).setHeader(getTranslation("nodes.roles")).setAutoWidth(true);
        grid.addColumn(NodeView::kernelVersion).setHeader(getTranslation("nodes.kernel")).setKey("KERNEL")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(NodeView::containerRuntime).setHeader(getTranslation("nodes.runtime")).setKey("RUNTIME")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(NodeView::kubeletVersion).setHeader(getTranslation("nodes.kubelet")).setKey("KUBELET")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(n -> n.cpu() + " / " + n.memory()).setHeader(getTranslation("nodes.allocatable"))
                .setAutoWidth(true);
        if (operator) {
            grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setEmptyStateText(getTranslation("nodes.empty"));
        HorizontalLayout bulkBar = new HorizontalLayout();
        if (operator) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            bulkBar = bulkBar();
        }
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null && "NAME".equals(e.getColumn().getKey())) {
                openDetail(e.getItem());
            }
        });
        grid.setSizeFull();
        add(filters, bulkBar, grid);
        setFlexGrow(1, grid);
        refresh();
    }


    private void refresh() {
        selector.setInvalid(false);
        grid.setItems(new com.vaadin.flow.data.provider.CallbackDataProvider<NodeView, Void>(q -> {
            NodeQuery.NodeSort sort = NodeQuery.NodeSort.NAME;
            boolean ascending = true;
            if (!q.getSortOrders().isEmpty()) {
                var order = q.getSortOrders().getFirst();
                sort = NodeQuery.NodeSort.valueOf(order.getSorted());
                ascending = order.getDirection() == SortDirection.ASCENDING;
            }
            NodeQuery query = query(sort, ascending, q.getOffset(), q.getLimit());
            return refusedSelector(() -> {
                NodePage page = fleet.nodes(query);
                page.nodes().forEach(n -> {
                    Integer count = page.podsOnNode().get(n.key());
                    if (count == null) {
                        podsOnNode.remove(n.key());
                    } else {
                        podsOnNode.put(n.key(), count);
                    }
                });
                return page.nodes();
            }, java.util.List.<NodeView>of()).stream();
        }, q -> refusedSelector(() -> fleet.count(query(NodeQuery.NodeSort.NAME, true, 0, 0)), 0), NodeView::key));
    }

    private NodeQuery query(NodeQuery.NodeSort sort, boolean ascending, int offset, int limit) {
        return new NodeQuery(text.getValue(), cluster.getValue() == null ? null : cluster.getValue().id(),
                status.getValue(), osImage.getValue(), selector.getValue(), sort, ascending, offset, limit);
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

    /** The pods on the node (from the cache), and how many it may run: {@code 14 / 110}. */
    private String pods(NodeView n) {
        Integer count = podsOnNode.get(n.key());
        String on = count == null ? "–" : String.valueOf(count);
        return n.pods().isEmpty() ? on : on + " / " + n.pods();
    }

    /** How old the node is, in its largest unit: 3d, 5h, 12m. */
    private String age(@Nullable Instant created) {
        if (created == null) {
            return "";
        }
        Duration age = Duration.between(created, Instant.now());
        if (age.toDays() > 0) {
            return getTranslation("nodes.age.days", age.toDays());
        }
        if (age.toHours() > 0) {
            return getTranslation("nodes.age.hours", age.toHours());
        }
        return getTranslation("nodes.age.minutes", Math.max(0, age.toMinutes()));
    }

    /** Conditions other than Ready that are true mean trouble (pressure, no network): one red badge each. */
    private static List<NodeView.Condition> abnormal(NodeView n) {
        return n.conditions().stream().filter(c -> !"Ready".equals(c.type()) && "True".equals(c.status())).toList();
    }

    private Span conditions(NodeView n) {
        Span all = new Span();
        all.addClassName("portal-badges");
        for (NodeView.Condition c : abnormal(n)) {
            Span badge = new Span(c.type());
            badge.getElement().getThemeList().add("badge error small");
            all.add(badge);
        }
        return all;
    }

    private String conditionsTooltip(NodeView n) {
        return abnormal(n).stream().map(c -> c.type() + (c.message() == null ? "" : ": " + c.message()))
                .collect(Collectors.joining("\n"));
    }

    private static boolean noisy(String key) {
        return NOISY.stream().anyMatch(key::startsWith);
    }

    /** A few labels as compact badges (the key without its prefix), and how many more; the tooltip has them all. */
    private Span labels(NodeView n) {
        Span all = new Span();
        all.addClassName("portal-badges");
        List<Map.Entry<String, String>> sorted = n.labels().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> noisy(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        sorted.stream().limit(SHOWN_LABELS).forEach(e -> {
            String key = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            Span badge = new Span(e.getValue().isEmpty() ? key : key + "=" + e.getValue());
            badge.getElement().getThemeList().add("badge contrast small");
            all.add(badge);
        });
        if (sorted.size() > SHOWN_LABELS) {
            Span more = new Span(getTranslation("nodes.labels-more", sorted.size() - SHOWN_LABELS));
            more.getElement().getThemeList().add("badge small");
            all.add(more);
        }
        return all;
    }

    private static String labelsTooltip(NodeView n) {
        return new TreeMap<>(n.labels()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    private String statusLabel(NodeView.NodeStatus s) {
        return getTranslation("nodes.status." + s.name().toLowerCase(Locale.ROOT));
    }

    private Button actions(NodeView n) {
        return cordonButton(n);
    }

    private void openDetail(NodeView n) {
        // The grid's row may be up to a second old; the detail and the editors start from the cache as it is now,
        // so an edit sends the node's current resource version and a conflict means someone really changed it.
        new NodeDetailDialog(latest(n), fleet, operator ? new NodeDetailDialog.Actions(
                node -> NodeMetadataEditor.labels(latest(node), operations).open(),
                node -> NodeMetadataEditor.taints(latest(node), operations).open(),
                this::confirmDrain) : null).open();
    }

    private NodeView latest(NodeView n) {
        return fleet.node(n.clusterId(), n.name()).orElse(n);
    }

    private void confirmDrain(NodeView n) {
        // How long to wait for evicted pods to go and for disruption budgets to let the others go (kubectl's
        // --timeout), within the service's bound.
        IntegerField timeout = new IntegerField(getTranslation("nodes.drain-timeout"));
        timeout.setId("drain-timeout");
        timeout.setHelperText(getTranslation("nodes.drain-timeout-help"));
        int longest = (int) NodeOperationsService.MAX_DRAIN_TIMEOUT.toSeconds();
        timeout.setMin(MIN_DRAIN_SECONDS);
        timeout.setMax(longest);
        timeout.setStepButtonsVisible(true);
        timeout.setValue(DEFAULT_DRAIN_SECONDS);
        Div text = new Div(new Paragraph(getTranslation("nodes.drain-confirm", n.name(), n.clusterName())), timeout);
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("nodes.drain"));
        confirm.setText(text);
        confirm.setConfirmText(getTranslation("nodes.drain"));
        confirm.addConfirmListener(ev -> {
            int seconds = timeout.getValue() == null ? DEFAULT_DRAIN_SECONDS
                    : Math.clamp(timeout.getValue(), MIN_DRAIN_SECONDS, longest);
            new DrainDialog(n).start(operations, n, Duration.ofSeconds(seconds));
        });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** The operations on the selected nodes; shown when something is selected. */
    private HorizontalLayout bulkBar() {
        Span count = new Span();
        count.setId("bulk-count");
        HorizontalLayout bar = new HorizontalLayout(count);
        bar.setId("bulk-bar");
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        bar.setVisible(false);
        for (BulkOperation.Kind kind : BulkOperation.Kind.values()) {
            Button b = new Button(getTranslation("nodes.bulk." + kind.name()), e -> askBulk(kind));
            b.setId("bulk-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            if (kind == BulkOperation.Kind.DRAIN) {
                b.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            bar.add(b);
        }
        Button clear = new Button(getTranslation("nodes.bulk-clear"), e -> grid.deselectAll());
        clear.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        bar.add(clear);
        grid.addSelectionListener(e -> {
            int n = e.getAllSelectedItems().size();
            bar.setVisible(n > 0);
            count.setText(getTranslation("nodes.bulk-selected", n));
        });
        return bar;
    }

    /** Asks for what the operation needs (a label, a taint) and for confirmation, then runs it. */
    private void askBulk(BulkOperation.Kind kind) {
        java.util.List<NodeView> selected = java.util.List.copyOf(grid.getSelectedItems());
        if (selected.isEmpty()) {
            return;
        }
        java.util.List<BulkOperation.NodeRef> refs = selected.stream()
                .map(n -> new BulkOperation.NodeRef(n.clusterId(), n.name())).toList();
        boolean needsKey = kind != BulkOperation.Kind.CORDON && kind != BulkOperation.Kind.UNCORDON
                && kind != BulkOperation.Kind.DRAIN;
        boolean needsValue = kind == BulkOperation.Kind.ADD_LABELS || kind == BulkOperation.Kind.ADD_TAINT;
        boolean taint = kind == BulkOperation.Kind.ADD_TAINT || kind == BulkOperation.Kind.REMOVE_TAINT;
        TextField key = new TextField(getTranslation("nodes.key"));
        key.setId("bulk-key");
        TextField value = new TextField(getTranslation("nodes.value"));
        value.setId("bulk-value");
        Select<String> effect = new Select<>();
        effect.setLabel(getTranslation("nodes.effect"));
        effect.setItems(NodeMetadataEditor.EFFECTS);
        effect.setValue(NodeMetadataEditor.EFFECTS.getFirst());
        effect.setId("bulk-effect");
        HorizontalLayout parameters = new HorizontalLayout();
        if (needsKey) {
            parameters.add(key);
        }
        if (needsValue) {
            parameters.add(value);
        }
        if (taint) {
            parameters.add(effect);
        }
        String names = selected.stream().limit(10).map(NodeView::name).reduce((a, b) -> a + ", " + b).orElse("")
                + (selected.size() > 10 ? ", …" : "");
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("nodes.bulk-title", getTranslation("nodes.bulk." + kind.name()),
                selected.size()));
        VerticalLayout text = new VerticalLayout(new Span(getTranslation("nodes.bulk-confirm", selected.size(),
                names)), parameters);
        text.setPadding(false);
        confirm.setText(text);
        confirm.setConfirmText(getTranslation("nodes.bulk." + kind.name()));
        if (kind == BulkOperation.Kind.DRAIN) {
            confirm.setConfirmButtonTheme("error primary");
        }
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.addConfirmListener(e -> {
            String k = key.getValue().trim();
            BulkOperation operation = switch (kind) {
                case ADD_LABELS -> new BulkOperation(kind, refs, Map.of(k, value.getValue().trim()), null, null, null);
                case REMOVE_LABELS -> new BulkOperation(kind, refs, null, java.util.List.of(k), null, null);
                case ADD_TAINT, REMOVE_TAINT -> new BulkOperation(kind, refs, null, null,
                        new NodeView.Taint(k, value.getValue().trim(), effect.getValue()), null);
                case DRAIN -> new BulkOperation(kind, refs, null, null, null, 60L);
                default -> BulkOperation.of(kind, refs);
            };
            if (needsKey && k.isEmpty()) {
                Notifications.error(getTranslation(taint ? "nodes.error.taint-missing" : "nodes.error.labels-missing"));
                return;
            }
            new BulkDialog(kind, selected).start(operations, operation);
        });
        confirm.open();
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
