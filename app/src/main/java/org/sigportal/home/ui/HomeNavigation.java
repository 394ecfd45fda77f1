package org.sigportal.home.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.sigportal.base.ui.NavGroup;
import org.sigportal.base.ui.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HomeNavigation {

    @Bean
    NavigationEntry homeEntry() {
        return new NavigationEntry(NavGroup.HOME, 0, "nav.home", VaadinIcon.HOME, HomeView.class);
    }
}
