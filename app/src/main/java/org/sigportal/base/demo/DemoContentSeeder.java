package org.sigportal.base.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.List;

/**
 * Seeds every feature's {@link DemoContent} once, in one transaction, when demo mode is on and the
 * installation has never been seeded. The marker lives in {@code portal_setting}, so removing the demo
 * content later does not bring it back on the next start.
 */
@Component
@Order(100)
class DemoContentSeeder implements ApplicationRunner {

    static final String MARKER = "demo.seeded";
    private static final Logger log = LoggerFactory.getLogger(DemoContentSeeder.class);

    private final DemoMode demoMode;
    private final List<DemoContent> contents;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    DemoContentSeeder(DemoMode demoMode, List<DemoContent> contents, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.demoMode = demoMode;
        this.contents = contents;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            Integer seeded = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM portal_setting WHERE setting_key = ?", Integer.class, MARKER);
            if (seeded != null && seeded > 0) {
                return;
            }
            // "Empty" means nobody but the bootstrapped administrator has an account yet.
            Integer accounts = jdbc.queryForObject("SELECT COUNT(*) FROM portal_user", Integer.class);
            if (accounts != null && accounts > 1) {
                log.info("Demo mode is on but the database already holds accounts: no demo content seeded");
                return;
            }
            contents.stream().sorted(Comparator.comparingInt(DemoContent::order)).forEach(c -> {
                log.info("Seeding demo content: {}", c.name());
                c.seed();
            });
            jdbc.update("INSERT INTO portal_setting (setting_key, setting_value) VALUES (?, ?)", MARKER, "true");
        });
    }
}
