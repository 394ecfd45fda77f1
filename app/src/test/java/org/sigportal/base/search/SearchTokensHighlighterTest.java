package org.sigportal.base.search;

import org.junit.jupiter.api.Test;
import org.sigportal.base.search.Highlighter.Segment;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snippets with marked matches, cut from the original text. */
class SearchTokensHighlighterTest {

    private static List<Segment> highlight(String text, String query, int maxChars) {
        return Highlighter.highlight(text, SearchTokens.query(query), maxChars);
    }

    private static Segment plain(String text) {
        return new Segment(text, false);
    }

    private static Segment mark(String text) {
        return new Segment(text, true);
    }

    private static String joined(List<Segment> segments) {
        return segments.stream().map(Segment::text).collect(Collectors.joining());
    }

    private static List<String> marked(List<Segment> segments) {
        return segments.stream().filter(Segment::highlighted).map(Segment::text).toList();
    }

    @Test
    void marksEnglishWordFormsOnTheOriginalText() {
        assertThat(highlight("Kata Containers and a container runtime", "container", 100)).containsExactly(
                plain("Kata "), mark("Containers"), plain(" and a "), mark("container"), plain(" runtime"));
        assertThat(marked(highlight("We upgraded, then UPGRADING again; upgrades.", "upgrade", 100)))
                .containsExactly("upgraded", "UPGRADING", "upgrades");
    }

    @Test
    void marksOnlyWhatTheQueryFinds() {
        assertThat(marked(highlight("containerd runs containerized containers", "container", 100)))
                .containsExactly("containers");
        assertThat(marked(highlight("kata-containers on kata", "Kata", 100))).containsExactly("kata", "kata");
        assertThat(marked(highlight("kernel 5.10.134-16.al8", "5.10", 100))).containsExactly("5.10");
        assertThat(marked(highlight("How to upgrade the kernel", "how to upgrade the kernel", 100)))
                .containsExactly("upgrade", "kernel");
    }

    @Test
    void marksChineseByCharacters() {
        assertThat(highlight("云原生存储方案", "存储", 100))
                .containsExactly(plain("云原生"), mark("存储"), plain("方案"));
        assertThat(highlight("云原生存储方案", "存储方案", 100)).containsExactly(plain("云原生"), mark("存储方案"));
        assertThat(highlight("存在储备", "存储", 100)).containsExactly(plain("存在储备"));
        assertThat(highlight("存在储备", "储", 100)).containsExactly(plain("存在"), mark("储"), plain("备"));
        assertThat(highlight("机密容器,机密计算", "机密", 100))
                .containsExactly(mark("机密"), plain("容器,"), mark("机密"), plain("计算"));
    }

    @Test
    void marksMixedTextAndKeepsTheOriginalCharacters() {
        assertThat(highlight("LifseaOS 节点升级 after the kernel upgrade", "节点升级 upgrade lifseaos", 100))
                .containsExactly(mark("LifseaOS"), plain(" "), mark("节点升级"), plain(" after the kernel "),
                        mark("upgrade"));
        assertThat(highlight("ＫＡＴＡ　Ｃｏｎｔａｉｎｅｒｓ", "kata container", 100))
                .containsExactly(mark("ＫＡＴＡ"), plain("　"), mark("Ｃｏｎｔａｉｎｅｒｓ"));
        assertThat(highlight("ｶﾞｲﾄﾞを読む", "ガイド", 100)).containsExactly(mark("ｶﾞｲﾄﾞ"), plain("を読む"));
    }

    @Test
    void returnsATextThatFitsWhole() {
        assertThat(highlight("nothing to see", "kata", 100)).containsExactly(plain("nothing to see"));
        assertThat(highlight("nothing to see", "", 100)).containsExactly(plain("nothing to see"));
        assertThat(highlight("", "kata", 100)).isEmpty();
    }

