package org.sigportal.base.markdown;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.sigportal.base.PortalException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Member-written Markdown to safe HTML, in two independent steps:
 *
 * <ol>
 *   <li>commonmark-java (with GFM tables, strikethrough and bare-URL autolinks) parses the text; raw HTML is
 *       escaped, so it shows as text and never becomes markup; the {@link UrlPolicy} is applied to the tree
 *       (refused links lose their link, images from hosts not on the allow-list become links);</li>
 *   <li>the OWASP Java HTML Sanitizer then keeps only an allow-list of elements and attributes: paragraphs,
 *       headings, emphasis, strikethrough, code and preformatted blocks (a {@code language-…} class on
 *       {@code code}), block quotes, lists, tables (cell alignment), rules and line breaks, links (an
 *       {@code href} the {@link UrlPolicy} allows, a title, and always {@code rel="nofollow noopener
 *       noreferrer"}; no {@code target}) and images (an allowed {@code src}, alt and title).</li>
 * </ol>
 *
 * The second step alone would be safe; the first keeps the page readable and is a second line of defence.
 * Texts larger than {@link MarkdownProperties#maxSize()} are refused with a {@link PortalException}
 * ({@value #TOO_LARGE}).
 *
 * <p>Callers that add their own syntax (mentions, short references) pass commonmark {@link PostProcessor}s to
 * {@link #withPostProcessors}; they run on the tree in order before the URL policy and before sanitising,
 * so whatever they add is held to the same rules. Instances, and the post-processors given to them, must be
 * thread-safe: one instance serves every request.
 */
public final class SafeMarkdown {

    /** Message key of the refusal of a too large text; its argument is the limit in KB. */
    public static final String TOO_LARGE = "markdown.error.too-large";

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            StrikethroughExtension.create(), AutolinkExtension.create());

    /** Deeper nesting of block quotes or lists than this is read as text: bounds the work and the recursion. */
    private static final int MAX_OPEN_BLOCKS = 32;
    /** Deeper nesting of emphasis, links and the like than this is read as text. */
    private static final int MAX_INLINE_NESTING = 32;

    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
    private static final Pattern ALIGNMENT = Pattern.compile("left|center|right");
    private static final Pattern LIST_START = Pattern.compile("[0-9]{1,9}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final MarkdownProperties properties;
    private final List<PostProcessor> postProcessors;
    private final UrlPolicy urlPolicy;
    private final Parser parser;
    private final HtmlRenderer renderer;
    private final PolicyFactory sanitizer;

    public SafeMarkdown(MarkdownProperties properties) {
        this(properties, List.of());
    }

    public SafeMarkdown(MarkdownProperties properties, List<? extends PostProcessor> postProcessors) {
        this.properties = properties;
        this.postProcessors = List.copyOf(postProcessors);
        this.urlPolicy = new UrlPolicy(properties.imageHosts());
        Parser.Builder builder = Parser.builder().extensions(EXTENSIONS)
                .maxOpenBlockParsers(MAX_OPEN_BLOCKS).maxInlineNesting(MAX_INLINE_NESTING);
        this.postProcessors.forEach(builder::postProcessor);
        this.parser = builder.postProcessor(new UrlPolicyPostProcessor(urlPolicy)).build();
        this.renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
                .sanitizeUrls(true).urlSanitizer(new PolicyUrlSanitizer(urlPolicy)).percentEncodeUrls(true).build();
        this.sanitizer = htmlPolicy(urlPolicy);
    }

    /** The same rules with further post-processors, run after the ones this instance has. */
    public SafeMarkdown withPostProcessors(PostProcessor... more) {
        List<PostProcessor> all = new ArrayList<>(postProcessors);
        all.addAll(List.of(more));
        return new SafeMarkdown(properties, all);
    }

    /**
     * Safe HTML for a member's Markdown, to be shown as it is: a sequence of block elements, so wrap it in
     * one element for Vaadin's {@code Html} (which takes exactly one root), e.g. {@code "<div>" + html + "</div>"}.
     *
     * @throws PortalException ({@value #TOO_LARGE}) if the text is larger than the configured limit
     */
    public String render(String markdown) {
        requireWithinLimit(markdown);
        return sanitizer.sanitize(renderer.render(parser.parse(markdown)));
    }

    /**
     * The text a reader sees in {@link #render}, without any markup, on one line and cut to at most
     * {@code maxChars} characters (ending in "…" when cut): for lists of threads and notification texts. Raw
     * HTML, which the rendered page shows as text, is kept as text here too. It is plain text: whoever
     * puts it into HTML must escape it (Vaadin's {@code setText} does).
     *
     * @throws PortalException ({@value #TOO_LARGE}) if the text is larger than the configured limit
     */
    public String excerpt(String markdown, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1");
        }
        requireWithinLimit(markdown);
        StringBuilder text = new StringBuilder();
        collectText(parser.parse(markdown), text);
        return shorten(WHITESPACE.matcher(withoutUnsafeCharacters(text)).replaceAll(" ").strip(), maxChars);
    }

    /**
     * Refuses a text larger than the configured limit, before anything is parsed: forms call it to check
     * input before saving it.
     *
     * @throws PortalException ({@value #TOO_LARGE}, the limit in KB as argument)
     */
    public void requireWithinLimit(String markdown) {
        long max = properties.maxSize().toBytes();
        // A char is at most 3 UTF-8 bytes (a surrogate pair is 4 bytes for 2 chars): skip counting when it cannot matter.
        if ((long) markdown.length() * 3 > max && utf8Length(markdown) > max) {
            throw new PortalException(TOO_LARGE, Math.max(1, properties.maxSize().toKilobytes()));
        }
    }

    /** The sanitiser step alone, on any HTML: the tests feed it raw payloads as if the first step had failed. */
    String sanitize(String html) {
        return sanitizer.sanitize(html);
    }

    private static PolicyFactory htmlPolicy(UrlPolicy urlPolicy) {
        return new HtmlPolicyBuilder()
                .allowElements("p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "code", "pre",
                        "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "hr", "br")
                .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
                .allowAttributes("align").matching(ALIGNMENT).onElements("th", "td")
                .allowAttributes("start").matching(LIST_START).onElements("ol")
                .allowUrlProtocols("http", "https", "mailto")
                // A link stays only with an allowed address, an image only with an allowed source.
                .allowElements((name, attributes) -> hasAttribute(attributes, "href") ? name : null, "a")
                .allowAttributes("href").matching(urlPolicy::isAllowedLink).onElements("a")
                .allowAttributes("title").onElements("a", "img")
                .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                .allowElements((name, attributes) -> hasAttribute(attributes, "src") ? name : null, "img")
                .allowAttributes("src").matching(urlPolicy::isAllowedImage).onElements("img")
                .allowAttributes("alt").onElements("img")
                .toFactory();
    }

    /** {@code attributes} alternates names and values. */
    private static boolean hasAttribute(List<String> attributes, String name) {
        for (int i = 0; i < attributes.size(); i += 2) {
            if (attributes.get(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void collectText(Node node, StringBuilder out) {
        switch (node) {
            case Text text -> out.append(text.getLiteral());
            case Code code -> out.append(code.getLiteral());
            case HtmlInline html -> out.append(html.getLiteral());
            case HtmlBlock html -> out.append(html.getLiteral()).append(' ');
            case FencedCodeBlock code -> out.append(code.getLiteral()).append(' ');
            case IndentedCodeBlock code -> out.append(code.getLiteral()).append(' ');
            case Image image -> collectAltText(image, out);
            case SoftLineBreak ignored -> out.append(' ');
            case HardLineBreak ignored -> out.append(' ');
            default -> {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    collectText(child, out);
                }
                if (node instanceof Block || node instanceof TableCell) {
                    out.append(' ');
                }
            }
        }
    }

    /** An image's alt text as the renderer writes it: its text, code and line breaks, no raw HTML. */
    private static void collectAltText(Node node, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Text text -> out.append(text.getLiteral());
                case Code code -> out.append(code.getLiteral());
                case SoftLineBreak ignored -> out.append(' ');
                case HardLineBreak ignored -> out.append(' ');
                default -> collectAltText(child, out);
            }
        }
    }

    /**
     * Drops what the HTML sanitiser drops from text too (control characters below U+0020 other than white
     * space, U+FFFE and U+FFFF, lone surrogates), so an excerpt holds no more than the page shows.
     */
    private static String withoutUnsafeCharacters(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                out.append(' ');
            } else if (c >= 0x20 && c != 0xfffe && c != 0xffff
                    && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String shorten(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - 1;
        if (end > 0 && Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        // Prefer to cut between words, unless that loses more than a fifth of the room.
        int space = text.lastIndexOf(' ', end);
        if (space > 0 && space >= end - end / 5) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The renderer's own URL check, the same {@link UrlPolicy}: refused addresses are rendered empty. */
    private record PolicyUrlSanitizer(UrlPolicy policy) implements UrlSanitizer {

        @Override
        public String sanitizeLinkUrl(String url) {
            return policy.isAllowedLink(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return policy.isAllowedImage(url) ? url : "";
        }
    }
}
