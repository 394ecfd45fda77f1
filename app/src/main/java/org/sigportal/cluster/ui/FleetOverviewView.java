package org.sigportal.cluster.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.combobox.ComboBox;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.base.ui.ViewHeader;
import org.sigportal.cluster.ClusterService;
import org.sigportal.cluster.FleetOverview;
import org.sigportal.cluster.FleetService;

import java.util.Map;

/**
 * The first thing an operator sees: how fragmented the fleet's OS versions are, which nodes drift from their
 * target, and how many nodes are not ready or cordoned. Updates itself as the caches change.
 */
@Route("fleet")
@PermitAll
class FleetOverviewView extends VerticalLayout implements HasDynamicTitle {

    private final FleetService fleet;
    private final Div content = new Div();
    private final ClusterService clusters;
    private Runnable unsubscribe = () -> { };

    FleetOverviewView(FleetService fleet, ClusterService clusters) {
        this.fleet = fleet;
        this.clusters = clusters;
        addClassName("portal-page");
        add(new ViewHeader(getTranslation("fleet.title"), getTranslation("fleet.description"), targetControl()),
                content);
        content.setWidthFull();
        render();
    }

    private void render() {
        FleetOverview o = fleet.overview();
        content.removeAll();
        HorizontalLayout counters = new HorizontalLayout(
                counter("fleet.clusters", o.clusters(), "fleet-clusters"),
                counter("fleet.nodes", o.nodes(), "fleet-nodes"),
                counter("fleet.not-ready", o.notReady(), "fleet-not-ready"),
                counter("fleet.cordoned", o.cordoned(), "fleet-cordoned"),
                counter("fleet.drifting", o.drift().size(), "fleet-drifting"));
        counters.addClassName("portal-cards");
        content.add(counters);
        if (o.nodes() == 0) {
            Div empty = new Div(new Span(getTranslation("fleet.empty")));
            empty.addClassName("portal-empty-state");
            empty.setId("fleet-empty");
            content.add(empty);
            return;
        }
        content.add(new H2(getTranslation("fleet.by-os")), bars(o.byOsImage(), o.nodes(), "fleet-by-os"));
        if (!o.drift().isEmpty()) {
            Grid<FleetOverview.Drift> drift = new Grid<>();
            drift.setId("fleet-drift");
            drift.addThemeVariants(GridVariant.LUMO_COMPACT);
            drift.setAllRowsVisible(true);
            drift.addColumn(d -> d.node().clusterName()).setHeader(getTranslation("nodes.cluster"));
            drift.addColumn(d -> d.node().name()).setHeader(getTranslation("nodes.name"));
            drift.addColumn(d -> d.node().osImage()).setHeader(getTranslation("nodes.os-image"));
            drift.addColumn(FleetOverview.Drift::targetOsImage).setHeader(getTranslation("fleet.target"));
            drift.setItems(o.drift());
            content.add(new H2(getTranslation("fleet.drift")), drift);
        }
        content.add(new H2(getTranslation("fleet.by-kernel")), bars(o.byKernel(), o.nodes(), "fleet-by-kernel"),
                new H2(getTranslation("fleet.by-runtime")), bars(o.byContainerRuntime(), o.nodes(), "fleet-by-runtime"));
    }

    /** Operators set the fleet-wide target OS image here (a cluster's own target, set over REST, wins). */
    private Component targetControl() {
        ComboBox<String> target = new ComboBox<>(getTranslation("fleet.target"));
        target.setId("fleet-target");
        target.setAllowCustomValue(true);
        target.setClearButtonVisible(true);
        target.setItems(fleet.overview().byOsImage().keySet());
        target.setValue(clusters.fleetTargetOsImage().isEmpty() ? null : clusters.fleetTargetOsImage());
        target.addCustomValueSetListener(e -> target.setValue(e.getDetail()));
        target.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                try {
                    clusters.setFleetTargetOsImage(e.getValue() == null ? "" : e.getValue());
                    render();
                } catch (PortalException | org.springframework.security.access.AccessDeniedException ex) {
                    Notifications.error(getTranslation("error.access-denied"));
                    target.setValue(e.getOldValue());
                }
            }
        });
        target.setReadOnly(!OperatorCheck.canOperate());
        target.setWidth("18rem");
        return target;
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
            bar.getStyle().set("width", (100.0 * count / Math.max(1, total)) + "%");
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
        unsubscribe = fleet.onChange(() -> ui.access(this::render));
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
