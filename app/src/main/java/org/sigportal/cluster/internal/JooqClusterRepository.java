package org.sigportal.cluster.internal;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.sigportal.cluster.ClusterSource;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.sigportal.db.Tables.CLUSTER;
import static org.sigportal.db.Tables.FLEET_SETTING;

@Repository
public class JooqClusterRepository {

    /** A stored cluster; {@code credentials} is the encrypted blob. */
    public record StoredCluster(long id, String name, ClusterSource source, String apiServerUrl, String credentials,
                                boolean enabled, boolean demo, @Nullable String kubernetesVersion,
                                @Nullable String apiVersions, @Nullable String targetOsImage, int version) {
    }

    static final String FLEET_TARGET = "fleet.target-os-image";

    private final DSLContext dsl;

    JooqClusterRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(String name, ClusterSource source, String url, String encrypted, boolean demo,
                       @Nullable String kubernetesVersion, String apiVersions, OffsetDateTime now) {
        return dsl.insertInto(CLUSTER)
                .set(CLUSTER.NAME, name)
                .set(CLUSTER.SOURCE, source.name())
                .set(CLUSTER.API_SERVER_URL, url)
                .set(CLUSTER.CREDENTIALS, encrypted)
                .set(CLUSTER.DEMO, demo)
                .set(CLUSTER.KUBERNETES_VERSION, kubernetesVersion)
                .set(CLUSTER.API_VERSIONS, apiVersions)
                .set(CLUSTER.CREATED_AT, now)
                .set(CLUSTER.UPDATED_AT, now)
                .returning(CLUSTER.ID).fetchOne(CLUSTER.ID);
    }

    public boolean nameExists(String name) {
        return dsl.fetchExists(CLUSTER, CLUSTER.NAME.eq(name));
    }

    public List<StoredCluster> all() {
        return dsl.selectFrom(CLUSTER).orderBy(CLUSTER.NAME).fetch(JooqClusterRepository::toStored);
    }

    public Optional<StoredCluster> find(long id) {
        return dsl.selectFrom(CLUSTER).where(CLUSTER.ID.eq(id)).fetchOptional(JooqClusterRepository::toStored);
    }

    private static StoredCluster toStored(org.sigportal.db.tables.records.ClusterRecord r) {
        return new StoredCluster(r.getId(), r.getName(), ClusterSource.valueOf(r.getSource()), r.getApiServerUrl(),
                r.getCredentials(), r.getEnabled(), r.getDemo(), r.getKubernetesVersion(), r.getApiVersions(),
                r.getTargetOsImage(), r.getVersion());
    }

    public boolean setEnabled(long id, int expectedVersion, boolean enabled, OffsetDateTime now) {
        return dsl.update(CLUSTER).set(CLUSTER.ENABLED, enabled).set(CLUSTER.UPDATED_AT, now)
                .set(CLUSTER.VERSION, CLUSTER.VERSION.plus(1))
                .where(CLUSTER.ID.eq(id)).and(CLUSTER.VERSION.eq(expectedVersion)).execute() == 1;
    }

    public boolean setTarget(long id, int expectedVersion, @Nullable String target, OffsetDateTime now) {
        return dsl.update(CLUSTER).set(CLUSTER.TARGET_OS_IMAGE, target).set(CLUSTER.UPDATED_AT, now)
                .set(CLUSTER.VERSION, CLUSTER.VERSION.plus(1))
                .where(CLUSTER.ID.eq(id)).and(CLUSTER.VERSION.eq(expectedVersion)).execute() == 1;
    }

    public boolean delete(long id, int expectedVersion) {
        return dsl.deleteFrom(CLUSTER).where(CLUSTER.ID.eq(id)).and(CLUSTER.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /** For the demo fleet: its simulated API server listens on a new port, with new tokens, on every start. */
    /** A new name and new credentials for a cluster still at {@code expectedVersion}. */
    public boolean update(long id, int expectedVersion, String name, ClusterSource source, String url,
                          String encrypted, @Nullable String kubernetesVersion, String apiVersions,
                          OffsetDateTime now) {
        return dsl.update(CLUSTER).set(CLUSTER.NAME, name).set(CLUSTER.SOURCE, source.name())
                .set(CLUSTER.API_SERVER_URL, url).set(CLUSTER.CREDENTIALS, encrypted)
                .set(CLUSTER.KUBERNETES_VERSION, kubernetesVersion).set(CLUSTER.API_VERSIONS, apiVersions)
                .set(CLUSTER.UPDATED_AT, now).set(CLUSTER.VERSION, expectedVersion + 1)
                .where(CLUSTER.ID.eq(id).and(CLUSTER.VERSION.eq(expectedVersion))).execute() == 1;
    }

    public boolean repoint(long id, String url, String encrypted, @Nullable String kubernetesVersion,
                           String apiVersions, OffsetDateTime now) {
        return dsl.update(CLUSTER).set(CLUSTER.API_SERVER_URL, url).set(CLUSTER.CREDENTIALS, encrypted)
                .set(CLUSTER.KUBERNETES_VERSION, kubernetesVersion).set(CLUSTER.API_VERSIONS, apiVersions)
                .set(CLUSTER.UPDATED_AT, now).set(CLUSTER.VERSION, CLUSTER.VERSION.plus(1))
                .where(CLUSTER.ID.eq(id)).execute() == 1;
    }

    public Optional<String> fleetTarget() {
        return dsl.select(FLEET_SETTING.SETTING_VALUE).from(FLEET_SETTING)
                .where(FLEET_SETTING.SETTING_KEY.eq(FLEET_TARGET)).fetchOptional(FLEET_SETTING.SETTING_VALUE);
    }

    public void setFleetTarget(@Nullable String target) {
        dsl.deleteFrom(FLEET_SETTING).where(FLEET_SETTING.SETTING_KEY.eq(FLEET_TARGET)).execute();
        if (target != null && !target.isBlank()) {
            dsl.insertInto(FLEET_SETTING).set(FLEET_SETTING.SETTING_KEY, FLEET_TARGET)
                    .set(FLEET_SETTING.SETTING_VALUE, target).execute();
        }
    }
}
