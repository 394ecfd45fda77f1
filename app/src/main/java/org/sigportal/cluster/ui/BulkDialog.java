package org.sigportal.cluster.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.sigportal.cluster.BulkOperation;
import org.sigportal.cluster.BulkResult;
import org.sigportal.cluster.NodeOperationsService;
import org.sigportal.cluster.NodeView;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bulk operation as it runs: one row per node, each turning into its own result as the server pushes it. */
class BulkDialog extends Dialog {

    /** One node's row; {@code result} stays null while the node waits its turn. */
    static final class Row {
        final BulkOperation.NodeRef ref;
        final String cluster;
        BulkResult.NodeResult result;

        Row(BulkOperation.NodeRef ref, String cluster) {
            this.ref = ref;
            this.cluster = cluster;
        }
    }

    private final Map<BulkOperation.NodeRef, Row> rows = new LinkedHashMap<>();
    private final Grid<Row> grid = new Grid<>();
    private final ProgressBar bar = new ProgressBar();
    private final Paragraph summary = new Paragraph();

    BulkDialog(BulkOperation.Kind kind, List<NodeView> nodes) {
        setHeaderTitle(getTranslation("nodes.bulk-title", getTranslation("nodes.bulk." + kind.name()), nodes.size()));
        setId("bulk-dialog");
        setWidth("48rem");
        nodes.forEach(n -> rows.put(new BulkOperation.NodeRef(n.clusterId(), n.name()),
                new Row(new BulkOperation.NodeRef(n.clusterId(), n.name()), n.clusterName())));
        grid.setId("bulk-results");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> r.ref.node()).setHeader(getTranslation("nodes.name")).setAutoWidth(true);
        grid.addColumn(r -> r.cluster).setHeader(getTranslation("nodes.cluster")).setAutoWidth(true);
        grid.addComponentColumn(this::outcome).setHeader(getTranslation("nodes.bulk-result")).setFlexGrow(1);
        grid.setItems(rows.values());
        grid.setAllRowsVisible(rows.size() <= 15);
        summary.setId("bulk-summary");
        add(bar, summary, grid);
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("bulk-close");
        getFooter().add(close);
    }

    private Span outcome(Row row) {
        BulkResult.NodeResult r = row.result;
        Span badge;
        if (r == null) {
            badge = new Span(getTranslation("nodes.bulk-pending"));
            badge.getElement().getThemeList().add("badge contrast");
        } else if (r.succeeded()) {
            badge = new Span(getTranslation("nodes.bulk-done"));
            badge.getElement().getThemeList().add("badge success");
        } else {
            badge = new Span(r.errorKey() == null ? "" : getTranslation(r.errorKey(), r.errorArguments().toArray()));
            badge.getElement().getThemeList().add("badge error");
            badge.getStyle().set("white-space", "normal");
        }
        return badge;
    }

    void start(NodeOperationsService operations, BulkOperation operation) {
        open();
        UI ui = UI.getCurrent();
        var context = SecurityContextHolder.getContext();
        bar.setValue(0);
        Runnable work = () -> BackgroundWork.run(() -> operations.bulk(operation, r -> ui.access(() -> {
            Row row = rows.get(new BulkOperation.NodeRef(r.cluster(), r.node()));
            if (row != null) {
                row.result = r;
                grid.getDataProvider().refreshItem(row);
            }
            long done = rows.values().stream().filter(x -> x.result != null).count();
            bar.setValue((double) done / rows.size());
        })), result -> ui.access(() -> summary.setText(getTranslation("nodes.bulk-summary", result.succeeded(),
                result.failed()))), failure -> {
            BackgroundWork.Message message = BackgroundWork.failure(failure, "nodes.error.bulk-failed");
            ui.access(() -> {
                bar.setVisible(false);
                summary.setText(getTranslation(message.key(), message.arguments()));
                summary.addClassName("portal-error");
            });
        });
        Thread.ofVirtual().name("bulk-" + operation.kind()).start(new DelegatingSecurityContextRunnable(work, context));
    }
}
