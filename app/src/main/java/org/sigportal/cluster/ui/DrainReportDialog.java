package org.sigportal.cluster.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.sigportal.cluster.DrainReport;

import java.util.List;

/** The outcome of a drain, pod by pod, with what could not be evicted and why. */
class DrainReportDialog extends Dialog {

    DrainReportDialog(DrainReport report) {
        setHeaderTitle(getTranslation("nodes.drain-report", report.node()));
        setId("drain-report");
        add(new Paragraph(getTranslation(report.complete() ? "nodes.drain-complete" : "nodes.drain-incomplete")));
        section("nodes.drain-evicted", report.evicted(), "drain-evicted");
        section("nodes.drain-terminating", report.stillTerminating(), "drain-terminating");
        section("nodes.drain-refused", report.refused().stream().map(i -> i.pod() + " — " + i.reason()).toList(),
                "drain-refused");
        section("nodes.drain-skipped", report.skipped().stream()
                .map(i -> i.pod() + " — " + getTranslation("nodes.drain-skip." + i.reason())).toList(), "drain-skipped");
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }

    private void section(String titleKey, List<String> items, String id) {
        if (items.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId(id);
        items.forEach(i -> list.add(new ListItem(i)));
        add(new H3(getTranslation(titleKey) + " (" + items.size() + ")"), list);
    }
}
