package org.sigportal.cluster.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.base.ui.ViewHeader;
import org.sigportal.cluster.ClusterService;
import org.sigportal.cluster.ClusterSummary;
import org.sigportal.cluster.FleetOverview;
import org.sigportal.cluster.FleetService;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The first thing an operator sees: how fragmented the fleet's OS versions are (bars and tables, per cluster),
 * which nodes drift from their target, and how many nodes are not ready or cordoned. Operators set the fleet-wide
 * target and each cluster's own. Updates itself as the caches change; the overview is computed once per update.
 */
@Route("fleet")
@PermitAll
class FleetOverviewView extends VerticalLayout implements HasDynamicTitle {

    /** One row of the OS-image, kernel or runtime tables. */
    private record Count(String value, int nodes) {
    }

    /** A cluster's row in the targets table: the cluster and how many of its nodes drift. */
    private record ClusterTarget(ClusterSummary cluster, int drifting) {
    }

    private final FleetService fleet;
    private final ClusterService clusters;
    private final boolean operator = OperatorCheck.canOperate();
    private final HorizontalLayout counters = new HorizontalLayout();
    private final Div empty = new Div();
    private final Div distribution = new Div();
    private final Div versions = new Div();
    private final Grid<ClusterTarget> targets = new Grid<>();
    private final H2 driftTitle = new H2();
    private final ComboBox<String> driftCluster = new ComboBox<>();
    private final Grid<FleetOverview.Drift> drift = new Grid<>();
    private final Div driftSection = new Div();
    private final ComboBox<String> fleetTarget = new ComboBox<>();
    private List<FleetOverview.Drift> allDrift = List.of();
    private List<String> osImages = List.of();
    private String fleetTargetValue = "";
    private @Nullable List<Object> targetsShown;
    private Runnable unsubscribe = () -> { };

    FleetOverviewView(FleetService fleet, ClusterService clusters) {
        this.fleet = fleet;
        this.clusters = clusters;
        addClassName("portal-page");
        FleetOverview overview = fleet.overview();
        add(new ViewHeader(getTranslation("fleet.title"), getTranslation("fleet.description"),
                targetControl(overview)));

        counters.addClassName("portal-cards");
        counters.setWidthFull();
        empty.addClassName("portal-empty-state");
        empty.setId("fleet-empty");
        empty.add(new Span(getTranslation("fleet.empty")));

        targets.setId("fleet-targets");
        targets.addThemeVariants(GridVariant.LUMO_COMPACT);
        targets.setAllRowsVisible(true);
        targets.addColumn(t -> t.cluster().name()).setHeader(getTranslation("nodes.cluster")).setAutoWidth(true);
        targets.addColumn(new ComponentRenderer<>(this::clusterTarget)).setHeader(getTranslation("fleet.target"))
                .setAutoWidth(true).setFlexGrow(1);
        targets.addColumn(ClusterTarget::drifting).setHeader(getTranslation("fleet.drifting")).setAutoWidth(true);

        driftCluster.setId("fleet-drift-cluster");
        driftCluster.setPlaceholder(getTranslation("nodes.all-clusters"));
        driftCluster.setClearButtonVisible(true);
        driftCluster.addValueChangeListener(e -> showDrift());
        drift.setId("fleet-drift");
        drift.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        // A bounded height: the grid fetches the rows in view as it scrolls, so thousands of drifting nodes are
        // never all sent to the browser at once.
        drift.setHeight("24rem");
        drift.addColumn(d -> d.node().clusterName()).setHeader(getTranslation("nodes.cluster")).setAutoWidth(true);
        drift.addColumn(d -> d.node().name()).setHeader(getTranslation("nodes.name")).setAutoWidth(true);
        drift.addColumn(d -> d.node().osImage()).setHeader(getTranslation("nodes.os-image")).setAutoWidth(true);
        drift.addColumn(FleetOverview.Drift::targetOsImage).setHeader(getTranslation("fleet.target"))
                .setAutoWidth(true);
        driftSection.add(driftTitle, driftCluster, drift);
        driftSection.setWidthFull();

        H2 targetsTitle = new H2(getTranslation("fleet.targets"));
        Span targetsHelp = new Span(getTranslation("fleet.targets.help"));
        targetsHelp.addClassName("portal-view-description");
        add(counters, empty, distribution, targetsTitle, targetsHelp, targets, driftSection, versions);
        render(overview);
    }

