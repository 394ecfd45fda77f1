package org.sigportal.base.ui;

/** Something on the home page that asks a signed-in user to act, with the route that lets them. */
public record AttentionItem(String text, String route) {
}
