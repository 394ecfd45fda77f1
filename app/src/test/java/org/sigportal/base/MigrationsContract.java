package org.sigportal.base;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Every migration in db/ applies on every supported database, and none is left pending. */
abstract class MigrationsContract {

    @Autowired
    Flyway flyway;

    @Test
    void everyMigrationIsAppliedSuccessfully() throws Exception {
        String vendor;
        try (var connection = flyway.getConfiguration().getDataSource().getConnection()) {
            vendor = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        }
        var resolver = new PathMatchingResourcePatternResolver();
        int files = resolver.getResources("classpath*:db/migration/V*.sql").length
                + resolver.getResources("classpath*:db/vendor/" + vendor + "/V*.sql").length;
        MigrationInfo[] applied = flyway.info().applied();

        assertThat(files).isPositive();
        assertThat(Arrays.stream(applied).filter(i -> i.getVersion() != null)).hasSize(files)
                .allSatisfy(i -> assertThat(i.getState().isFailed()).isFalse());
        assertThat(flyway.info().pending()).isEmpty();
    }
}
