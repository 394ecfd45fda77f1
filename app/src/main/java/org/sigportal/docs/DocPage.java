package org.sigportal.docs;

/** One page of the built-in documentation, already rendered to safe HTML. */
public record DocPage(String slug, String title, String html, boolean translated) {
}
