package org.sigportal.cluster.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.cluster.NodeOperationsService;
import org.sigportal.cluster.NodeView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Edits a node's labels or taints as rows of fields. Saving asks for confirmation and sends the change with the
 * node's version as shown, so a change someone made in between ends in a conflict; any refusal (403, 409, 422) is
 * shown in the dialog and the rows stay as typed.
 */
class NodeMetadataEditor extends Dialog {

    static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    private final boolean taints;
    private final NodeView node;
    private final NodeOperationsService operations;
    private final VerticalLayout rows = new VerticalLayout();
    private final Paragraph error = new Paragraph();
    private final List<Row> fields = new ArrayList<>();

    private record Row(HorizontalLayout layout, TextField key, TextField value, Select<String> effect) {
    }

    static NodeMetadataEditor labels(NodeView node, NodeOperationsService operations) {
        return new NodeMetadataEditor(node, operations, false);
    }

    static NodeMetadataEditor taints(NodeView node, NodeOperationsService operations) {
        return new NodeMetadataEditor(node, operations, true);
    }

    private NodeMetadataEditor(NodeView node, NodeOperationsService operations, boolean taints) {
        this.node = node;
        this.operations = operations;
        this.taints = taints;
        setHeaderTitle(getTranslation(taints ? "nodes.edit-taints-title" : "nodes.edit-labels-title", node.name()));
        setId(taints ? "taints-editor" : "labels-editor");
        setWidth("44rem");
        rows.setPadding(false);
        rows.setSpacing(false);
        if (taints) {
            node.taints().forEach(t -> addRow(t.key(), t.value(), t.effect()));
        } else {
            node.labels().forEach((k, v) -> addRow(k, v, null));
        }
        Button add = new Button(getTranslation(taints ? "nodes.add-taint" : "nodes.add-label"),
                VaadinIcon.PLUS.create(), e -> addRow("", "", taints ? EFFECTS.getFirst() : null).key().focus());
        add.setId(taints ? "add-taint" : "add-label");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        error.setId("editor-error");
        error.addClassName("portal-error");
        error.setVisible(false);
        add(rows, add, error);
        Button save = new Button(getTranslation("action.save"), e -> confirmSave());
        save.setId(taints ? "save-taints" : "save-labels");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private Row addRow(String key, String value, String effect) {
        TextField k = new TextField();
        k.setPlaceholder(getTranslation("nodes.key"));
        k.setValue(key == null ? "" : key);
        k.addClassName(taints ? "taint-key" : "label-key");
        k.setWidth("18rem");
        TextField v = new TextField();
        v.setPlaceholder(getTranslation("nodes.value"));
        v.setValue(value == null ? "" : value);
        v.addClassName(taints ? "taint-value" : "label-value");
        Select<String> e = null;
        HorizontalLayout layout = new HorizontalLayout(k, v);
        if (taints) {
            e = new Select<>();
            e.setItems(EFFECTS);
            e.setValue(effect == null ? EFFECTS.getFirst() : effect);
            e.addClassName("taint-effect");
            layout.add(e);
        }
        Row row = new Row(layout, k, v, e);
        Button remove = new Button(VaadinIcon.TRASH.create(), ev -> {
            rows.remove(layout);
            fields.remove(row);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("action.remove"));
        remove.addClassName("remove-row");
        layout.add(remove);
        layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        rows.add(layout);
        fields.add(row);
        return row;
    }

    private void confirmSave() {
        ConfirmDialog confirm = new ConfirmDialog(getHeaderTitle(),
                getTranslation(taints ? "nodes.taints-confirm" : "nodes.labels-confirm", node.name(),
                        node.clusterName(), summary()), getTranslation("action.save"), e -> save());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    private String summary() {
        return fields.stream().filter(r -> !r.key().getValue().isBlank()).map(r -> r.key().getValue().trim()
                + (r.value().getValue().isEmpty() && taints ? "" : "=" + r.value().getValue())
                + (taints ? ":" + r.effect().getValue() : "")).reduce((a, b) -> a + ", " + b).orElse("—");
    }

    private void save() {
        try {
            if (taints) {
                List<NodeView.Taint> list = fields.stream().filter(r -> !r.key().getValue().isBlank())
                        .map(r -> new NodeView.Taint(r.key().getValue().trim(), r.value().getValue().trim(),
                                r.effect().getValue())).toList();
                operations.setTaints(node.clusterId(), node.name(), node.resourceVersion(), list);
            } else {
                Map<String, String> wanted = new LinkedHashMap<>();
                fields.stream().filter(r -> !r.key().getValue().isBlank())
                        .forEach(r -> wanted.put(r.key().getValue().trim(), r.value().getValue().trim()));
                Map<String, String> set = new LinkedHashMap<>();
                wanted.forEach((k, v) -> {
                    if (!v.equals(node.labels().get(k))) {
                        set.put(k, v);
                    }
                });
                Set<String> remove = new LinkedHashSet<>(node.labels().keySet());
                remove.removeAll(wanted.keySet());
                operations.editLabels(node.clusterId(), node.name(), node.resourceVersion(), set, remove);
            }
            Notifications.success(getTranslation(taints ? "nodes.taints-saved" : "nodes.labels-saved", node.name()));
            close();
        } catch (PortalException e) {
            error.setText(getTranslation(e.messageKey(), e.arguments()));
            error.setVisible(true);
        }
    }
}
