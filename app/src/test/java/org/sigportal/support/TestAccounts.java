package org.sigportal.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Names and passwords for accounts the tests create; unique per call so tests never collide. */
public final class TestAccounts {

    public static final String ADMIN_PASSWORD = "integration-admin-pw";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestAccounts() {
    }

    public static String uniqueUsername(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + COUNTER.incrementAndGet();
    }
}
