package org.sigportal.discussion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.discussion.Category;
import org.sigportal.discussion.DiscussionService;
import org.sigportal.discussion.NewThread;

import java.util.Arrays;

/** Starts a thread: category, title, tags and a Markdown body with preview. A refusal keeps everything typed. */
class NewThreadDialog extends Dialog {

    NewThreadDialog(DiscussionService discussions, @Nullable Category preselected) {
        setHeaderTitle(getTranslation("discussions.new-thread"));
        setId("new-thread-dialog");
        setWidth("48rem");
        Select<Category> category = new Select<>();
        category.setLabel(getTranslation("discussions.category"));
        category.setId("thread-category");
        category.setItems(discussions.categories());
        category.setItemLabelGenerator(Category::name);
        if (preselected != null) {
            category.setValue(preselected);
        } else if (!discussions.categories().isEmpty()) {
            category.setValue(discussions.categories().getFirst());
        }
        TextField title = new TextField(getTranslation("discussions.thread-title"));
        title.setId("thread-title-field");
        title.setWidthFull();
        title.setMaxLength(200);
        TextField tags = new TextField(getTranslation("discussions.tags"));
        tags.setId("thread-tags");
        tags.setHelperText(getTranslation("discussions.tags-help"));
        tags.setWidthFull();
        MarkdownEditor body = new MarkdownEditor("thread-body", discussions::preview, discussions::mentionCandidates);
        add(category, title, tags, body);
        Button create = new Button(getTranslation("discussions.publish"), e -> {
            title.setInvalid(false);
            try {
                long id = discussions.startThread(new NewThread(category.getValue() == null ? -1
                        : category.getValue().id(), title.getValue(), body.getValue(),
                        Arrays.stream(tags.getValue().split("[,，\\s]+")).filter(s -> !s.isBlank()).toList()));
                close();
                getUI().ifPresent(ui -> ui.navigate("discuss/t/" + id));
            } catch (PortalException ex) {
                String message = getTranslation(ex.messageKey(), ex.arguments());
                if ("title".equals(ex.field())) {
                    title.setErrorMessage(message);
                    title.setInvalid(true);
                } else if ("tags".equals(ex.field())) {
                    tags.setErrorMessage(message);
                    tags.setInvalid(true);
                } else {
                    Notifications.error(message);
                }
            }
        });
        create.setId("create-thread");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), create);
    }
}
