package org.sigportal.base.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Whether this installation shows demo content (on by default in the embedded profile, off for PostgreSQL). */
@Component
public class DemoMode {

    private final boolean enabled;

    public DemoMode(@Value("${portal.demo.enabled:false}") boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }
}
