package org.sigportal.docs.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.sigportal.base.ui.NavGroup;
import org.sigportal.base.ui.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocsNavigation {

    @Bean
    NavigationEntry docsEntry() {
        return new NavigationEntry(NavGroup.DOCS, 10, "nav.docs", VaadinIcon.BOOK, DocsView.class);
    }
}
