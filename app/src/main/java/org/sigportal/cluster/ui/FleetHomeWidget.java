package org.sigportal.cluster.ui;

import com.vaadin.flow.component.Component;
import org.sigportal.base.ui.HomeWidget;
import org.sigportal.cluster.FleetService;

import java.util.Optional;

/** Puts the fleet at a glance at the top of an operator's (or an administrator's) home page. */
@org.springframework.stereotype.Component
class FleetHomeWidget implements HomeWidget {

    private final FleetService fleet;

    FleetHomeWidget(FleetService fleet) {
        this.fleet = fleet;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create() {
        return OperatorCheck.canOperate() ? Optional.of(new FleetSummary(fleet.overview())) : Optional.empty();
    }
}
