package org.sigportal.cluster.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The OS-image table shows an image's name and version apart: the version starts at the first number. */
class OsImageColumnsTest {

    @Test
    void theNameEndsWhereTheFirstNumberStarts() {
        assertThat(FleetOverviewView.osName("LifseaOS 2.0 (Rust)")).isEqualTo("LifseaOS");
        assertThat(FleetOverviewView.osVersion("LifseaOS 2.0 (Rust)")).isEqualTo("2.0 (Rust)");
        assertThat(FleetOverviewView.osName("Anolis OS 8.8")).isEqualTo("Anolis OS");
        assertThat(FleetOverviewView.osVersion("Anolis OS 8.8")).isEqualTo("8.8");
        assertThat(FleetOverviewView.osName("Ubuntu 22.04.4 LTS")).isEqualTo("Ubuntu");
        assertThat(FleetOverviewView.osVersion("Ubuntu 22.04.4 LTS")).isEqualTo("22.04.4 LTS");
    }

    @Test
    void anImageWithoutANumberIsAllName() {
        assertThat(FleetOverviewView.osName("Container-Optimized OS")).isEqualTo("Container-Optimized OS");
        assertThat(FleetOverviewView.osVersion("Container-Optimized OS")).isEmpty();
        assertThat(FleetOverviewView.osName("1.2.3")).isEqualTo("1.2.3");
        assertThat(FleetOverviewView.osName("")).isEqualTo("—");
    }
}
