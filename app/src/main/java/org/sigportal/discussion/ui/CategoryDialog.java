package org.sigportal.discussion.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.discussion.Category;
import org.sigportal.discussion.DiscussionService;

/**
 * A new category (admins and maintainers): one per SIG, or any topic the community needs; or, given one, the same
 * form to rename it, describe it and move it in the list (its short name stays, so addresses keep working).
 */
class CategoryDialog extends Dialog {

    CategoryDialog(DiscussionService discussions) {
        this(discussions, null);
    }

    CategoryDialog(DiscussionService discussions, @Nullable Category existing) {
        setHeaderTitle(getTranslation(existing == null ? "discussions.new-category" : "discussions.edit-category"));
        setId("category-dialog");
        TextField slug = new TextField(getTranslation("discussions.slug"));
        slug.setId("category-slug");
        slug.setHelperText(getTranslation("discussions.slug-help"));
        slug.setMaxLength(DiscussionService.SLUG_MAX);
        TextField name = new TextField(getTranslation("discussions.category-name"));
        name.setId("category-name");
        name.setMaxLength(DiscussionService.CATEGORY_NAME_MAX);
        TextArea description = new TextArea(getTranslation("discussions.category-description"));
        description.setId("category-description");
        description.setMaxLength(DiscussionService.CATEGORY_DESCRIPTION_MAX);
        description.setWidthFull();
        IntegerField position = new IntegerField(getTranslation("discussions.category-position"));
        position.setId("category-position");
        position.setHelperText(getTranslation("discussions.category-position-help"));
        position.setMin(0);
        position.setStepButtonsVisible(true);
        add(slug, name, description);
        if (existing != null) {
            slug.setValue(existing.slug());
            slug.setReadOnly(true);
            name.setValue(existing.name());
            description.setValue(existing.description() == null ? "" : existing.description());
            position.setValue(existing.position());
            add(position);
        }
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                if (existing == null) {
                    discussions.createCategory(slug.getValue(), name.getValue(), description.getValue());
                    Notifications.success(getTranslation("discussions.category-created", name.getValue()));
                } else {
                    Category saved = discussions.updateCategory(existing.id(), existing.version(), name.getValue(),
                            description.getValue(), position.getValue());
                    Notifications.success(getTranslation("discussions.category-saved", saved.name()));
                }
                close();
                getUI().ifPresent(ui -> ui.getPage().reload());
            } catch (PortalException ex) {
                String message = getTranslation(ex.messageKey(), ex.arguments());
                HasValidation field = switch (ex.field() == null ? "" : ex.field()) {
                    case "slug" -> slug;
                    case "name" -> name;
                    case "description" -> description;
                    case "position" -> position;
                    default -> null;
                };
                if (field != null) {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                } else {
                    Notifications.error(message);
                }
            }
        });
        save.setId("save-category");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
