package org.sigportal.audit.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.sigportal.base.ui.NavGroup;
import org.sigportal.base.ui.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationEntry auditLogEntry() {
        return new NavigationEntry(NavGroup.ADMIN, 20, "nav.audit", VaadinIcon.RECORDS, AuditLogView.class);
    }
}
