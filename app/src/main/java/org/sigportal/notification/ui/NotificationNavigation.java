package org.sigportal.notification.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.sigportal.base.ui.NavGroup;
import org.sigportal.base.ui.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationNavigation {

    @Bean
    NavigationEntry webhooksEntry() {
        return new NavigationEntry(NavGroup.ADMIN, 30, "nav.webhooks", VaadinIcon.CONNECT, WebhooksView.class);
    }
}
