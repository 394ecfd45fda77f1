package org.sigportal.base.demo;

/**
 * Sample content a feature contributes so a newcomer sees a living portal. Seeded once, into an empty
 * database, only in demo mode; everything seeded must be marked as demo where users can see it.
 */
public interface DemoContent {

    /** Lower runs first (accounts before the things they own). */
    int order();

    /** A short name for the log. */
    String name();

    void seed();
}
