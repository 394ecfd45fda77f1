package org.sigportal.cluster.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;
import org.sigportal.cluster.FleetOverview;

/**
 * The fleet at a glance on an operator's home page: nodes, not ready, cordoned, and how many drift from their
 * target OS image, with the way to the fleet overview.
 */
class FleetSummary extends Div {

    FleetSummary(FleetOverview o) {
        setId("home-fleet");
        addClassName("portal-home-fleet");
        setWidthFull();
        add(new H2(getTranslation("fleet.home.title")));
        HorizontalLayout counters = new HorizontalLayout(
                counter("fleet.clusters", o.clusters(), "home-fleet-clusters", false),
                counter("fleet.nodes", o.nodes(), "home-fleet-nodes", false),
                counter("fleet.not-ready", o.notReady(), "home-fleet-not-ready", o.notReady() > 0),
                counter("fleet.cordoned", o.cordoned(), "home-fleet-cordoned", false),
                counter("fleet.drifting", o.drift().size(), "home-fleet-drifting", !o.drift().isEmpty()));
        counters.addClassName("portal-cards");
        counters.setWidthFull();
        add(counters);
        String summary = o.nodes() == 0 ? getTranslation("fleet.empty")
                : o.drift().isEmpty() ? getTranslation("fleet.home.no-drift", o.nodes(), o.byOsImage().size())
                : getTranslation("fleet.home.drift", o.drift().size(), o.nodes(), o.byOsImage().size());
        Paragraph text = new Paragraph(summary);
        text.setId("home-fleet-summary");
        RouterLink open = new RouterLink(getTranslation("fleet.home.open"), FleetOverviewView.class);
        open.setId("home-fleet-link");
        add(text, open);
    }

    private Div counter(String key, int value, String id, boolean attention) {
        Div card = new Div();
        card.addClassName("portal-card");
        card.addClassName("portal-counter");
        Span number = new Span(String.valueOf(value));
        number.addClassName("portal-counter-value");
        if (attention) {
            number.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        card.add(number, new Div(new Span(getTranslation(key))));
        card.setId(id);
        return card;
    }
}
