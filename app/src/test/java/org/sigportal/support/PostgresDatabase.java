package org.sigportal.support;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test on a real PostgreSQL server (embedded binaries from Maven, started once per run) with
 * the production {@code postgres} profile, so demo mode is off as in production. Every test with this
 * annotation shares one Spring context.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresDatabase.Initializer.class)
@TestPropertySource(properties = "portal.admin.initial-password=" + TestAccounts.ADMIN_PASSWORD)
public @interface PostgresDatabase {

    class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        private static final String KEY = java.util.Base64.getEncoder().encodeToString(
                java.security.SecureRandom.getSeed(32));

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "spring.datasource.url=" + TestPostgres.jdbcUrl(),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=postgres",
                    // Outside the embedded default the portal refuses to start without a key: give it one.
                    "portal.secrets.key=" + KEY);
        }
    }
}
