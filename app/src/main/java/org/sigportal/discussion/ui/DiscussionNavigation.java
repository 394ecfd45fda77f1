package org.sigportal.discussion.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.sigportal.base.ui.NavGroup;
import org.sigportal.base.ui.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DiscussionNavigation {

    @Bean
    NavigationEntry discussionsEntry() {
        return new NavigationEntry(NavGroup.COMMUNITY, 20, "nav.discussions", VaadinIcon.COMMENTS,
                DiscussionsView.class);
    }

    @Bean
    NavigationEntry moderationEntry() {
        return new NavigationEntry(NavGroup.COMMUNITY, 90, "nav.moderation", VaadinIcon.FLAG, ModerationView.class);
    }
}
