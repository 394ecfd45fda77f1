package org.sigportal.audit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.sigportal.audit.AuditEntry;
import org.sigportal.audit.AuditFilter;
import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.sigportal.base.Roles;
import org.sigportal.base.ui.ViewHeader;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Browse and filter the audit trail, newest first, loaded lazily page by page. */
@Route("admin/audit")
@RolesAllowed(Roles.ADMIN)
class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private final AuditService audit;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField actor = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final Select<AuditOutcome> outcome = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField text = new TextField();

    AuditLogView(AuditService audit) {
        this.audit = audit;
        addClassName("portal-page");
        setSizeFull();
        add(new ViewHeader(getTranslation("audit.title"), getTranslation("audit.description")));

        actor.setLabel(getTranslation("audit.filter.actor"));
        actor.setId("audit-filter-actor");
        action.setLabel(getTranslation("audit.filter.action"));
        action.setItems(audit.actions());
        action.setClearButtonVisible(true);
        outcome.setLabel(getTranslation("audit.filter.outcome"));
        outcome.setItems(AuditOutcome.values());
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption(getTranslation("audit.filter.any"));
        outcome.setItemLabelGenerator(o -> o == null ? getTranslation("audit.filter.any") : outcomeLabel(o));
        from.setLabel(getTranslation("audit.filter.from"));
        to.setLabel(getTranslation("audit.filter.to"));
        text.setLabel(getTranslation("audit.filter.text"));
        text.setId("audit-filter-text");
        for (TextField f : new TextField[]{actor, text}) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.setClearButtonVisible(true);
        }
        actor.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        outcome.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(actor, action, outcome, from, to, text);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> format.format(e.occurredAt())).setHeader(getTranslation("audit.col.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.col.actor")).setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("audit.col.action")).setAutoWidth(true);
        grid.addColumn(e -> target(e)).setHeader(getTranslation("audit.col.target")).setAutoWidth(true);
        grid.addComponentColumn(e -> outcomeBadge(e.outcome())).setHeader(getTranslation("audit.col.outcome"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.detail() == null ? "" : e.detail()).setHeader(getTranslation("audit.col.detail"))
                .setFlexGrow(1);
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.setSizeFull();
        add(filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        AuditFilter filter = new AuditFilter(actor.getValue(), action.getValue(), outcome.getValue(),
                start(from.getValue()), start(to.getValue() == null ? null : to.getValue().plusDays(1)),
                text.getValue());
        grid.setItems(q -> audit.find(filter, q.getOffset(), q.getLimit()).stream(), q -> audit.count(filter));
    }

    private static @Nullable OffsetDateTime start(@Nullable LocalDate date) {
        return date == null ? null : date.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private static String target(AuditEntry e) {
        if (e.targetType() == null) {
            return "";
        }
        return e.targetId() == null ? e.targetType() : e.targetType() + ": " + e.targetId();
    }

    private String outcomeLabel(AuditOutcome o) {
        return getTranslation("audit.outcome." + o.name().toLowerCase(java.util.Locale.ROOT));
    }

    private Span outcomeBadge(AuditOutcome o) {
        Span badge = new Span(outcomeLabel(o));
        badge.getElement().getThemeList().add(switch (o) {
            case SUCCESS -> "badge success";
            case FAILURE -> "badge error";
            case DENIED -> "badge contrast";
        });
        return badge;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
