package org.sigportal.support;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test on the embedded default database (H2 in PostgreSQL mode), demo mode on as in the
 * embedded profile, and single sign-on against the {@link MockOidc} server. Every test with this annotation
 * shares one Spring context.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("h2")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = MockOidc.Initializer.class)
@TestPropertySource(properties = {
        "portal.sign-in.slow-down=100ms",
        "spring.datasource.url=jdbc:h2:mem:portal-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "portal.demo.enabled=true",
        "portal.admin.initial-password=" + TestAccounts.ADMIN_PASSWORD,
})
public @interface H2Database {
}
