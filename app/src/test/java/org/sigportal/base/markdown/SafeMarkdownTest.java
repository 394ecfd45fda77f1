package org.sigportal.base.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sigportal.base.PortalException;
import org.sigportal.base.i18n.PortalI18NProvider;
import org.sigportal.base.i18n.SupportedLocales;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeMarkdownTest {

    private static final SafeMarkdown DEFAULTS = new SafeMarkdown(MarkdownProperties.defaults());
    private static final SafeMarkdown WITH_IMAGES = new SafeMarkdown(
            new MarkdownProperties(null, List.of("img.example.org", "*.cdn.example.net")));

    private static Document html(String markdown) {
        return html(DEFAULTS, markdown);
    }

    private static Document html(SafeMarkdown markdown, String text) {
        String rendered = markdown.render(text);
        assertThat(SafeHtml.problems(rendered, Set.of("img.example.org", "a.cdn.example.net"))).as(rendered).isEmpty();
        return Jsoup.parseBodyFragment(rendered);
    }

    @Nested
    class OrdinaryMarkdown {

        @Test
        void headingsEmphasisAndStrikethrough() {
            Document doc = html("# Title\n\n## Part\n\nSome *em*, **strong** and ~~gone~~ text.");
            assertThat(doc.select("h1").text()).isEqualTo("Title");
            assertThat(doc.select("h2").text()).isEqualTo("Part");
            assertThat(doc.select("p em").text()).isEqualTo("em");
            assertThat(doc.select("p strong").text()).isEqualTo("strong");
            assertThat(doc.select("p del").text()).isEqualTo("gone");
        }

        @Test
        void lists() {
            Document doc = html("- a\n- b\n\n3. c\n4. d");
            assertThat(doc.select("ul > li").eachText()).containsExactly("a", "b");
            assertThat(doc.select("ol > li").eachText()).containsExactly("c", "d");
            assertThat(doc.select("ol").attr("start")).isEqualTo("3");
        }

        @Test
        void codeBlocksKeepTheirLanguageAsClass() {
            Document doc = html("```java\nif (a < b) {}\n```\n\nand `x<y` inline");
            Element code = doc.selectFirst("pre > code");
            assertThat(code).isNotNull();
            assertThat(code.className()).isEqualTo("language-java");
            assertThat(code.text()).isEqualTo("if (a < b) {}");
            assertThat(doc.select("p > code").text()).isEqualTo("x<y");
        }

        @Test
        void aLanguageThatIsNoWordGivesNoClass() {
            Document doc = html("```\"><script>alert(1)</script>\nx\n```");
            assertThat(doc.select("pre > code").hasAttr("class")).isFalse();
            assertThat(doc.select("script")).isEmpty();
        }

        @Test
        void tablesWithAlignment() {
            Document doc = html("| Name | Count |\n|:-----|------:|\n| a | 1 |\n| b | 2 |");
            assertThat(doc.select("thead th").eachText()).containsExactly("Name", "Count");
            assertThat(doc.select("tbody tr")).hasSize(2);
            assertThat(doc.select("th").eachAttr("align")).containsExactly("left", "right");
        }

        @Test
        void blockquotesRulesAndLineBreaks() {
            Document doc = html("> quoted\n\n---\n\nline one  \nline two");
            assertThat(doc.select("blockquote p").text()).isEqualTo("quoted");
            assertThat(doc.select("hr")).hasSize(1);
            assertThat(doc.select("p br")).hasSize(1);
        }
    }

    @Nested
    class Links {

        @Test
        void webLinksGetNofollowNoopenerAndNoTarget() {
            Element a = html("[SIG](https://example.org/sig?a=1&b=2)").selectFirst("a");
            assertThat(a).isNotNull();
            assertThat(a.attr("href")).isEqualTo("https://example.org/sig?a=1&b=2");
            assertThat(a.attr("rel").split(" ")).contains("nofollow", "noopener", "noreferrer");
            assertThat(a.hasAttr("target")).isFalse();
            assertThat(a.text()).isEqualTo("SIG");
        }

        @Test
        void mailtoAndPortalPathsAreAllowed() {
            Document doc = html("[mail](mailto:sig@example.org) and [thread](/threads/12)");
            assertThat(doc.select("a").eachAttr("href")).containsExactly("mailto:sig@example.org", "/threads/12");
        }

        @ParameterizedTest
        @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)",
                "javascript&colon;alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)",
                "file:///etc/passwd", "//evil.example/x", "/\\evil.example", "#top", "threads/1", "?q=1",
                "<java\tscript:alert(1)>"})
        void otherAddressesLoseTheirLinkButKeepTheText(String address) {
            Document doc = html("[click me](" + address + ")");
            assertThat(doc.select("a")).isEmpty();
            assertThat(doc.text()).isEqualTo("click me");
        }

        @Test
        void autolinksBareUrlsAndEmailAddresses() {
            Document doc = html("<https://example.org/a> https://example.org/b www.example.org sig@example.org");
            assertThat(doc.select("a").eachAttr("href")).containsExactly("https://example.org/a",
                    "https://example.org/b", "http://www.example.org", "mailto:sig@example.org");
            assertThat(doc.select("a").eachAttr("rel")).allMatch(rel -> rel.contains("nofollow") && rel.contains("noopener"));
        }

        @Test
        void addressesArePercentEncoded() {
            assertThat(html("[x](<https://example.org/a b\"c>)").select("a").attr("href"))
                    .isEqualTo("https://example.org/a%20b%22c");
        }

        @Test
        void referenceLinksFollowTheSameRules() {
            Document doc = html("[good][1] and [bad][2]\n\n[1]: https://example.org/\n[2]: javascript:alert(1)");
            assertThat(doc.select("a").eachAttr("href")).containsExactly("https://example.org/");
            assertThat(doc.text()).isEqualTo("good and bad");
        }
    }

    @Nested
    class RawHtml {

        @Test
        void blocksShowAsText() {
            Document doc = html("<script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div>");
            assertThat(doc.select("script, div")).isEmpty();
            assertThat(doc.text()).isEqualTo("<script>alert(1)</script> <div onclick=\"x()\">hi</div>");
        }

        @Test
        void inlineTagsShowAsText() {
            Document doc = html("a <img src=x onerror=alert(1)> b <b>bold</b>");
            assertThat(doc.select("img, b")).isEmpty();
            assertThat(doc.text()).isEqualTo("a <img src=x onerror=alert(1)> b <b>bold</b>");
        }

        @Test
        void theSanitiserAloneDropsWhatIsNotAllowed() {
            String html = DEFAULTS.sanitize("<p style=\"x\" onclick=\"y\">a<script>b</script><a href=\"javascript:c\">d</a>"
                    + "<a title=\"t\">e</a><a href=\"https://example.org/\" target=\"_blank\">f</a><img src=\"https://img.example.org/a.png\"></p>");
            Document doc = Jsoup.parseBodyFragment(html);
            assertThat(doc.text()).isEqualTo("adef");
            assertThat(doc.select("p")).hasSize(1);
            assertThat(doc.select("p").first().attributes()).isEmpty();
            assertThat(doc.select("script, img")).isEmpty();
            Element a = doc.selectFirst("a");
            assertThat(doc.select("a")).hasSize(1);
            assertThat(a.attr("href")).isEqualTo("https://example.org/");
            assertThat(a.hasAttr("target")).isFalse();
            assertThat(a.attr("rel").split(" ")).containsExactlyInAnyOrder("nofollow", "noopener", "noreferrer");
        }
    }

    @Nested
    class Images {

        @Test
        void withoutImageHostsAnImageBecomesALinkToItsAddress() {
            Document doc = html("![diagram](https://img.example.org/d.png \"The diagram\")");
            assertThat(doc.select("img")).isEmpty();
            Element a = doc.selectFirst("a");
            assertThat(a).isNotNull();
            assertThat(a.attr("href")).isEqualTo("https://img.example.org/d.png");
            assertThat(a.attr("title")).isEqualTo("The diagram");
            assertThat(a.text()).isEqualTo("diagram");
        }

        @Test
        void imagesFromAllowedHostsAreShown() {
            Document doc = html(WITH_IMAGES, "![a](https://img.example.org/a.png) ![b](https://a.cdn.example.net/b.png)");
            assertThat(doc.select("img").eachAttr("src"))
                    .containsExactly("https://img.example.org/a.png", "https://a.cdn.example.net/b.png");
            assertThat(doc.select("img").eachAttr("alt")).containsExactly("a", "b");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://evil.example/a.png", "https://img.example.org.evil.example/a.png",
                "https://img.example.org@evil.example/a.png", "https://user@img.example.org/a.png",
                "https://cdn.example.net/a.png", "https://evilcdn.example.net/a.png", "//img.example.org/a.png",
                "/uploads/a.png", "ftp://img.example.org/a.png"})
        void imagesFromOtherHostsAreNotShown(String source) {
            Document doc = html(WITH_IMAGES, "![alt](" + source + ")");
            assertThat(doc.select("img")).isEmpty();
            assertThat(doc.text()).isEqualTo("alt");
        }

        @Test
        void anImageThatIsNoLinkEitherLeavesItsAltText() {
            Document doc = html(WITH_IMAGES, "![alt](javascript:alert(1)) ![pic](data:image/png;base64,iVBORw0KGgo=)");
            assertThat(doc.select("img, a")).isEmpty();
            assertThat(doc.text()).isEqualTo("alt pic");
        }

        @Test
        void anImageInsideALinkNeverMakesANestedLink() {
            Document doc = html("[![logo](https://evil.example/logo.png)](https://example.org/)");
            assertThat(doc.select("a")).hasSize(1);
            assertThat(doc.select("a a")).isEmpty();
            assertThat(doc.select("a").text()).isEqualTo("logo");
        }
    }

    @Nested
    class Limits {

        private final SafeMarkdown small = new SafeMarkdown(new MarkdownProperties(DataSize.ofBytes(30), List.of()));

        @Test
        void theDefaultLimitIs64KB() {
            String max = "a".repeat(64 * 1024);
            assertThat(DEFAULTS.render(max)).startsWith("<p>aaa");
            assertThatThrownBy(() -> DEFAULTS.render(max + "a")).isInstanceOf(PortalException.class);
        }

        @Test
        void theLimitCountsUtf8Bytes() {
            small.requireWithinLimit("一二三四五六七八九十");
            assertThatThrownBy(() -> small.render("一二三四五六七八九十一"))
                    .isInstanceOfSatisfying(PortalException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo(SafeMarkdown.TOO_LARGE);
                        assertThat(e.arguments()).containsExactly(1L);
                    });
            assertThatThrownBy(() -> small.excerpt("😀".repeat(8), 10)).isInstanceOf(PortalException.class);
            assertThat(small.excerpt("😀".repeat(7), 20)).isEqualTo("😀".repeat(7));
        }

        @Test
        void theRefusalReadsWellInBothLanguages() {
            assertThat(PortalI18NProvider.translate(SafeMarkdown.TOO_LARGE, Locale.ENGLISH, 64L)).contains("64 KB");
            assertThat(PortalI18NProvider.translate(SafeMarkdown.TOO_LARGE, SupportedLocales.CHINESE, 64L)).contains("64 KB");
        }

        @Test
        void deepNestingNeitherOverflowsNorTakesLong() {
            for (String deep : List.of(">".repeat(60_000), "[".repeat(30_000) + "](/a)".repeat(6_000),
                    "*a ".repeat(10_000) + " a*".repeat(10_000), "> - ".repeat(15_000), "![".repeat(30_000))) {
                long start = System.nanoTime();
                String rendered = DEFAULTS.render(deep);
                assertThat(SafeHtml.problems(rendered, Set.of())).isEmpty();
                DEFAULTS.excerpt(deep, 100);
                assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5_000);
            }
        }

        @Test
        void propertiesBindAsWrittenInApplicationProperties() {
            MarkdownProperties bound = bind(Map.of("portal.markdown.max-size", "16KB",
                    "portal.markdown.image-hosts", "img.example.org, *.cdn.example.net"));
            assertThat(bound.maxSize()).isEqualTo(DataSize.ofKilobytes(16));
            assertThat(bound.imageHosts()).containsExactly("img.example.org", "*.cdn.example.net");
            MarkdownProperties empty = bind(Map.of("portal.markdown.max-size", "64KB", "portal.markdown.image-hosts", ""));
            assertThat(empty.imageHosts()).isEmpty();
        }

        private static MarkdownProperties bind(Map<String, String> properties) {
            return new Binder(new MapConfigurationPropertySource(properties))
                    .bind("portal.markdown", MarkdownProperties.class).get();
        }

        @Test
        void propertiesHaveDefaultsAndTidyHostNames() {
            MarkdownProperties defaults = MarkdownProperties.defaults();
            assertThat(defaults.maxSize()).isEqualTo(DataSize.ofKilobytes(64));
            assertThat(defaults.imageHosts()).isEmpty();
            assertThat(new MarkdownProperties(null, List.of(" Img.Example.ORG ", "", "img.example.org")).imageHosts())
                    .containsExactly("img.example.org");
            assertThatThrownBy(() -> new MarkdownProperties(DataSize.ofBytes(0), null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Excerpts {

        @Test
        void plainTextWithoutMarkdown() {
            assertThat(DEFAULTS.excerpt("**bold** and _em_ and `code` and ~~del~~", 100)).isEqualTo("bold and em and code and del");
            assertThat(DEFAULTS.excerpt("# Title\n\nFirst paragraph\nsecond line.\n\n- one\n- two", 100))
                    .isEqualTo("Title First paragraph second line. one two");
            assertThat(DEFAULTS.excerpt("See [the docs](https://example.org/docs) and <https://example.org/x>", 100))
                    .isEqualTo("See the docs and https://example.org/x");
            assertThat(DEFAULTS.excerpt("| a | b |\n|---|---|\n| 1 | 2 |", 100)).isEqualTo("a b 1 2");
            assertThat(DEFAULTS.excerpt("![a diagram](https://img.example.org/d.png)", 100)).isEqualTo("a diagram");
        }

        @Test
        void rawHtmlStaysTextAsOnThePage() {
            assertThat(DEFAULTS.excerpt("Use <b>tags</b> carefully", 100)).isEqualTo("Use <b>tags</b> carefully");
        }

        @Test
        void longTextsAreCutBetweenWordsWithAnEllipsis() {
            String excerpt = DEFAULTS.excerpt("The quick brown fox jumps over the lazy dog", 20);
            assertThat(excerpt).isEqualTo("The quick brown fox…").hasSizeLessThanOrEqualTo(20);
            assertThat(DEFAULTS.excerpt("云原生技术小组讨论容器运行时的未来发展方向", 10)).isEqualTo("云原生技术小组讨论…");
            assertThat(DEFAULTS.excerpt("short", 5)).isEqualTo("short");
        }

        @Test
        void surrogatePairsAreNeverSplit() {
            String excerpt = DEFAULTS.excerpt("ab😀😀😀", 4);
            assertThat(excerpt).isEqualTo("ab…");
            assertThat(excerpt.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
        }

        @Test
        void controlCharactersGo() {
            assertThat(DEFAULTS.excerpt("a\u0000b\u0007c\td\uFFFEe", 100)).isEqualTo("a\uFFFDbc de");
        }

        @Test
        void aMaximumBelowOneIsAMistake() {
            assertThatThrownBy(() -> DEFAULTS.excerpt("x", 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class PostProcessors {

        /** Turns @name into a link to the member's page, as a mentions feature would. */
        private static final PostProcessor MENTIONS = node -> {
            List<Text> texts = new ArrayList<>();
            node.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    texts.add(text);
                }
            });
            Pattern mention = Pattern.compile("@([a-z0-9]+)");
            for (Text text : texts) {
                Matcher m = mention.matcher(text.getLiteral());
                if (m.find()) {
                    Link link = new Link("/members/" + m.group(1), null);
                    link.appendChild(new Text(m.group()));
                    text.insertBefore(new Text(text.getLiteral().substring(0, m.start())));
                    text.insertBefore(link);
                    text.setLiteral(text.getLiteral().substring(m.end()));
                }
            }
            return node;
        };

        @Test
        void callersCanAddLinksToTheTree() {
            SafeMarkdown withMentions = DEFAULTS.withPostProcessors(MENTIONS);
            Element a = html(withMentions, "Thanks @lina for the review").selectFirst("a");
            assertThat(a).isNotNull();
            assertThat(a.attr("href")).isEqualTo("/members/lina");
            assertThat(a.attr("rel")).contains("nofollow");
            assertThat(withMentions.excerpt("Thanks @lina for the review", 100)).isEqualTo("Thanks @lina for the review");
            assertThat(DEFAULTS.render("Thanks @lina")).doesNotContain("<a");
        }

        @Test
        void whatTheyAddIsHeldToTheSameRules() {
            PostProcessor careless = node -> {
                Link link = new Link("javascript:alert(1)", null);
                link.appendChild(new Text("click"));
                node.getFirstChild().appendChild(link);
                node.getFirstChild().appendChild(new HtmlInline());
                ((HtmlInline) node.getFirstChild().getLastChild()).setLiteral("<script>alert(2)</script>");
                return node;
            };
            Document doc = html(DEFAULTS.withPostProcessors(careless), "Hello");
            assertThat(doc.select("a, script")).isEmpty();
            assertThat(doc.text()).isEqualTo("Helloclick<script>alert(2)</script>");
        }

        @Test
        void theyRunInOrder() {
            List<String> order = new ArrayList<>();
            PostProcessor first = node -> {
                order.add("first");
                return node;
            };
            PostProcessor second = node -> {
                order.add("second");
                return node;
            };
            new SafeMarkdown(MarkdownProperties.defaults(), List.of(first)).withPostProcessors(second).render("x");
            assertThat(order).containsExactly("first", "second");
        }
    }
}
