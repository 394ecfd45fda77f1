package org.sigportal.base.ui;

import com.vaadin.flow.component.Component;

import java.util.Optional;

/**
 * Something a feature shows at the top of a signed-in user's home page, above what needs their attention (the
 * fleet at a glance for operators), as a Spring bean; created each time the home page is opened.
 */
public interface HomeWidget {

    /** Lower comes first. */
    int order();

    /** The widget for the current user, or empty (for example for users without the role it is meant for). */
    Optional<Component> create();
}