    private void render(FleetOverview o) {
        osImages = List.copyOf(o.byOsImage().keySet());
        counters.removeAll();
        counters.add(counter("fleet.clusters", o.clusters(), "fleet-clusters"),
                counter("fleet.nodes", o.nodes(), "fleet-nodes"),
                counter("fleet.not-ready", o.notReady(), "fleet-not-ready"),
                counter("fleet.cordoned", o.cordoned(), "fleet-cordoned"),
                counter("fleet.drifting", o.drift().size(), "fleet-drifting"));
        boolean none = o.nodes() == 0;
        empty.setVisible(none);
        distribution.removeAll();
        versions.removeAll();
        if (!none) {
            distribution.add(new H2(getTranslation("fleet.by-os")), bars(o.byOsImage(), o.nodes(), "fleet-by-os"),
                    osTable(o));
            versions.add(new H2(getTranslation("fleet.by-kernel")), bars(o.byKernel(), o.nodes(), "fleet-by-kernel"),
                    table(o.byKernel(), o.nodes(), "nodes.kernel", "fleet-kernel-table"),
                    new H2(getTranslation("fleet.by-runtime")),
                    bars(o.byContainerRuntime(), o.nodes(), "fleet-by-runtime"),
                    table(o.byContainerRuntime(), o.nodes(), "nodes.runtime", "fleet-runtime-table"));
        }
        allDrift = o.drift();
        driftSection.setVisible(!allDrift.isEmpty());
        List<String> driftClusters = new ArrayList<>(allDrift.stream().map(d -> d.node().clusterName())
                .collect(Collectors.toCollection(TreeSet::new)));
        String chosen = driftCluster.getValue();
        driftCluster.setItems(driftClusters);
        driftCluster.setValue(chosen != null && driftClusters.contains(chosen) ? chosen : null);
        showDrift();
        showTargets(o);
    }

    private void showDrift() {
        String chosen = driftCluster.getValue();
        List<FleetOverview.Drift> shown = chosen == null ? allDrift
                : allDrift.stream().filter(d -> d.node().clusterName().equals(chosen)).toList();
        driftTitle.setText(getTranslation("fleet.drift") + " (" + shown.size() + ")");
        drift.setItems(shown);
    }

    /** The targets table is rebuilt only when a target, a cluster or a drift count changed, not on every update. */
    private void showTargets(FleetOverview o) {
        Map<Long, Long> drifting = o.drift().stream()
                .collect(Collectors.groupingBy(d -> d.node().clusterId(), Collectors.counting()));
        List<ClusterTarget> rows = clusters.list().stream()
                .map(c -> new ClusterTarget(c, drifting.getOrDefault(c.id(), 0L).intValue())).toList();
        List<Object> shown = new ArrayList<>();
        shown.add(fleetTargetValue);
        shown.add(osImages);
        rows.forEach(r -> shown.addAll(List.of(r.cluster().id(), r.cluster().name(), r.cluster().version(),
                Objects.toString(r.cluster().targetOsImage(), ""), r.drifting())));
        if (!shown.equals(targetsShown)) {
            targetsShown = shown;
            targets.setItems(rows);
        }
    }

    /** A cluster's own target: a choice of the fleet's OS images (or any other) for operators, text for others. */
    private Component clusterTarget(ClusterTarget row) {
        ClusterSummary c = row.cluster();
        String placeholder = fleetTargetValue.isEmpty() ? getTranslation("fleet.target-none")
                : getTranslation("fleet.target-fleet-wide", fleetTargetValue);
        if (!operator) {
            Span text = new Span(c.targetOsImage() == null ? placeholder : c.targetOsImage());
            text.setId("target-" + c.name());
            return text;
        }
        ComboBox<String> target = new ComboBox<>();
        target.setId("target-" + c.name());
        target.setPlaceholder(placeholder);
        target.setItems(osImages);
        target.setAllowCustomValue(true);
        target.setClearButtonVisible(true);
        target.setWidthFull();
        target.setValue(c.targetOsImage());
        Consumer<@Nullable String> save = value -> refusable(() -> {
            clusters.setTargetOsImage(c.id(), c.version(), value == null ? "" : value);
            Notifications.success(value == null || value.isBlank()
                    ? getTranslation("fleet.target-cleared", c.name())
                    : getTranslation("fleet.target-set", c.name(), value));
        }, () -> { });
        onChoice(target, save);
        return target;
    }

