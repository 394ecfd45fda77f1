package org.sigportal.base.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.select.NodeTraversor;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * Checks rendered HTML the way a browser would read it (parsed with jsoup, entities decoded), not by
 * matching strings: only allowed elements and attributes, every address allowed, links with their rel.
 */
final class SafeHtml {

    /** Per element, the attributes it may carry. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            entry("p", Set.of()), entry("h1", Set.of()), entry("h2", Set.of()), entry("h3", Set.of()),
            entry("h4", Set.of()), entry("h5", Set.of()), entry("h6", Set.of()), entry("em", Set.of()),
            entry("strong", Set.of()), entry("del", Set.of()), entry("code", Set.of("class")),
            entry("pre", Set.of()), entry("blockquote", Set.of()), entry("ul", Set.of()),
            entry("ol", Set.of("start")), entry("li", Set.of()), entry("table", Set.of()),
            entry("thead", Set.of()), entry("tbody", Set.of()), entry("tr", Set.of()),
            entry("th", Set.of("align")), entry("td", Set.of("align")), entry("hr", Set.of()),
            entry("br", Set.of()), entry("a", Set.of("href", "rel", "title")),
            entry("img", Set.of("src", "alt", "title")));

    /** Never acceptable, whatever the allow-list above says. */
    static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "iframe", "frame", "frameset", "object",
            "embed", "applet", "svg", "math", "style", "base", "form", "input", "button", "textarea", "select",
            "meta", "link", "template", "noscript", "video", "audio", "source", "isindex", "xmp", "plaintext");

    static final Set<String> FORBIDDEN_ATTRIBUTES = Set.of("style", "srcdoc", "formaction", "action", "xlink:href",
            "background", "dynsrc", "lowsrc", "poster", "data", "codebase", "target", "id", "name", "srcset",
            "contenteditable", "autofocus", "tabindex", "accesskey");

    /** A page of the portal the HTML is shown on: relative addresses resolve against it. */
    static final URI PAGE = URI.create("https://portal.invalid/threads/1");

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern CODE_CLASS = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
    private static final Pattern ASCII_TAB_OR_NEWLINE = Pattern.compile("[\t\n\r]");

    private SafeHtml() {
    }

    /** Everything wrong with the HTML; empty when it is safe. Image sources must come from {@code imageHosts}. */
    static List<String> problems(String html, Set<String> imageHosts) {
        List<String> problems = new ArrayList<>();
        Document document = Jsoup.parseBodyFragment(html, PAGE.toString());
        NodeTraversor.traverse((node, depth) -> {
            switch (node) {
                // The sanitiser writes "<!-- -->" between two '{' of separate texts, against template injection.
                case Comment c when !c.getData().isBlank() -> problems.add("comment: " + c.getData());
                case DataNode d -> problems.add("script or style data: " + d.getWholeData());
                case DocumentType d -> problems.add("doctype: " + d);
                case XmlDeclaration x -> problems.add("declaration: " + x);
                case Element e when depth > 0 -> checkElement(e, imageHosts, problems);
                default -> {
                }
            }
        }, document.body());
        return problems;
    }

    private static void checkElement(Element element, Set<String> imageHosts, List<String> problems) {
        String name = element.normalName();
        if (FORBIDDEN_ELEMENTS.contains(name) || !ALLOWED.containsKey(name)) {
            problems.add("element not allowed: <" + name + ">");
            return;
        }
        for (Attribute attribute : element.attributes()) {
            String key = attribute.getKey().toLowerCase(Locale.ROOT);
            if (key.startsWith("on") || FORBIDDEN_ATTRIBUTES.contains(key) || !ALLOWED.get(name).contains(key)) {
                problems.add("attribute not allowed: <" + name + " " + key + "=\"" + attribute.getValue() + "\">");
            }
        }
        switch (name) {
            case "a" -> {
                List<String> rel = Arrays.asList(element.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
                if (!rel.contains("nofollow") || !rel.contains("noopener")) {
                    problems.add("link without rel nofollow noopener: " + element.outerHtml());
                }
                if (!element.hasAttr("href")) {
                    problems.add("link without href: " + element.outerHtml());
                } else {
                    checkLink(element.attr("href"), problems);
                }
            }
            case "img" -> checkImage(element.attr("src"), imageHosts, problems);
            case "code" -> {
                if (element.hasAttr("class") && !CODE_CLASS.matcher(element.attr("class")).matches()) {
                    problems.add("code class not a language: " + element.attr("class"));
                }
            }
            default -> {
            }
        }
    }

    /**
     * An {@code href}, as a browser reads it: entities decoded (jsoup did), leading and trailing control
     * characters and spaces trimmed, tabs and line breaks removed. It must be an http, https or mailto
     * address, or a path on the portal itself (one leading slash) that resolves to the portal's own host.
     */
    private static void checkLink(String href, List<String> problems) {
        String url = browserNormalised(href);
        if (url.indexOf('\\') >= 0) {
            problems.add("href with a backslash: " + href);
            return;
        }
        URI uri;
        try {
            uri = new URI(percentEncoded(url));
        } catch (URISyntaxException e) {
            problems.add("href no URI: " + href);
            return;
        }
        if (uri.getScheme() == null) {
            URI resolved = PAGE.resolve(uri);
            if (!url.startsWith("/") || url.startsWith("//") || !PAGE.getHost().equals(resolved.getHost())
                    || !"https".equals(resolved.getScheme())) {
                problems.add("relative href not a path on the portal: " + href);
            }
        } else if (!LINK_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            problems.add("href scheme not allowed: " + href);
        }
    }

    private static void checkImage(String src, Set<String> imageHosts, List<String> problems) {
        String url = browserNormalised(src);
        try {
            URI uri = new URI(percentEncoded(url));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawUserInfo() != null
                    || !imageHosts.contains(host) || url.indexOf('\\') >= 0) {
                problems.add("image source not allowed: " + src);
            }
        } catch (URISyntaxException e) {
            problems.add("image source no URI: " + src);
        }
    }

    /**
     * As a browser's URL parser does: characters a URI may not hold, a '%' that starts no %XX escape and
     * every '#' after the first written as %XX of their UTF-8 bytes.
     */
    private static String percentEncoded(String url) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        boolean fragment = false;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean escape = c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            boolean secondHash = c == '#' && fragment;
            fragment |= c == '#';
            if (c > 0x20 && c < 0x7f && "\"<>`{}|^[]".indexOf(c) < 0 && (c != '%' || escape) && !secondHash) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    private static String browserNormalised(String url) {
        String stripped = ASCII_TAB_OR_NEWLINE.matcher(url).replaceAll("");
        int start = 0;
        int end = stripped.length();
        while (start < end && stripped.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && stripped.charAt(end - 1) <= ' ') {
            end--;
        }
        return stripped.substring(start, end);
    }

    /** The text a reader sees: images read as their alt text. */
    static String visibleText(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        for (Element img : document.select("img")) {
            img.replaceWith(new TextNode(" " + img.attr("alt") + " "));
        }
        return document.body().text();
    }

    /**
     * For comparing texts: without white space, nor the characters jsoup's {@code text()} leaves out of
     * normal text (soft hyphen, zero-width space) or drops at the start of a document (byte-order mark).
     */
    static String withoutWhitespace(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && c != 0xad && c != 0x200b && c != 0xfeff).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** For test names: control characters visible, and not too long. */
    static String printable(String s, int max) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.UNASSIGNED || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\x{%X}", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.length() > max ? out.substring(0, max) + "…" : out.toString();
    }
}
