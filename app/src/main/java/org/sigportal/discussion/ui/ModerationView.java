package org.sigportal.discussion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.base.ui.ViewHeader;
import org.sigportal.discussion.DiscussionService;
import org.sigportal.discussion.FlaggedPost;

/** Posts members flagged, oldest first: hide the post, or dismiss the flags. */
@Route("discuss/moderation")
@RolesAllowed({"ADMIN", "MAINTAINER"})
class ModerationView extends VerticalLayout implements HasDynamicTitle {

    private final DiscussionService discussions;
    private final VerticalLayout queue = new VerticalLayout();

    ModerationView(DiscussionService discussions) {
        this.discussions = discussions;
        addClassName("portal-page");
        add(new ViewHeader(getTranslation("moderation.title"), getTranslation("moderation.description")));
        queue.setId("moderation-queue");
        queue.setPadding(false);
        add(queue);
        refresh();
    }

    private void refresh() {
        queue.removeAll();
        var flags = discussions.moderationQueue();
        if (flags.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("moderation.empty"));
            empty.setId("moderation-empty");
            queue.add(empty);
        }
        for (FlaggedPost f : flags) {
            Div card = new Div();
            card.addClassName("post");
            card.setId("flag-" + f.flagId());
            card.add(new Anchor("discuss/t/" + f.threadId() + "#post-" + f.postId(), f.threadTitle()));
            card.add(new Paragraph(getTranslation("moderation.flag-line", f.reporter(), f.reason(), f.postAuthor())));
            Span excerpt = new Span(f.excerpt());
            excerpt.addClassName("thread-meta");
            card.add(excerpt);
            Button hide = new Button(getTranslation("discussions.hide-post"), e -> act(() ->
                    discussions.hidePost(f.postId(), true)));
            hide.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            hide.setId("moderation-hide-" + f.postId());
            Button dismiss = new Button(getTranslation("moderation.dismiss"), e -> act(() ->
                    discussions.dismissFlags(f.postId())));
            dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL);
            dismiss.setId("moderation-dismiss-" + f.postId());
            card.add(new HorizontalLayout(hide, dismiss));
            queue.add(card);
        }
    }

    private void act(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("moderation.title");
    }
}
