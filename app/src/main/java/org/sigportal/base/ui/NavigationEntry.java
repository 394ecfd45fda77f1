package org.sigportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * One entry of the side navigation, contributed as a Spring bean by the feature that owns the view, so the
 * layout never depends on the features. Entries the current user may not open are hidden.
 */
public record NavigationEntry(NavGroup group, int order, String labelKey, VaadinIcon icon,
                              Class<? extends Component> view) {
}
