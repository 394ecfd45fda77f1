package org.sigportal.discussion.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import org.sigportal.base.PortalException;

import java.util.function.UnaryOperator;

/**
 * Markdown with a preview: "Write" shows the text area, "Preview" shows the text as it will be published, rendered
 * and sanitised on the server exactly as the post will be.
 */
class MarkdownEditor extends CustomField<String> {

    private final TextArea text = new TextArea();
    private final Div preview = new Div();
    private final UnaryOperator<String> render;

    /**
     * With {@code members} (name completion for @mentions), a picker beside the tabs inserts {@code @name} where
     * the cursor is.
     */
    MarkdownEditor(String id, UnaryOperator<String> render,
                   java.util.function.@org.jspecify.annotations.Nullable Function<String, java.util.List<String[]>> members) {
        this(id, render);
        if (members != null) {
            com.vaadin.flow.component.combobox.ComboBox<String[]> mention = new com.vaadin.flow.component.combobox
                    .ComboBox<>();
            mention.setId(id + "-mention");
            mention.setPlaceholder(getTranslation("discussions.mention"));
            mention.setItemLabelGenerator(m -> "@" + m[0] + " · " + m[1]);
            mention.setItems(query -> members.apply(query.getFilter().orElse("")).stream()
                    .skip(query.getOffset()).limit(query.getLimit()));
            mention.addValueChangeListener(e -> {
                if (e.getValue() != null && e.isFromClient()) {
                    insert("@" + e.getValue()[0] + " ");
                    mention.clear();
                }
            });
            mention.setWidth("16rem");
            getElement().insertChild(1, mention.getElement());
        }
    }

    /** Puts text at the cursor (or the end) of the text area, as if typed. */
    void insert(String snippet) {
        text.getElement().executeJs("""
                const t = this.inputElement;
                const at = t.selectionStart ?? t.value.length;
                t.setRangeText($0, at, t.selectionEnd ?? at, 'end');
                this.value = t.value;
                this.dispatchEvent(new Event('change'));
                t.focus();""", snippet);
    }

    MarkdownEditor(String id, UnaryOperator<String> render) {
        this.render = render;
        setId(id);
        setWidthFull();
        text.setWidthFull();
        text.setMinHeight("10rem");
        text.setPlaceholder(getTranslation("discussions.markdown-hint"));
        text.addClassName("markdown-text");
        preview.addClassNames("post-body", "markdown-preview");
        preview.setVisible(false);
        Tab write = new Tab(getTranslation("discussions.write"));
        Tab show = new Tab(getTranslation("discussions.preview"));
        show.setId(id + "-preview-tab");
        Tabs tabs = new Tabs(write, show);
        tabs.addSelectedChangeListener(e -> {
            boolean previewing = e.getSelectedTab() == show;
            if (previewing) {
                preview.removeAll();
                try {
                    preview.add(new Html("<div>" + render.apply(text.getValue()) + "</div>"));
                } catch (PortalException ex) {
                    preview.setText(getTranslation(ex.messageKey(), ex.arguments()));
                }
            }
            preview.setVisible(previewing);
            text.setVisible(!previewing);
        });
        add(tabs, text, preview);
    }

    @Override
    protected String generateModelValue() {
        return text.getValue();
    }

    @Override
    protected void setPresentationValue(String value) {
        text.setValue(value == null ? "" : value);
    }

    @Override
    public void setValue(String value) {
        super.setValue(value == null ? "" : value);
        text.setValue(value == null ? "" : value);
    }

    @Override
    public String getValue() {
        return text.getValue();
    }

    void focusText() {
        text.focus();
    }
}
