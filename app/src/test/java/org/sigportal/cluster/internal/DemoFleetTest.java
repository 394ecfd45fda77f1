package org.sigportal.cluster.internal;

import org.junit.jupiter.api.Test;
import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.sigportal.base.demo.DemoMode;
import org.sigportal.cluster.ClusterSource;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The demo fleet's own decisions: off means no server and no demo clusters; on re-points them at each start. */
class DemoFleetTest {

    private final JooqClusterRepository repository = mock(JooqClusterRepository.class);
    private final ClusterConnector connector = mock(ClusterConnector.class);
    private final AuditService audit = mock(AuditService.class);

    private static JooqClusterRepository.StoredCluster stored(long id, String name, boolean demo) {
        return new JooqClusterRepository.StoredCluster(id, name, ClusterSource.TOKEN, "http://127.0.0.1:1/" + name,
                "v1:sealed", true, demo, "v1.30.7-aliyun.1", "v1 policy/v1", null, 3);
    }

    @Test
    void withDemoModeOffNothingStartsAndStoredDemoClustersAreRemoved() {
        when(repository.all()).thenReturn(List.of(stored(1, "demo-hangzhou-prod", true), stored(2, "real", false)));
        when(repository.delete(1, 3)).thenReturn(true);
        DemoFleet fleet = new DemoFleet(new DemoMode(false), true, repository, connector, audit, Clock.systemUTC());

        fleet.start();

        assertThat(fleet.server()).isNull();
        verify(repository).delete(1, 3);
        verify(repository, never()).delete(eq(2L), anyInt());
        verify(audit).recordAs("system", "cluster.remove", "cluster", "demo-hangzhou-prod", AuditOutcome.SUCCESS,
                "demo fleet off");
        fleet.seed();
        verify(repository, never()).insert(anyString(), any(), anyString(), anyString(), eq(true), any(), any(),
                any());
        fleet.stop();
    }

    @Test
    void theDemoFleetCanBeTurnedOffAloneInDemoMode() {
        when(repository.all()).thenReturn(List.of(stored(1, "demo-edge-factories", true)));
        DemoFleet fleet = new DemoFleet(new DemoMode(true), false, repository, connector, audit, Clock.systemUTC());
        fleet.start();
        assertThat(fleet.server()).isNull();
        verify(repository).delete(1, 3);
        verify(connector, never()).validateSimulated(anyString(), anyString());
    }

    @Test
    void eachStartServesTheFleetAgainAndRepointsTheStoredDemoClusters() throws Exception {
        when(repository.all()).thenReturn(List.of(stored(1, "demo-hangzhou-prod", true), stored(2, "real", false),
                stored(3, "demo-retired", true)));
        when(repository.delete(3, 3)).thenReturn(true);
        when(connector.validateSimulated(anyString(), anyString())).thenAnswer(call -> new ClusterConnector.Validated(
                ClusterSource.TOKEN, call.getArgument(0), "v1:sealed-again", "v1.30.7-aliyun.1", "v1 policy/v1"));
        DemoFleet fleet = new DemoFleet(new DemoMode(true), true, repository, connector, audit, Clock.systemUTC());
        fleet.start();
        URI version;
        try {
            var server = fleet.server();
            assertThat(server).isNotNull();
            var prod = server.cluster("demo-hangzhou-prod");
            assertThat(prod).isNotNull();
            assertThat(prod.url()).startsWith("http://127.0.0.1:" + server.port() + "/");
            assertThat(prod.count("nodes")).isEqualTo(150);
            verify(connector).validateSimulated(prod.url(), prod.token());
            verify(repository).repoint(eq(1L), eq(prod.url()), eq("v1:sealed-again"), eq("v1.30.7-aliyun.1"),
                    eq("v1 policy/v1"), any());
            verify(repository, never()).repoint(eq(2L), anyString(), anyString(), any(), anyString(), any());
            verify(repository).delete(3, 3); // a demo cluster the fleet no longer has
            version = URI.create(prod.url() + "/version");
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(version)
                    .header("Authorization", "Bearer " + prod.token()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).contains("v1.30.7-aliyun.1");
        } finally {
            fleet.stop();
        }
        verify(connector).close(1L);
        assertThat(fleet.server()).isNull();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(version).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }
}
