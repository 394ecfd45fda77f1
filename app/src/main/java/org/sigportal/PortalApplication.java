package org.sigportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * The Cloud Native SIG Portal: fleet operations and the SIG's round-table in one server-rendered app.
 * Each top-level package is one feature module; {@code base} is the shared foundation.
 */
@SpringBootApplication
@Modulithic(sharedModules = "base")
public class PortalApplication {

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        SpringApplication.run(PortalApplication.class, args);
    }
}
