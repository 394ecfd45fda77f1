package org.sigportal.cluster.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.sigportal.base.ui.NavGroup;
import org.sigportal.base.ui.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClusterNavigation {

    @Bean
    NavigationEntry fleetOverviewEntry() {
        return new NavigationEntry(NavGroup.FLEET, 10, "nav.fleet-overview", VaadinIcon.DASHBOARD,
                FleetOverviewView.class);
    }

    @Bean
    NavigationEntry nodesEntry() {
        return new NavigationEntry(NavGroup.FLEET, 20, "nav.nodes", VaadinIcon.SERVER, NodesView.class);
    }

    @Bean
    NavigationEntry clustersEntry() {
        return new NavigationEntry(NavGroup.FLEET, 30, "nav.clusters", VaadinIcon.CLUSTER, ClustersView.class);
    }
}
