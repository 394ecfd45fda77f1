package org.sigportal.base.markdown;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which addresses member-written Markdown may link to and show images from. Applied twice: to the
 * Markdown tree before rendering (links become plain text, images become links) and by the HTML
 * sanitiser as the last word on every {@code href} and {@code src}.
 *
 * <ul>
 *   <li>Links: absolute {@code http}, {@code https} and {@code mailto} addresses, and paths on the portal
 *       itself that start with a single {@code /} (for links a later post-processor may add, such as
 *       mentions). Protocol-relative {@code //host} and {@code /\host}, other relative forms, fragments
 *       and every other scheme ({@code javascript:}, {@code data:}, {@code vbscript:} …) are refused.</li>
 *   <li>Images: absolute {@code http} and {@code https} addresses whose host is in the allow-list, with no
 *       user-info part; nothing else.</li>
 *   <li>Both: no control character, no backslash (browsers drop tabs and line breaks inside addresses
 *       and read {@code \} as {@code /}, so such addresses would not mean what they seem to).</li>
 * </ul>
 */
final class UrlPolicy {

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");

    private final List<String> imageHosts;

    UrlPolicy(List<String> imageHosts) {
        this.imageHosts = List.copyOf(imageHosts);
    }

    boolean isAllowedLink(String url) {
        if (url.isEmpty() || hasForbiddenCharacter(url)) {
            return false;
        }
        Matcher scheme = SCHEME.matcher(url);
        if (scheme.find()) {
            return LINK_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
        }
        return isSitePath(url);
    }

    boolean isAllowedImage(String url) {
        if (imageHosts.isEmpty() || url.isEmpty() || hasForbiddenCharacter(url)) {
            return false;
        }
        Matcher scheme = SCHEME.matcher(url);
        if (!scheme.find() || !IMAGE_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            return host != null && uri.getRawUserInfo() == null && isAllowedImageHost(host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private boolean isAllowedImageHost(String host) {
        for (String allowed : imageHosts) {
            if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    /** A path on the portal itself: one slash, then neither a second slash nor a backslash. */
    private static boolean isSitePath(String url) {
        return url.charAt(0) == '/' && (url.length() == 1 || url.charAt(1) != '/');
    }

    private static boolean hasForbiddenCharacter(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }
}
