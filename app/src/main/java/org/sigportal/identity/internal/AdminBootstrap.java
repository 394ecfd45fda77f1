package org.sigportal.identity.internal;

import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.sigportal.base.CurrentActor;
import org.sigportal.base.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * On first start with no accounts, creates {@code admin} with the password from
 * {@code PORTAL_ADMIN_PASSWORD} or, when that is unset, a random one printed once to the log. There is no
 * default password anywhere.
 */
@Component
@Order(10)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final JooqUserRepository users;
    private final PasswordEncoder encoder;
    private final AuditService audit;
    private final Clock clock;
    private final String configuredPassword;

    AdminBootstrap(JooqUserRepository users, PasswordEncoder encoder, AuditService audit, Clock clock,
                   @Value("${portal.admin.initial-password:}") String configuredPassword) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.countAll() > 0) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        OffsetDateTime now = OffsetDateTime.now(clock);
        users.insert(ADMIN, "Administrator", null, encoder.encode(password), Set.of(Roles.MEMBER, Roles.ADMIN),
                false, now);
        audit.recordAs(CurrentActor.SYSTEM, "account.bootstrap-admin", "user", ADMIN, AuditOutcome.SUCCESS,
                generated ? "random password printed to the log" : "password from configuration");
        if (generated) {
            log.warn("""

                    ==============================================================
                     First start: created the account 'admin'.
                     Initial admin password (shown once, change it after sign-in):
                         {}
                    ==============================================================""", password);
        } else {
            log.info("First start: created the account 'admin' with the configured initial password");
        }
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
