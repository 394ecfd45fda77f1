package org.sigportal.base.ui;

import com.vaadin.flow.component.Component;

import java.util.Optional;

/** Something a feature shows in the top bar (the notification bell), as a Spring bean; created per layout. */
public interface NavbarWidget {

    /** Lower comes first. */
    int order();

    /** The control for the current user, or empty (for example for visitors). */
    Optional<Component> create();
}
