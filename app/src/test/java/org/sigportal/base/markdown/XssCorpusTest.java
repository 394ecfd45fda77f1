package org.sigportal.base.markdown;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every payload of a public XSS corpus ({@code xss/payloads.txt}, sources named there) through every
 * Markdown context a member can write, and through the sanitiser alone; the output is parsed as a
 * browser would and held to {@link SafeHtml}'s rules. Each test is named by its payload; a failure says
 * which contexts failed, with the Markdown and the HTML.
 */
class XssCorpusTest {

    /** The corpus file's escapes: a line break, a tab, any character by its hexadecimal code. */
    private static final Pattern ESCAPE = Pattern.compile("\\\\n|\\\\t|\\\\x\\{([0-9A-Fa-f]{1,6})}");
    private static final String IMAGE_HOST = "img.example.org";
    private static final SafeMarkdown MARKDOWN = new SafeMarkdown(new MarkdownProperties(null, List.of(IMAGE_HOST)));
    private static final List<String> PAYLOADS = load();

    /** Where a payload can stand in a member's Markdown (also used by {@link XssCorpusDiscussionH2Test}). */
    static final List<Context> CONTEXTS = List.of(
            new Context("raw", p -> p),
            new Context("in a paragraph", p -> "Hello " + p + " world"),
            new Context("link target", p -> "[x](" + p + ")"),
            new Context("link target in angle brackets", p -> "[x](<" + p + ">)"),
            new Context("link text", p -> "[" + p + "](https://example.org/)"),
            new Context("link title", p -> "[x](https://example.org/ \"" + p + "\")"),
            new Context("image source", p -> "![x](" + p + ")"),
            new Context("image source on an allowed host", p -> "![x](https://" + IMAGE_HOST + "/" + p + ")"),
            new Context("image alt text", p -> "![" + p + "](https://" + IMAGE_HOST + "/a.png)"),
            new Context("image inside a link", p -> "[![x](" + p + ")](" + p + ")"),
            new Context("reference definition", p -> "[x][ref]\n\n[ref]: " + p),
            new Context("reference definition title", p -> "[x][ref]\n\n[ref]: https://example.org/ \"" + p + "\""),
            new Context("autolink", p -> "<" + p + ">"),
            new Context("bare URL", p -> "see https://example.org/" + p + " and www." + p),
            new Context("inline code", p -> "`" + p + "`"),
            new Context("fenced code", p -> "```\n" + p + "\n```"),
            new Context("fenced code info string", p -> "```" + p + "\ncode\n```"),
            new Context("table cell", p -> "| a | b |\n|---|---|\n| " + p + " | x |"),
            new Context("emphasis", p -> "*" + p + "* and **" + p + "** and ~~" + p + "~~"),
            new Context("heading", p -> "# " + p),
            new Context("blockquote", p -> "> " + p),
            new Context("list item", p -> "- " + p + "\n1. " + p));

    record Context(String name, UnaryOperator<String> markdown) {
    }

    @Test
    void theCorpusIsLargeAndDistinct() {
        assertThat(PAYLOADS).hasSizeGreaterThanOrEqualTo(500).doesNotHaveDuplicates();
    }

    /** One test a payload; a failure names each context that went wrong, with the Markdown and the HTML. */
    @TestFactory
    Stream<DynamicNode> everyPayloadInEveryMarkdownContextRendersSafely() {
        return tests(payload -> SoftAssertions.assertSoftly(softly -> {
            for (Context context : CONTEXTS) {
                String markdown = context.markdown().apply(payload);
                String html = MARKDOWN.render(markdown);
                softly.assertThat(SafeHtml.problems(html, Set.of(IMAGE_HOST)))
                        .as("%s%nMarkdown: %s%nHTML: %s", context.name(), markdown, html).isEmpty();
            }
        }));
    }

    /** As if the Markdown step had let the payload through as HTML: the sanitiser alone must hold. */
    @TestFactory
    Stream<DynamicNode> everyPayloadAsRawHtmlIsSanitisedSafely() {
        return tests(payload -> {
            String html = MARKDOWN.sanitize(payload);
            assertThat(SafeHtml.problems(html, Set.of(IMAGE_HOST))).as("HTML: %s", html).isEmpty();
        });
    }

