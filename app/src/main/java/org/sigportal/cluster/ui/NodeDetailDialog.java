package org.sigportal.cluster.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import org.jspecify.annotations.Nullable;
import org.sigportal.cluster.FleetService;
import org.sigportal.cluster.NodeEvent;
import org.sigportal.cluster.NodeView;
import org.sigportal.cluster.PodView;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Everything the cache knows about one node: facts, taints, addresses, conditions with messages, labels, the pods
 * on it and its recent events; operators also get label and taint editing and drain.
 */
class NodeDetailDialog extends Dialog {

    /** What an operator can do from the detail; each receives the node as shown. */
    record Actions(Consumer<NodeView> editLabels, Consumer<NodeView> editTaints, Consumer<NodeView> drain) {
    }

    NodeDetailDialog(NodeView node, FleetService fleet, @Nullable Actions actions) {
        setHeaderTitle(node.name());
        setId("node-detail");
        setWidth("64rem");
        FormLayout facts = new FormLayout();
        facts.addFormItem(new Span(node.clusterName()), getTranslation("nodes.cluster"));
        facts.addFormItem(new Span(getTranslation("nodes.status." + node.status().name().toLowerCase(Locale.ROOT))
                + (node.unschedulable() ? " · " + getTranslation("nodes.cordoned") : "")), getTranslation("nodes.status"));
        facts.addFormItem(new Span(String.join(", ", node.roles())), getTranslation("nodes.roles"));
        facts.addFormItem(new Span(node.osImage()), getTranslation("nodes.os-image"));
        facts.addFormItem(new Span(node.kernelVersion()), getTranslation("nodes.kernel"));
        facts.addFormItem(new Span(node.containerRuntime()), getTranslation("nodes.runtime"));
        facts.addFormItem(new Span(node.kubeletVersion()), getTranslation("nodes.kubelet"));
        facts.addFormItem(new Span(node.cpu() + " / " + node.memory() + " / " + node.pods()),
                getTranslation("nodes.allocatable"));
        if (node.createdAt() != null) {
            facts.addFormItem(new Span(time(node.createdAt())), getTranslation("nodes.created"));
        }
        facts.addFormItem(new Span(String.join(", ", node.addresses())), getTranslation("nodes.addresses"));
        add(facts);

        add(new H3(getTranslation("nodes.taints")));
        add(chips(node.taints().stream().map(NodeView.Taint::toString).toList(), "node-taints"));

        add(new H3(getTranslation("nodes.conditions")));
        Grid<NodeView.Condition> conditions = new Grid<>();
        conditions.setId("node-conditions");
        conditions.addThemeVariants(GridVariant.LUMO_COMPACT);
        conditions.setAllRowsVisible(true);
        conditions.addColumn(NodeView.Condition::type).setHeader(getTranslation("nodes.condition.type"))
                .setAutoWidth(true);
        conditions.addColumn(NodeView.Condition::status).setHeader(getTranslation("nodes.status")).setAutoWidth(true);
        conditions.addColumn(c -> c.reason() == null ? "" : c.reason())
                .setHeader(getTranslation("nodes.condition.reason")).setAutoWidth(true);
        conditions.addColumn(c -> c.message() == null ? "" : c.message())
                .setHeader(getTranslation("nodes.condition.message")).setFlexGrow(1);
        conditions.setItems(node.conditions());
        add(conditions);

        add(new H3(getTranslation("nodes.labels-title")));
        add(chips(node.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(), "node-labels"));

        List<PodView> pods = fleet.pods(node.clusterId(), node.name());
        add(new H3(getTranslation("nodes.pods-on-node") + " (" + pods.size() + ")"));
        if (!fleet.podsKnown(node.clusterId())) {
            add(new Paragraph(getTranslation("nodes.pods-unknown")));
        } else {
            Grid<PodView> podGrid = new Grid<>();
            podGrid.setId("node-pods");
            podGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
            podGrid.setAllRowsVisible(pods.size() <= 12);
            podGrid.setHeight(pods.size() <= 12 ? null : "24rem");
            podGrid.addColumn(PodView::key).setHeader(getTranslation("pods.name")).setAutoWidth(true).setFlexGrow(1);
            podGrid.addColumn(PodView::phase).setHeader(getTranslation("pods.phase")).setAutoWidth(true);
            podGrid.addColumn(p -> p.readyContainers() + "/" + p.containers()).setHeader(getTranslation("pods.ready"))
                    .setAutoWidth(true);
            podGrid.addColumn(PodView::restarts).setHeader(getTranslation("pods.restarts")).setAutoWidth(true);
            podGrid.addColumn(p -> p.ownerKind() == null ? "" : p.ownerKind() + "/" + p.ownerName())
                    .setHeader(getTranslation("pods.owner")).setAutoWidth(true);
            podGrid.addColumn(p -> p.runtimeClass() == null ? "" : p.runtimeClass())
                    .setHeader(getTranslation("pods.runtime-class")).setAutoWidth(true);
            podGrid.setItems(pods);
            podGrid.setEmptyStateText(getTranslation("nodes.no-pods"));
            add(podGrid);
        }

        List<NodeEvent> events = fleet.events(node.clusterId(), node.name());
        add(new H3(getTranslation("nodes.events")));
        if (events.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("nodes.no-events"));
            none.setId("node-events");
            add(none);
        } else {
            Grid<NodeEvent> eventGrid = new Grid<>();
            eventGrid.setId("node-events");
            eventGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
            eventGrid.setAllRowsVisible(true);
            eventGrid.addColumn(e -> e.lastSeen() == null ? "" : time(e.lastSeen()))
                    .setHeader(getTranslation("events.last-seen")).setAutoWidth(true);
            eventGrid.addColumn(NodeEvent::type).setHeader(getTranslation("events.type")).setAutoWidth(true);
            eventGrid.addColumn(NodeEvent::reason).setHeader(getTranslation("nodes.condition.reason")).setAutoWidth(true);
            eventGrid.addColumn(NodeEvent::message).setHeader(getTranslation("nodes.condition.message")).setFlexGrow(1);
            eventGrid.addColumn(NodeEvent::count).setHeader(getTranslation("events.count")).setAutoWidth(true);
            eventGrid.setItems(events);
            add(eventGrid);
        }

        if (actions != null) {
            Button labels = new Button(getTranslation("nodes.edit-labels"), e -> {
                close();
                actions.editLabels().accept(node);
            });
            labels.setId("edit-labels");
            Button taints = new Button(getTranslation("nodes.edit-taints"), e -> {
                close();
                actions.editTaints().accept(node);
            });
            taints.setId("edit-taints");
            Button drainButton = new Button(getTranslation("nodes.drain"), e -> {
                close();
                actions.drain().accept(node);
            });
            drainButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
            drainButton.setId("drain-node");
            getFooter().add(labels, taints, drainButton);
        }
        Button closeButton = new Button(getTranslation("action.close"), e -> close());
        closeButton.setId("close-node-detail");
        getFooter().add(closeButton);
    }

    private String time(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault()).format(instant);
    }

    private FlexLayout chips(List<String> values, String id) {
        FlexLayout chips = new FlexLayout();
        chips.setId(id);
        chips.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        chips.getStyle().set("gap", "var(--lumo-space-xs)");
        if (values.isEmpty()) {
            chips.add(new Span("—"));
        }
        values.forEach(v -> {
            Span chip = new Span(v);
            chip.getElement().getThemeList().add("badge contrast");
            chips.add(chip);
        });
        return chips;
    }
}