    /**
     * Calls {@code save} when the user picks an item or types a value of their own (which the combo box does not
     * make its value by itself).
     */
    private static void onChoice(ComboBox<String> box, Consumer<@Nullable String> save) {
        box.addCustomValueSetListener(e -> {
            box.setValue(e.getDetail());
            save.accept(e.getDetail());
        });
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save.accept(e.getValue());
            }
        });
    }

    /**
     * Runs a change; afterwards the overview is shown anew. A refusal is shown with its own reason (a concurrent
     * edit, a cluster that is gone), and {@code undo} puts the control back.
     */
    private void refusable(Runnable change, Runnable undo) {
        try {
            change.run();
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
            undo.run();
        } catch (AccessDeniedException e) {
            Notifications.error(getTranslation("error.access-denied"));
            undo.run();
        }
        targetsShown = null;
        render(fleet.overview());
    }

    /** Operators set the fleet-wide target OS image here; a cluster's own target (in the table below) wins. */
    private Component targetControl(FleetOverview overview) {
        fleetTarget.setLabel(getTranslation("fleet.target-fleet"));
        fleetTarget.setId("fleet-target");
        fleetTarget.setAllowCustomValue(true);
        fleetTarget.setClearButtonVisible(true);
        fleetTarget.setItems(overview.byOsImage().keySet());
        fleetTargetValue = clusters.fleetTargetOsImage();
        fleetTarget.setValue(fleetTargetValue.isEmpty() ? null : fleetTargetValue);
        onChoice(fleetTarget, value -> {
            String before = fleetTargetValue;
            refusable(() -> {
                clusters.setFleetTargetOsImage(value == null ? "" : value);
                fleetTargetValue = value == null ? "" : value.trim();
            }, () -> fleetTarget.setValue(before.isEmpty() ? null : before));
        });
        fleetTarget.setReadOnly(!operator);
        fleetTarget.setWidth("18rem");
        return fleetTarget;
    }

    private Component counter(String key, int value, String id) {
        Div card = new Div();
        card.addClassName("portal-card");
        card.addClassName("portal-counter");
        Span number = new Span(String.valueOf(value));
        number.addClassName("portal-counter-value");
        card.add(number, new Div(new Span(getTranslation(key))));
        card.setId(id);
        return card;
    }

    /** Nodes per OS image: the name and version apart, the share of the fleet, and the count in each cluster. */
    private Component osTable(FleetOverview o) {
        Grid<Count> grid = countGrid("fleet-os-table");
        grid.addColumn(c -> osName(c.value())).setHeader(getTranslation("fleet.os")).setAutoWidth(true);
        grid.addColumn(c -> osVersion(c.value())).setHeader(getTranslation("fleet.os-version")).setAutoWidth(true);
        addCountColumns(grid, o.nodes());
        Collection<String> clusterNames = o.byOsImageAndCluster().values().stream()
                .flatMap(m -> m.keySet().stream()).collect(Collectors.toCollection(TreeSet::new));
        for (String cluster : clusterNames) {
            grid.addColumn(c -> {
                Integer n = o.byOsImageAndCluster().getOrDefault(c.value(), Map.of()).get(cluster);
                return n == null ? "" : String.valueOf(n);
            }).setHeader(cluster).setAutoWidth(true);
        }
        grid.setItems(counts(o.byOsImage()));
        return grid;
    }

    private Component table(Map<String, Integer> counts, int total, String headerKey, String id) {
        Grid<Count> grid = countGrid(id);
        grid.addColumn(c -> c.value().isEmpty() ? "—" : c.value()).setHeader(getTranslation(headerKey))
                .setAutoWidth(true);
        addCountColumns(grid, total);
        grid.setItems(counts(counts));
        return grid;
    }

    private static Grid<Count> countGrid(String id) {
        Grid<Count> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.getStyle().set("margin-top", "var(--lumo-space-m)");
        return grid;
    }

    private void addCountColumns(Grid<Count> grid, int total) {
        grid.addColumn(Count::nodes).setHeader(getTranslation("fleet.nodes")).setAutoWidth(true);
        grid.addColumn(c -> String.format(getLocale(), "%.1f %%", 100.0 * c.nodes() / Math.max(1, total)))
                .setHeader(getTranslation("fleet.share")).setAutoWidth(true);
    }

    private static List<Count> counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    /** "LifseaOS 2.0 (Rust)" is LifseaOS, version "2.0 (Rust)": the name ends where the first number starts. */
    static String osName(String image) {
        int at = versionStart(image);
        return at < 0 ? (image.isEmpty() ? "—" : image) : image.substring(0, at).trim();
    }

    static String osVersion(String image) {
        int at = versionStart(image);
        return at < 0 ? "" : image.substring(at).trim();
    }

    private static int versionStart(String image) {
        String[] words = image.split(" ");
        int at = 0;
        for (int i = 0; i < words.length; i++) {
            if (i > 0 && !words[i].isEmpty() && Character.isDigit(words[i].charAt(0))) {
                return at;
            }
            at += words[i].length() + 1;
        }
        return -1;
    }

    /** A bar chart drawn on the server: one row per value, the bar as wide as its share, the count beside it. */
    private Component bars(Map<String, Integer> counts, int total, String id) {
        Div chart = new Div();
        chart.addClassName("portal-bars");
        chart.setId(id);
        counts.forEach((label, count) -> {
            Div row = new Div();
            row.addClassName("portal-bar-row");
            Span name = new Span(label.isEmpty() ? "—" : label);
            name.addClassName("portal-bar-label");
            Div track = new Div();
            track.addClassName("portal-bar-track");
            Div bar = new Div();
            bar.addClassName("portal-bar");
            bar.getStyle().set("width", String.format(Locale.ROOT, "%.2f%%", 100.0 * count / Math.max(1, total)));
            track.add(bar);
            Span value = new Span(String.valueOf(count));
            value.addClassName("portal-bar-value");
            row.add(name, track, value);
            chart.add(row);
        });
        return chart;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        unsubscribe = fleet.onChange(() -> ui.access(() -> render(fleet.overview())));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unsubscribe.run();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("fleet.title");
    }
}
