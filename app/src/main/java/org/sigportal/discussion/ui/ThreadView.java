package org.sigportal.discussion.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.discussion.DiscussionService;
import org.sigportal.discussion.Post;
import org.sigportal.discussion.PostConflictException;
import org.sigportal.discussion.PostRevision;
import org.sigportal.discussion.ThreadDetail;
import org.sigportal.discussion.ThreadStatus;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * One thread: the opening post and the replies, rendered from Markdown and sanitised on the server; quoting,
 * editing one's own posts (a concurrent edit ends in a conflict that shows both texts), the edit history, and a
 * reply editor with preview.
 */
@Route("discuss/t/:id")
@AnonymousAllowed
class ThreadView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DiscussionService discussions;
    private final org.springframework.beans.factory.ObjectProvider<org.sigportal.discussion.ThreadActions> actions;
    private long threadId;
    private String title = "";
    private MarkdownEditor reply;

    ThreadView(DiscussionService discussions,
               org.springframework.beans.factory.ObjectProvider<org.sigportal.discussion.ThreadActions> actions) {
        this.discussions = discussions;
        this.actions = actions;
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            threadId = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        if (discussions.thread(threadId).isEmpty()) {
            Long target = discussions.mergedInto(threadId).orElse(null);
            if (target != null) {
                event.forwardTo(ThreadView.class, new com.vaadin.flow.router.RouteParameters("id",
                        String.valueOf(target)));
                return;
            }
            throw new NotFoundException();
        }
        render();
    }

    private void render() {
        ThreadDetail detail = discussions.thread(threadId).orElseThrow(NotFoundException::new);
        removeAll();
        var thread = detail.thread();
        title = thread.title();
        Anchor back = new Anchor("discuss?c=" + thread.categorySlug(), "← " + thread.categoryName());
        H2 heading = new H2(thread.title());
        heading.setId("thread-title");
        HorizontalLayout meta = new HorizontalLayout();
        meta.setAlignItems(FlexComponent.Alignment.BASELINE);
        Span statusBadge = new Span(getTranslation("discussions.status." + thread.status().name()
                .toLowerCase(Locale.ROOT)));
        statusBadge.setId("thread-status-badge");
        statusBadge.getElement().getThemeList().add(thread.status() == ThreadStatus.OPEN ? "badge"
                : thread.status() == ThreadStatus.ANSWERED ? "badge success" : "badge error");
        meta.add(statusBadge);
        thread.tags().forEach(t -> meta.add(new Anchor("discuss?tag=" + t, "#" + t)));
        boolean author = Permissions.isMe(thread.authorUsername());
        if (Permissions.canManage() || author && thread.status() != ThreadStatus.LOCKED) {
            Select<ThreadStatus> status = new Select<>();
            status.setId("thread-status");
            status.setItems(Permissions.canManage() ? java.util.List.of(ThreadStatus.values())
                    : java.util.List.of(ThreadStatus.OPEN, ThreadStatus.ANSWERED));
            status.setItemLabelGenerator(s -> getTranslation("discussions.status." + s.name().toLowerCase(Locale.ROOT)));
            status.setValue(thread.status());
            status.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    act(() -> discussions.setStatus(threadId, e.getValue()));
                }
            });
            meta.add(status);
        }
        actions.orderedStream().forEach(a -> a.forThread(threadId).ifPresent(meta::add));
        add(back, heading, meta);
        if (Permissions.canManage()) {
            add(moderation(thread));
        }

        Div posts = new Div();
        posts.setId("posts");
        posts.setWidthFull();
        detail.posts().forEach(p -> posts.add(post(p, thread.status())));
        add(posts);
        if (!detail.posts().isEmpty()) {
            discussions.markRead(threadId, detail.posts().getLast().id());
        }

        if (thread.status() == ThreadStatus.LOCKED && !Permissions.canManage()) {
            Paragraph locked = new Paragraph(getTranslation("discussions.locked"));
            locked.setId("thread-locked");
            add(locked);
        } else if (Permissions.canWrite()) {
            add(new H4(getTranslation("discussions.your-reply")));
            reply = new MarkdownEditor("reply-editor", discussions::preview, discussions::mentionCandidates);
            Button send = new Button(getTranslation("discussions.post-reply"), e -> {
                try {
                    discussions.reply(threadId, reply.getValue(), quoted);
                    quoted = null;
                    render();
                } catch (PortalException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
            });
            send.setId("post-reply");
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(reply, send);
        } else {
            add(new Paragraph(new Anchor("login", getTranslation("discussions.sign-in-to-reply"))));
        }
    }

    private Long quoted;

    private Div post(Post p, ThreadStatus status) {
        Div card = new Div();
        card.addClassName("post");
        card.setId("post-" + p.id());
        if (p.hidden()) {
            card.addClassName("hidden-post");
        }
        HorizontalLayout header = new HorizontalLayout();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        Span who = new Span(p.authorDisplayName() + " (@" + p.authorUsername() + ")");
        who.addClassName("post-author");
        Span when = new Span(time(p.createdAt()));
        when.addClassName("thread-meta");
        header.add(who, when);
        if (p.editedAt() != null) {
            Button edited = new Button(getTranslation("discussions.edited", p.revisions()), e -> history(p));
            edited.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            edited.setId("history-" + p.id());
            header.add(edited);
        }
        Div body = new Div(new Html("<div>" + p.html() + "</div>"));
        body.addClassName("post-body");
        card.add(header);
        if (p.quotedPostId() != null) {
            Anchor quote = new Anchor("discuss/t/" + p.threadId() + "#post-" + p.quotedPostId(),
                    getTranslation("discussions.in-reply-to"));
            quote.addClassName("thread-meta");
            card.add(quote);
        }
        card.add(body);
        HorizontalLayout actions = new HorizontalLayout();
        if (Permissions.canWrite() && (status != ThreadStatus.LOCKED || Permissions.canManage())) {
            Button quote = new Button(getTranslation("discussions.quote"), e -> quote(p));
            quote.setId("quote-" + p.id());
            quote.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(quote);
        }
        if (Permissions.canWrite() && !Permissions.isMe(p.authorUsername())) {
            Button flag = new Button(getTranslation("discussions.flag"), e -> flag(p));
            flag.setId("flag-" + p.id());
            flag.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(flag);
        }
        if (Permissions.canManage() && !p.opening()) {
            Button hide = new Button(getTranslation(p.hidden() ? "discussions.show-post" : "discussions.hide-post"),
                    e -> confirm(getTranslation(p.hidden() ? "discussions.show-post" : "discussions.hide-post"),
                            getTranslation("discussions.hide-post-confirm"),
                            () -> discussions.hidePost(p.id(), !p.hidden())));
            hide.setId("hide-" + p.id());
            hide.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(hide);
        }
        if (Permissions.isMe(p.authorUsername()) && status != ThreadStatus.LOCKED || Permissions.canManage()) {
            Button edit = new Button(getTranslation("discussions.edit"), e -> edit(card, p));
            edit.setId("edit-" + p.id());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(edit);
        }
        card.add(actions);
        return card;
    }

    private void quote(Post p) {
        if (reply == null) {
            return;
        }
        quoted = p.id();
        String quotedText = "> **@" + p.authorUsername() + "**:\n" + p.body().lines().map(l -> "> " + l)
                .reduce((a, b) -> a + "\n" + b).orElse("") + "\n\n";
        reply.setValue(quotedText + reply.getValue());
        reply.focusText();
    }

    private void edit(Div card, Post p) {
        card.removeAll();
        TextField titleField = new TextField(getTranslation("discussions.thread-title"));
        titleField.setWidthFull();
        titleField.setId("edit-title");
        if (p.opening()) {
            titleField.setValue(title);
            card.add(titleField);
        }
        MarkdownEditor editor = new MarkdownEditor("edit-editor", discussions::preview, discussions::mentionCandidates);
        editor.setValue(p.body());
        Button save = new Button(getTranslation("action.save"), e -> save(p, p.version(), editor.getValue(),
                p.opening() ? titleField.getValue() : null));
        save.setId("save-edit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> render());
        card.add(editor, new HorizontalLayout(save, cancel));
    }

    private void save(Post p, int version, String body, String newTitle) {
        try {
            discussions.editPost(p.id(), version, body, newTitle);
            render();
        } catch (PostConflictException conflict) {
            conflict(p, conflict, newTitle);
        } catch (PortalException ex) {
            Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
        }
    }

    /** Both texts side by side: nothing was overwritten; the member decides. */
    private void conflict(Post p, PostConflictException conflict, String newTitle) {
        Dialog dialog = new Dialog();
        dialog.setId("conflict-dialog");
        dialog.setHeaderTitle(getTranslation("discussions.conflict-title"));
        dialog.setWidth("60rem");
        TextArea yours = new TextArea(getTranslation("discussions.conflict-yours"));
        yours.setId("conflict-yours");
        yours.setValue(conflict.yours());
        yours.setWidthFull();
        TextArea theirs = new TextArea(getTranslation("discussions.conflict-theirs"));
        theirs.setId("conflict-theirs");
        theirs.setValue(conflict.theirs());
        theirs.setReadOnly(true);
        theirs.setWidthFull();
        dialog.add(new Paragraph(getTranslation("discussions.error.conflict")), yours, theirs);
        Button keepMine = new Button(getTranslation("discussions.conflict-save-mine"), e -> {
            dialog.close();
            save(p, conflict.currentVersion(), yours.getValue(), newTitle);
        });
        keepMine.setId("conflict-save-mine");
        keepMine.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button keepTheirs = new Button(getTranslation("discussions.conflict-keep-theirs"), e -> {
            dialog.close();
            render();
        });
        keepTheirs.setId("conflict-keep-theirs");
        dialog.getFooter().add(keepTheirs, keepMine);
        dialog.open();
    }

    private void history(Post p) {
        Dialog dialog = new Dialog();
        dialog.setId("history-dialog");
        dialog.setHeaderTitle(getTranslation("discussions.history"));
        dialog.setWidth("48rem");
        for (PostRevision r : discussions.history(p.id())) {
            Div revision = new Div();
            revision.addClassName("post");
            revision.add(new Span(getTranslation("discussions.revision", r.revision() + 1, r.editedBy(),
                    time(r.replacedAt()))));
            if (r.title() != null) {
                revision.add(new H4(r.title()));
            }
            Div body = new Div(new Html("<div>" + discussions.preview(r.body()) + "</div>"));
            body.addClassName("post-body");
            revision.add(body);
            dialog.add(revision);
        }
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private HorizontalLayout moderation(org.sigportal.discussion.ThreadSummary thread) {
        Button pin = new Button(getTranslation(thread.pinned() ? "discussions.unpin" : "discussions.pin"),
                e -> confirm(getTranslation(thread.pinned() ? "discussions.unpin" : "discussions.pin"),
                        getTranslation("discussions.pin-confirm"), () -> discussions.pin(threadId, !thread.pinned())));
        pin.setId("mod-pin");
        Button hide = new Button(getTranslation(thread.hidden() ? "discussions.show-thread" : "discussions.hide-thread"),
                e -> confirm(getTranslation(thread.hidden() ? "discussions.show-thread" : "discussions.hide-thread"),
                        getTranslation("discussions.hide-thread-confirm"),
                        () -> discussions.hideThread(threadId, !thread.hidden())));
        hide.setId("mod-hide-thread");
        Select<org.sigportal.discussion.Category> to = new Select<>();
        to.setId("mod-move-to");
        to.setItems(discussions.categories());
        to.setItemLabelGenerator(org.sigportal.discussion.Category::name);
        to.setPlaceholder(getTranslation("discussions.move-to"));
        to.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && e.getValue().id() != thread.categoryId()) {
                var category = e.getValue();
                confirm(getTranslation("discussions.move"), getTranslation("discussions.move-confirm",
                        category.name()), () -> discussions.move(threadId, category.id()));
            }
        });
        TextField into = new TextField();
        into.setId("mod-merge-into");
        into.setPlaceholder(getTranslation("discussions.merge-into"));
        into.setWidth("12rem");
        Button merge = new Button(getTranslation("discussions.merge"), e -> {
            long target;
            try {
                target = Long.parseLong(into.getValue().replaceAll("[^0-9]", ""));
            } catch (NumberFormatException ex) {
                into.setErrorMessage(getTranslation("discussions.error.merge-target"));
                into.setInvalid(true);
                return;
            }
            confirm(getTranslation("discussions.merge"), getTranslation("discussions.merge-confirm", target),
                    () -> {
                        discussions.merge(threadId, target);
                        getUI().ifPresent(ui -> ui.navigate("discuss/t/" + target));
                    });
        });
        merge.setId("mod-merge");
        HorizontalLayout bar = new HorizontalLayout(pin, hide, to, into, merge);
        bar.setId("moderation-bar");
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    private void flag(Post p) {
        Dialog dialog = new Dialog();
        dialog.setId("flag-dialog");
        dialog.setHeaderTitle(getTranslation("discussions.flag-title"));
        TextArea reason = new TextArea(getTranslation("discussions.flag-reason"));
        reason.setId("flag-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        dialog.add(reason);
        Button send = new Button(getTranslation("discussions.flag"), e -> {
            try {
                discussions.flag(p.id(), reason.getValue());
                dialog.close();
                Notifications.success(getTranslation("discussions.flagged"));
            } catch (PortalException ex) {
                reason.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments()));
                reason.setInvalid(true);
            }
        });
        send.setId("flag-submit");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    private void confirm(String header, String text, Runnable action) {
        com.vaadin.flow.component.confirmdialog.ConfirmDialog dialog =
                new com.vaadin.flow.component.confirmdialog.ConfirmDialog(header, text, header, e -> act(action));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }

    private void act(Runnable action) {
        try {
            action.run();
            if (discussions.thread(threadId).isPresent()) {
                render();
            }
        } catch (PortalException ex) {
            Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
        }
    }

    private String time(OffsetDateTime t) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .format(t.atZoneSameInstant(ZoneId.systemDefault()));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
