package org.sigportal.identity.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.sigportal.base.ui.NavGroup;
import org.sigportal.base.ui.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    NavigationEntry usersEntry() {
        return new NavigationEntry(NavGroup.ADMIN, 10, "nav.users", VaadinIcon.USERS, UsersView.class);
    }
}
