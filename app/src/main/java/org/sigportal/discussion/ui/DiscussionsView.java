package org.sigportal.discussion.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.base.ui.ViewHeader;
import org.sigportal.discussion.Category;
import org.sigportal.discussion.DiscussionService;
import org.sigportal.discussion.SearchHit;
import org.sigportal.discussion.ThreadPage;
import org.sigportal.discussion.ThreadQuery;
import org.sigportal.discussion.ThreadStatus;
import org.sigportal.discussion.ThreadSummary;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The round-table between meetings: threads across categories or in one, latest activity first, filtered by tag
 * and status, page after page (keyset), with unread markers for members; and search across posts.
 */
@Route("discuss")
@AnonymousAllowed
class DiscussionsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int PAGE = 25;

    private final DiscussionService discussions;
    private final org.springframework.beans.factory.ObjectProvider<org.sigportal.discussion.ThreadActions> actions;
    private final HorizontalLayout listActions = new HorizontalLayout();
    private final Select<Category> category = new Select<>();
    private final Select<ThreadStatus> status = new Select<>();
    private final TextField tag = new TextField();
    private final TextField search = new TextField();
    private final VerticalLayout list = new VerticalLayout();
    private final Button more = new Button();
    private final Button editCategory = new Button();
    private ThreadPage.@Nullable Cursor next;
    private boolean navigating;

    DiscussionsView(DiscussionService discussions,
                    org.springframework.beans.factory.ObjectProvider<org.sigportal.discussion.ThreadActions> actions) {
        this.discussions = discussions;
        this.actions = actions;
        addClassName("portal-page");
        add(new ViewHeader(getTranslation("discussions.title"), getTranslation("discussions.description")));

        search.setPlaceholder(getTranslation("discussions.search"));
        search.setId("discuss-search");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.addKeyDownListener(Key.ENTER, e -> go());
        search.addValueChangeListener(e -> {
            if (e.getValue().isEmpty() && e.isFromClient()) {
                go();
            }
        });
        category.setId("discuss-category");
        category.setItems(discussions.categories());
        category.setItemLabelGenerator(c -> c == null ? getTranslation("discussions.all-categories") : c.name());
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("discussions.all-categories"));
        status.setId("discuss-status");
        status.setItems(ThreadStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("discussions.any-status"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("discussions.any-status") : statusLabel(s));
        tag.setId("discuss-tag");
        tag.setPlaceholder(getTranslation("discussions.tag"));
        tag.setClearButtonVisible(true);
        tag.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        category.addValueChangeListener(e -> go());
        status.addValueChangeListener(e -> go());
        tag.addValueChangeListener(e -> go());
        HorizontalLayout filters = new HorizontalLayout(search, category, status, tag);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        if (Permissions.canWrite()) {
            Button start = new Button(getTranslation("discussions.new-thread"), VaadinIcon.PLUS.create(),
                    e -> new NewThreadDialog(discussions, category.getValue()).open());
            start.setId("new-thread");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            filters.add(start);
        }
        if (Permissions.canManage()) {
            Button newCategory = new Button(getTranslation("discussions.new-category"),
                    e -> new CategoryDialog(discussions).open());
            newCategory.setId("new-category");
            // The category the list is filtered to, as it is now (another moderator may have changed it).
            editCategory.setText(getTranslation("discussions.edit-category"));
            editCategory.setIcon(VaadinIcon.EDIT.create());
            editCategory.setId("edit-category");
            editCategory.setVisible(false);
            editCategory.addClickListener(e -> {
                if (category.getValue() != null) {
                    discussions.categoryBySlug(category.getValue().slug())
                            .ifPresent(c -> new CategoryDialog(discussions, c).open());
                }
            });
            filters.add(newCategory, editCategory);
        }
        list.setId("thread-list");
        list.setPadding(false);
        list.setSpacing(false);
        more.setText(getTranslation("discussions.load-more"));
        more.setId("load-more");
        more.addClickListener(e -> loadMore());
        add(filters, listActions, list, more);
    }

    /** The filters live in the address, so a filtered list can be shared and the back button works. */
    private void go() {
        if (navigating) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (!search.getValue().isBlank()) {
            params.put("q", search.getValue().strip());
        }
        if (category.getValue() != null) {
            params.put("c", category.getValue().slug());
        }
        if (status.getValue() != null) {
            params.put("status", status.getValue().name().toLowerCase(Locale.ROOT));
        }
        if (!tag.getValue().isBlank()) {
            params.put("tag", tag.getValue().strip().toLowerCase(Locale.ROOT));
        }
        getUI().ifPresent(ui -> ui.navigate("discuss", QueryParameters.simple(params)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        navigating = true;
        try {
            search.setValue(first(p, "q"));
            category.setValue(discussions.categoryBySlug(first(p, "c")).orElse(null));
            status.setValue(parseStatus(first(p, "status")));
            tag.setValue(first(p, "tag"));
        } finally {
            navigating = false;
        }
        editCategory.setVisible(Permissions.canManage() && category.getValue() != null);
        list.removeAll();
        next = null;
        listActions.removeAll();
        String tagFilter = tag.getValue().isBlank() ? null : tag.getValue().strip().toLowerCase(Locale.ROOT);
        actions.orderedStream().forEach(a -> a.forList(category.getValue() == null ? null : category.getValue().id(),
                tagFilter).ifPresent(listActions::add));
        if (!search.getValue().isBlank()) {
            showSearch(search.getValue());
        } else {
            if (tag.getValue().isBlank() && status.getValue() == null) {
                discussions.pinned(category.getValue() == null ? null : category.getValue().id())
                        .forEach(t -> list.add(row(t)));
            }
            loadMore();
        }
    }

    private void loadMore() {
        try {
            ThreadPage page = discussions.threads(new ThreadQuery(category.getValue() == null ? null
                    : category.getValue().id(), tag.getValue().isBlank() ? null : tag.getValue().strip()
                    .toLowerCase(Locale.ROOT), status.getValue(), next, PAGE));
            page.threads().forEach(t -> list.add(row(t)));
            next = page.next();
            more.setVisible(next != null);
            if (list.getComponentCount() == 0) {
                Paragraph empty = new Paragraph(getTranslation("discussions.empty"));
                empty.setId("threads-empty");
                list.add(empty);
            }
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void showSearch(String text) {
        more.setVisible(false);
        List<SearchHit> hits = discussions.search(text, 30);
        list.setId("search-results");
        if (hits.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("discussions.no-results", text));
            none.setId("search-empty");
            list.add(none);
        }
        for (SearchHit hit : hits) {
            Div card = new Div();
            card.addClassName("thread-row");
            Anchor title = new Anchor("discuss/t/" + hit.threadId() + "#post-" + hit.postId(), hit.threadTitle());
            title.addClassName("thread-title");
            Span meta = new Span(hit.categoryName() + " · " + date(hit.postedAt()));
            meta.addClassName("thread-meta");
            Paragraph excerpt = new Paragraph();
            excerpt.addClassName("search-excerpt");
            for (SearchHit.Fragment f : hit.excerpt()) {
                if (f.match()) {
                    Element mark = new Element("mark");
                    mark.setText(f.text());
                    excerpt.getElement().appendChild(mark);
                } else {
                    excerpt.getElement().appendChild(Element.createText(f.text()));
                }
            }
            card.add(title, meta, excerpt);
            list.add(card);
        }
    }

    private Component row(ThreadSummary t) {
        Div card = new Div();
        card.addClassName("thread-row");
        card.setId("thread-" + t.id());
        if (t.unread()) {
            card.addClassName("unread");
        }
        Anchor title = new Anchor("discuss/t/" + t.id(), t.title());
        title.addClassName("thread-title");
        HorizontalLayout badges = new HorizontalLayout();
        badges.setSpacing(false);
        badges.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        if (t.pinned()) {
            badges.add(badge(getTranslation("discussions.pinned"), "badge contrast"));
        }
        if (t.unread()) {
            badges.add(badge(getTranslation("discussions.unread"), "badge primary"));
        }
        badges.add(badge(t.categoryName(), "badge"));
        if (t.status() != ThreadStatus.OPEN) {
            badges.add(badge(statusLabel(t.status()), t.status() == ThreadStatus.ANSWERED ? "badge success"
                    : "badge error"));
        }
        t.tags().forEach(tagName -> badges.add(badge("#" + tagName, "badge contrast")));
        if (t.demo()) {
            badges.add(badge(getTranslation("demo.badge"), "badge contrast"));
        }
        Span meta = new Span(getTranslation("discussions.row-meta", t.authorDisplayName(), t.replyCount(),
                date(t.lastActivityAt())));
        meta.addClassName("thread-meta");
        card.add(title, badges, meta);
        return card;
    }

    private static Span badge(String text, String theme) {
        Span s = new Span(text);
        s.getElement().getThemeList().add(theme);
        return s;
    }

    private String date(java.time.OffsetDateTime time) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale()).format(
                time.atZoneSameInstant(java.time.ZoneId.systemDefault()));
    }

    private String statusLabel(ThreadStatus s) {
        return getTranslation("discussions.status." + s.name().toLowerCase(Locale.ROOT));
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    private static @Nullable ThreadStatus parseStatus(String s) {
        try {
            return s.isEmpty() ? null : ThreadStatus.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("discussions.title");
    }
}
