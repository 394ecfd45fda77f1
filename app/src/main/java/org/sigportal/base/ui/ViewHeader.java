package org.sigportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A view's title, an optional one-line explanation, and actions on the right. */
public class ViewHeader extends HorizontalLayout {

    public ViewHeader(String title, String description, Component... actions) {
        addClassName("portal-view-header");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.END);
        VerticalLayout text = new VerticalLayout(new H1(title));
        text.setPadding(false);
        text.setSpacing(false);
        if (!description.isEmpty()) {
            Paragraph p = new Paragraph(description);
            p.addClassName("portal-view-description");
            text.add(p);
        }
        add(text);
        setFlexGrow(1, text);
        add(actions);
    }
}
