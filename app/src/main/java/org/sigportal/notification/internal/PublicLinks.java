package org.sigportal.notification.internal;

import java.util.Optional;

/**
 * Addresses of portal pages for readers outside the portal (mails, webhook receivers): absolute when the
 * portal's public address is configured ({@code portal.public-url}), otherwise paths from the portal's root.
 */
public final class PublicLinks {

    private final String base;

    public PublicLinks(String publicUrl) {
        this.base = publicUrl.strip().replaceAll("/+$", "");
    }

    /** The path of a post from the portal's root, such as {@code /discuss/t/12#post-34}. */
    public static String postPath(long threadId, long postId) {
        return "/discuss/t/" + threadId + "#post-" + postId;
    }

    /** The absolute address of a page, when the public address is known. */
    public Optional<String> absolute(String path) {
        return base.isEmpty() ? Optional.empty() : Optional.of(base + path);
    }

    /** The absolute address when known, else the path. */
    public String link(String path) {
        return absolute(path).orElse(path);
    }
}