    @Test
    void cutsTheWindowWithMostTermsOutOfALongText() {
        String text = "Kata is mentioned early. " + "Filler text without anything. ".repeat(10)
                + "Here the kata runtime meets 机密容器 in one place. " + "More filler follows here. ".repeat(10);
        List<Segment> snippet = highlight(text, "kata 机密容器", 60);
        assertThat(snippet.getFirst()).isEqualTo(plain(Highlighter.ELLIPSIS));
        assertThat(snippet.getLast()).isEqualTo(plain(Highlighter.ELLIPSIS));
        assertThat(marked(snippet)).containsExactly("kata", "机密容器");
        assertThat(joined(snippet).length()).isLessThanOrEqualTo(60);
        String window = joined(snippet.subList(1, snippet.size() - 1));
        assertThat(text).contains(window);
        assertThat(window).startsWith("Here the");
    }

    @Test
    void startsAtTheBeginningWhenTheMatchIsNearIt() {
        String text = "Containers first. " + "Then a lot of unrelated words follow. ".repeat(10);
        List<Segment> snippet = highlight(text, "container", 40);
        assertThat(snippet.getFirst()).isEqualTo(mark("Containers"));
        assertThat(snippet.getLast()).isEqualTo(plain(Highlighter.ELLIPSIS));
        assertThat(joined(snippet)).isEqualTo("Containers first. Then a lot of" + Highlighter.ELLIPSIS);
    }

    @Test
    void endsAtTheEndWhenTheMatchIsNearIt() {
        String text = "Some words come first. ".repeat(10) + "The end is kata.";
        List<Segment> snippet = highlight(text, "kata", 40);
        assertThat(snippet.getFirst()).isEqualTo(plain(Highlighter.ELLIPSIS));
        assertThat(snippet.getLast()).isEqualTo(plain("."));
        assertThat(marked(snippet)).containsExactly("kata");
        assertThat(joined(snippet)).hasSizeLessThanOrEqualTo(40).endsWith("is kata.");
        assertThat(text).endsWith(joined(snippet).substring(1));
    }

    @Test
    void showsTheStartOfATextWithoutMatches() {
        String text = "Nothing matches in this rather long text about nodes and pods.";
        List<Segment> snippet = highlight(text, "kata", 30);
        assertThat(snippet).containsExactly(plain("Nothing matches in this"), plain(Highlighter.ELLIPSIS));
        assertThat(highlight(text, "", 30)).isEqualTo(snippet);
    }

    @Test
    void cutsChineseWithoutSpaces() {
        String text = "社区会议纪要。".repeat(10) + "本次讨论机密容器的存储方案。" + "其他内容。".repeat(10);
        List<Segment> snippet = highlight(text, "存储方案", 20);
        assertThat(marked(snippet)).containsExactly("存储方案");
        assertThat(joined(snippet)).hasSizeLessThanOrEqualTo(20).startsWith(Highlighter.ELLIPSIS)
                .endsWith(Highlighter.ELLIPSIS);
    }

    @Test
    void clipsAMatchLongerThanTheSnippet() {
        String id = "a".repeat(30) + ".b";
        String text = "x ".repeat(20) + id + " y".repeat(20);
        List<Segment> snippet = highlight(text, id, 12);
        assertThat(joined(snippet)).hasSizeLessThanOrEqualTo(12);
        assertThat(marked(snippet)).singleElement().satisfies(m -> assertThat(id).startsWith(m));
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "😀".repeat(20) + "kata" + "𠮷".repeat(20);
        List<Segment> snippet = highlight(text, "kata", 15);
        String joined = joined(snippet);
        assertThat(joined.length()).isLessThanOrEqualTo(15);
        assertThat(joined.codePoints().filter(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)).isEmpty();
        assertThat(marked(snippet)).containsExactly("kata");
    }

    @Test
    void refusesATinyBudget() {
        assertThatThrownBy(() -> highlight("text", "text", Highlighter.MIN_CHARS - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
