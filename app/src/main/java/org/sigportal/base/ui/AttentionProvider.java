package org.sigportal.base.ui;

import java.util.List;
import java.util.Locale;

/**
 * A feature's contribution to "what needs your attention" on the home page (a meeting to prepare, a
 * requirement awaiting a vote, a drifting node). Implemented as Spring beans; the home page knows only this.
 */
public interface AttentionProvider {

    List<AttentionItem> itemsFor(String username, Locale locale);
}