    /**
     * Excerpts say what the page says and no more: the same visible text (no markup, no addresses),
     * whatever the payload; cut excerpts are no longer than asked and start like the whole one.
     */
    @TestFactory
    Stream<DynamicNode> excerptsOfEveryPayloadAreTheVisibleText() {
        return tests(payload -> SoftAssertions.assertSoftly(softly -> {
            for (Context context : CONTEXTS) {
                String markdown = context.markdown().apply(payload);
                String visible = SafeHtml.visibleText(MARKDOWN.render(markdown));
                String excerpt = MARKDOWN.excerpt(markdown, Integer.MAX_VALUE);
                softly.assertThat(SafeHtml.withoutWhitespace(excerpt)).as("%s: %s", context.name(), markdown)
                        .isEqualTo(SafeHtml.withoutWhitespace(visible));
                softly.assertThat(excerpt).as(context.name()).doesNotContain("\n", "\r", "\t");
                String cut = MARKDOWN.excerpt(markdown, 40);
                softly.assertThat(cut.length()).as(context.name()).isLessThanOrEqualTo(40);
                softly.assertThat(excerpt).as(context.name())
                        .startsWith(cut.endsWith("…") ? cut.substring(0, cut.length() - 1) : cut);
            }
        }));
    }

    /** The checks can fail: each of these is unsafe and must be reported. */
    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<p onclick=\"alert(1)\">x</p>",
            "<p style=\"color:red\">x</p>",
            "<img src=\"https://img.example.org/a.png\" onerror=\"alert(1)\">",
            "<img src=\"https://evil.example/a.png\">",
            "<img src=\"//img.example.org/a.png\">",
            "<a href=\"javascript:alert(1)\" rel=\"nofollow noopener\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\" rel=\"nofollow noopener\">x</a>",
            "<a href=\" &#14; javascript:alert(1)\" rel=\"nofollow noopener\">x</a>",
            "<a href=\"JaVaScRiPt&colon;alert(1)\" rel=\"nofollow noopener\">x</a>",
            "<a href=\"data:text/html,x\" rel=\"nofollow noopener\">x</a>",
            "<a href=\"//evil.example/\" rel=\"nofollow noopener\">x</a>",
            "<a href=\"/\\evil.example/\" rel=\"nofollow noopener\">x</a>",
            "<a href=\"threads/1\" rel=\"nofollow noopener\">x</a>",
            "<a href=\"https://example.org/\">x</a>",
            "<a href=\"https://example.org/\" rel=\"nofollow\">x</a>",
            "<a href=\"https://example.org/\" rel=\"nofollow noopener\" target=\"_blank\">x</a>",
            "<a rel=\"nofollow noopener\">x</a>",
            "<code class=\"x onmouseover\">x</code>",
            "<svg><a href=\"https://example.org/\" rel=\"nofollow noopener\">x</a></svg>",
            "<div>x</div>",
            "<iframe srcdoc=\"x\"></iframe>",
            "<form><button formaction=\"https://example.org/\">x</button></form>",
            "<!-- x --><p>x</p>",
            "<base href=\"https://evil.example/\">",
            "<math><mi>x</mi></math>",
            "<style>p{}</style>",
    })
    void theChecksRejectUnsafeHtml(String html) {
        assertThat(SafeHtml.problems(html, Set.of(IMAGE_HOST))).isNotEmpty();
    }

    @Test
    void theChecksAcceptSafeHtml() {
        String html = "<h2>t</h2><p><a href=\"https://example.org/\" rel=\"nofollow noopener noreferrer\">x</a> "
                + "<a href=\"/threads/2\" rel=\"nofollow noopener noreferrer\">y</a> "
                + "<a href=\"mailto:a&#64;example.org\" rel=\"nofollow noopener noreferrer\">z</a> "
                + "<img src=\"https://img.example.org/a.png\" alt=\"a\"></p><pre><code class=\"language-java\">x</code></pre>";
        assertThat(SafeHtml.problems(html, Set.of(IMAGE_HOST))).isEmpty();
    }

    static Stream<DynamicNode> tests(Consumer<String> check) {
        return IntStream.range(0, PAYLOADS.size()).mapToObj(i -> DynamicTest.dynamicTest(
                "#" + (i + 1) + " " + SafeHtml.printable(PAYLOADS.get(i), 100), () -> check.accept(PAYLOADS.get(i))));
    }

    /** The corpus, escapes turned into characters, each payload once. */
    static List<String> load() {
        Set<String> payloads = new LinkedHashSet<>();
        try (InputStream in = XssCorpusTest.class.getResourceAsStream("/xss/payloads.txt")) {
            assertThat(in).as("xss/payloads.txt").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.equals("#") || line.startsWith("# ")) {
                    continue;
                }
                payloads.add(unescape(line));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(payloads);
    }

    static String unescape(String line) {
        Matcher m = ESCAPE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = switch (m.group()) {
                case "\\n" -> "\n";
                case "\\t" -> "\t";
                default -> Character.toString(Integer.parseInt(m.group(1), 16));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
