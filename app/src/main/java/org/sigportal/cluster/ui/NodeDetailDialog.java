package org.sigportal.cluster.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import org.sigportal.cluster.NodeView;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Everything the cache knows about one node: facts, taints, addresses, conditions with messages, labels. */
class NodeDetailDialog extends Dialog {

    NodeDetailDialog(NodeView node) {
        this(node, null);
    }

    /** With {@code drain} (for operators), the footer offers to drain the node. */
    NodeDetailDialog(NodeView node, @org.jspecify.annotations.Nullable Runnable drain) {
        setHeaderTitle(node.name());
        setId("node-detail");
        setWidth("56rem");
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
            facts.addFormItem(new Span(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .withLocale(getLocale()).withZone(ZoneId.systemDefault()).format(node.createdAt())),
                    getTranslation("nodes.created"));
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
        if (drain != null) {
            Button drainButton = new Button(getTranslation("nodes.drain"), e -> {
                close();
                drain.run();
            });
            drainButton.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_ERROR);
            drainButton.setId("drain-node");
            add(drainButton);
        }
        Button closeButton = new Button(getTranslation("action.close"), e -> close());
        closeButton.setId("close-node-detail");
        getFooter().add(closeButton);
    }

    private FlexLayout chips(java.util.List<String> values, String id) {
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
