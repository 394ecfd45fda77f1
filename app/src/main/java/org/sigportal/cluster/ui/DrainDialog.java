package org.sigportal.cluster.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.sigportal.cluster.DrainReport;
import org.sigportal.cluster.DrainStep;
import org.sigportal.cluster.NodeOperationsService;
import org.sigportal.cluster.NodeView;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.List;

/**
 * A drain as it happens: the drain runs off the UI thread as the signed-in operator; each step (cordoned, pod
 * evicted or refused, waiting for pods to go) is pushed to the browser, and the report follows in the same dialog.
 */
class DrainDialog extends Dialog {

    private final ProgressBar bar = new ProgressBar();
    private final Paragraph status = new Paragraph();
    private final UnorderedList steps = new UnorderedList();
    private final Div report = new Div();

    DrainDialog(NodeView node) {
        setHeaderTitle(getTranslation("nodes.draining", node.name()));
        setId("drain-dialog");
        setWidth("40rem");
        bar.setIndeterminate(true);
        bar.setId("drain-progress");
        status.setId("drain-status");
        steps.setId("drain-steps");
        steps.getStyle().set("max-height", "12rem").set("overflow", "auto").set("font-size", "var(--lumo-font-size-s)");
        add(bar, status, steps, report);
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("drain-close");
        getFooter().add(close);
    }

    /** Opens the dialog and starts the drain; the dialog may be closed while the drain goes on. */
    void start(NodeOperationsService operations, NodeView node, Duration timeout) {
        open();
        UI ui = UI.getCurrent();
        var context = SecurityContextHolder.getContext();
        Runnable drain = () -> BackgroundWork.run(
                () -> operations.drain(node.clusterId(), node.name(), timeout, step -> ui.access(() -> show(step))),
                result -> ui.access(() -> showReport(result)),
                failure -> {
                    // Logged here, even if the browser has gone meanwhile.
                    BackgroundWork.Message message = BackgroundWork.failure(failure, "nodes.error.drain-failed");
                    ui.access(() -> showFailure(message));
                });
        Thread.ofVirtual().name("drain-" + node.name()).start(new DelegatingSecurityContextRunnable(drain, context));
    }

    /** The drain did not end with a report: the progress stops and the reason is shown. */
    private void showFailure(BackgroundWork.Message message) {
        bar.setVisible(false);
        status.setText(getTranslation(message.key(), message.arguments()));
        status.addClassName("portal-error");
    }

    private void show(DrainStep step) {
        switch (step.kind()) {
            case CORDONED -> status.setText(getTranslation("nodes.drain-step.cordoned"));
            case PLANNED -> {
                bar.setIndeterminate(false);
                bar.setValue(step.total() == 0 ? 1 : 0);
                status.setText(getTranslation("nodes.drain-step.planned", step.total()));
            }
            case EVICTED, REFUSED, GONE -> {
                bar.setValue(step.total() == 0 ? 1 : (double) step.done() / step.total());
                status.setText(getTranslation("nodes.drain-step.progress", step.done(), step.total()));
                steps.add(new ListItem(getTranslation("nodes.drain-step." + step.kind().name().toLowerCase(
                        java.util.Locale.ROOT), step.pod())));
            }
            case WAITING -> status.setText(getTranslation("nodes.drain-step.waiting", step.waiting()));
            case FINISHED -> bar.setValue(1);
        }
    }

    private void showReport(DrainReport result) {
        bar.setVisible(false);
        setHeaderTitle(getTranslation("nodes.drain-report", result.node()));
        status.setText(getTranslation(result.complete() ? "nodes.drain-complete" : "nodes.drain-incomplete"));
        report.setId("drain-report");
        section("nodes.drain-evicted", result.evicted(), "drain-evicted");
        section("nodes.drain-terminating", result.stillTerminating(), "drain-terminating");
        section("nodes.drain-refused", result.refused().stream().map(i -> i.pod() + " — " + i.reason()).toList(),
                "drain-refused");
        section("nodes.drain-skipped", result.skipped().stream()
                .map(i -> i.pod() + " — " + getTranslation("nodes.drain-skip." + i.reason())).toList(),
                "drain-skipped");
    }

    private void section(String titleKey, List<String> items, String id) {
        if (items.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId(id);
        items.forEach(i -> list.add(new ListItem(i)));
        report.add(new H3(getTranslation(titleKey) + " (" + items.size() + ")"), list);
    }
}
