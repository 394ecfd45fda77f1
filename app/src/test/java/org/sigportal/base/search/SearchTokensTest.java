package org.sigportal.base.search;

import org.junit.jupiter.api.Test;
import org.sigportal.base.search.SearchQuery.Term;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Indexing and queries in Chinese and English; a match is "every token of the query is among the text's tokens". */
class SearchTokensTest {

    private static boolean finds(String query, String text) {
        return SearchTokens.query(query).matches(SearchTokens.index(text));
    }

    @Test
    void indexesCjkAsBigramsAndSingleCharacters() {
        assertThat(SearchTokens.index("存储方案")).isEqualTo(" 存 存储 储 储方 方 方案 案 ");
        assertThat(SearchTokens.index("机密")).isEqualTo(" 机 机密 密 ");
        assertThat(SearchTokens.index("云")).isEqualTo(" 云 ");
    }

    @Test
    void indexWrapsTokensInSpaces() {
        assertThat(SearchTokens.index("")).isEqualTo(" ");
        assertThat(SearchTokens.index(" ... && !! ")).isEqualTo(" ");
        assertThat(SearchTokens.index("Kata")).isEqualTo(" kata ");
        assertThat(SearchTokens.index("Containers, running!")).isEqualTo(" containers container running run ");
    }

    @Test
    void findsChineseTermsByTheirBigrams() {
        assertThat(finds("存储", "云原生存储方案")).isTrue();
        assertThat(finds("机密", "机密容器")).isTrue();
        assertThat(finds("存储方案", "云原生存储方案")).isTrue();
        assertThat(finds("云原生 存储", "一个云原生的存储方案")).isTrue();
        // 存在储备 has the bigrams 存在 在储 储备, not 存储.
        assertThat(finds("存储", "存在储备")).isFalse();
        assertThat(finds("存在", "存在储备")).isTrue();
        // A single character finds it anywhere.
        assertThat(finds("储", "存在储备")).isTrue();
        assertThat(finds("存储方案", "存储的方案")).isFalse();
        assertThat(finds("机密", "秘密容器")).isFalse();
    }

    @Test
    void chineseQueriesNeedTheBigramsOfEachTerm() {
        assertThat(SearchTokens.query("存储方案").terms())
                .containsExactly(new Term("存储方案", List.of("存储", "储方", "方案")));
        assertThat(SearchTokens.query("机密 容器").tokens()).containsExactly("机密", "容器");
        assertThat(SearchTokens.query("云").tokens()).containsExactly("云");
        assertThat(SearchTokens.query("「机密」、容器。").tokens()).containsExactly("机密", "容器");
    }

    @Test
    void findsEnglishWordForms() {
        assertThat(finds("container", "Containers are everywhere")).isTrue();
        assertThat(finds("containers", "a container")).isTrue();
        assertThat(finds("upgrade", "upgrading the nodes")).isTrue();
        assertThat(finds("upgrading", "We upgraded.")).isTrue();
        assertThat(finds("Upgrades", "UPGRADE NOW")).isTrue();
        assertThat(finds("policy", "network policies")).isTrue();
        assertThat(finds("images", "image pull")).isTrue();
        assertThat(finds("deployment", "deploying twice")).isTrue();
        assertThat(finds("running", "runs")).isTrue();
    }

    @Test
    void keepsEnglishWordsThatOnlyLookAlikeApart() {
        // Decided: a container is not containerd, nor "containerized", which finds its own forms.
        assertThat(finds("container", "containerd 2.0")).isFalse();
        assertThat(finds("container", "containerized workloads")).isFalse();
        assertThat(finds("containerized", "containerizing a workload")).isTrue();
        assertThat(finds("apply", "apps")).isFalse();
    }

    @Test
    void findsPartsOfCompoundsAndKeepsIdentifiersWhole() {
        assertThat(SearchTokens.index("kata-containers")).isEqualTo(" kata-containers kata containers container ");
        assertThat(SearchTokens.index("v1.20")).isEqualTo(" v1.20 v1 20 ");
        assertThat(SearchTokens.index("5.10.134")).isEqualTo(" 5.10.134 5.10 10.134 5 10 134 ");
        assertThat(finds("Kata", "kata-containers 3.2")).isTrue();
        assertThat(finds("kata-containers", "Kata Containers")).isTrue();
        assertThat(finds("kata containers", "kata-containers")).isTrue();
        assertThat(finds("containerd", "containerd://1.7.2")).isTrue();
        assertThat(finds("k8s", "k8s.io/api")).isTrue();
        assertThat(finds("k8s.io", "import k8s.io/api/core/v1")).isTrue();
        assertThat(finds("5.10", "kernel 5.10.134-16.al8")).isTrue();
        assertThat(finds("5.10.134", "kernel 5.10.134-16.al8")).isTrue();
        assertThat(finds("5.10.13", "kernel 5.10.134")).isFalse();
        assertThat(finds("v1.20", "upgrade to v1.20.4")).isTrue();
        assertThat(finds("v1.20", "v1.2 with 20 nodes")).isFalse();
        assertThat(finds("cgroup_v2", "cgroup v2 only")).isTrue();
        assertThat(finds("cgroup v2", "cgroup_v2=true")).isTrue();
        assertThat(finds("node.js", "Node.js 22")).isTrue();
        assertThat(finds("max-pods", "--max-pods=110")).isTrue();
        assertThat(finds("110", "--max-pods=110")).isTrue();
    }

    @Test
    void codeIshPunctuationDoesNotBreakWords() {
        assertThat(SearchTokens.index("foo(bar[0]) {x: 'y'}; a->b && c||d <e/>"))
                .isEqualTo(" foo bar 0 x y a b c d e ");
        assertThat(SearchTokens.index("node's don't")).isEqualTo(" node nod dont ");
        assertThat(finds("kubernetes", "Kubernetes's scheduler")).isTrue();
        assertThat(finds("don't", "dont")).isTrue();
    }

    @Test
    void findsMixedChineseAndEnglish() {
        String text = "LifseaOS 节点升级 after the kernel upgrade";
        assertThat(finds("节点升级", text)).isTrue();
        assertThat(finds("升级", text)).isTrue();
        assertThat(finds("lifseaos", text)).isTrue();
        assertThat(finds("LifseaOS kernel", text)).isTrue();
        assertThat(finds("upgrading 节点", text)).isTrue();
        assertThat(finds("内核 upgrade", text)).isFalse();
        assertThat(finds("节点 containerd", text)).isFalse();
        assertThat(finds("k8s集群", "在k8s集群中")).isTrue();
        assertThat(SearchTokens.index("k8s集群")).isEqualTo(" k8s 集 集群 群 ");
    }

    @Test
    void foldsFullWidthAndCompatibilityForms() {
        assertThat(SearchTokens.index("ＫＡＴＡ　１．２０")).isEqualTo(" kata 1.20 1 20 ");
        assertThat(finds("kata 1.20", "ＫＡＴＡ　１．２０")).isTrue();
        assertThat(finds("ＫＡＴＡ", "kata")).isTrue();
        assertThat(finds("file", "ﬁle")).isTrue();
        assertThat(finds("ガイド", "ｶﾞｲﾄﾞ")).isTrue();
        assertThat(finds("οδος", "ΟΔΟΣ")).isTrue();
        assertThat(finds("non‑root", "non-root")).isTrue();
    }

    @Test
    void treatsOperatorsAsSeparators() {
        SearchQuery q = SearchTokens.query("kata & gvisor | !runc:* (seccomp) -root +x");
        assertThat(q.tokens()).containsExactly("kata", "gvisor", "runc", "seccomp", "root", "x");
        assertThat(SearchTokens.query("& | ! : * ( ) ' \" \\ %").isEmpty()).isTrue();
        assertThat(SearchTokens.query("").isEmpty()).isTrue();
    }

    @Test
    void makesASafeTsQuery() {
        assertThat(SearchTokens.query("kata & gvisor | !runc:* \"o'brien\" \\x 'y' 存储").toPostgresTsQuery())
                .isEqualTo("'kata' & 'gvisor' & 'runc' & 'obrien' & 'x' & 'y' & '存储'");
        assertThat(SearchTokens.query("'); drop table post; --").toPostgresTsQuery())
                .isEqualTo("'drop' & 'tabl' & 'post'");
        // Tokens are letters, digits and . _ - only, but whatever a token holds is quoted.
        SearchQuery handMade = new SearchQuery(List.of(new Term("x", List.of("it's", "a\\b", "c|d:*", "!e"))));
        assertThat(handMade.toPostgresTsQuery()).isEqualTo("'it''s' & 'a\\\\b' & 'c|d:*' & '!e'");
        assertThat(SearchQuery.empty().toPostgresTsQuery()).isEmpty();
    }

    @Test
    void makesEscapedLikePatterns() {
        assertThat(SearchTokens.query("Kata 存储方案").likePatterns())
                .containsExactly("% kata %", "% 存储 %", "% 储方 %", "% 方案 %");
        SearchQuery handMade = new SearchQuery(List.of(new Term("x", List.of("cgroup_v2", "100%", "a\\b"))));
        assertThat(handMade.likePatterns()).containsExactly("% cgroup\\_v2 %", "% 100\\% %", "% a\\\\b %");
        assertThat(SearchQuery.empty().likePatterns()).isEmpty();
    }

    @Test
    void rejectsTokensThatWouldBreakTheStoredFormat() {
        assertThatThrownBy(() -> new Term("x", List.of("a b"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Term("x", List.of(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Term("x", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treatsAQuotedPhraseAsOneTermNeedingAllItsTokens() {
        SearchQuery q = SearchTokens.query("\"Kata Containers\" “机密 容器” runtime");
        assertThat(q.terms()).containsExactly(
                new Term("kata containers", List.of("kata", "container")),
                new Term("机密 容器", List.of("机密", "容器")),
                new Term("runtime", List.of("runtim")));
        assertThat(SearchTokens.query("\"unclosed phrase").terms())
                .containsExactly(new Term("unclosed phrase", List.of("unclos", "phras")));
    }

    @Test
    void leavesOutCommonEnglishWordsUnlessThereIsNothingElse() {
        assertThat(SearchTokens.query("How to upgrade the kernel?").tokens()).containsExactly("upgrad", "kernel");
        assertThat(SearchTokens.query("the").tokens()).containsExactly("the");
        assertThat(finds("how to upgrade the kernel", "Kernel upgrade guide")).isTrue();
    }

    @Test
    void capsTermsTokensAndLengths() {
        assertThat(SearchTokens.query("one two three four five six seven eight nine ten").terms())
                .extracting(Term::text).containsExactly("one", "two", "three", "four", "five", "six", "seven", "eight");
        String longRun = "云原生存储方案机密容器节点升级内核版本社区会议需求投票";
        assertThat(SearchTokens.query(longRun).tokens()).hasSize(SearchTokens.MAX_CJK_TERM_CHARS - 1)
                .startsWith("云原").endsWith("级内");
        assertThat(SearchTokens.query("节点升级内核版本 存储方案机密容器 云原生社区会议 需求投票结果 升级指南文档").tokens())
                .hasSizeLessThanOrEqualTo(SearchTokens.MAX_QUERY_TOKENS);
        String longWord = "a".repeat(200);
        assertThat(SearchTokens.query(longWord).tokens()).containsExactly("a".repeat(TextScanner.MAX_TOKEN_LENGTH));
        assertThat(finds(longWord, longWord + " end")).isTrue();
        assertThat(SearchTokens.query("x ".repeat(1000) + "late").tokens()).containsExactly("x");
    }

    @Test
    void dropsRepeatedTerms() {
        assertThat(SearchTokens.query("upgrade upgrading 存储 存储方案 存储").terms()).extracting(Term::text)
                .containsExactly("upgrade", "存储", "存储方案");
    }

    @Test
    void matchesNothingForAnEmptyQuery() {
        assertThat(SearchQuery.empty().matches(SearchTokens.index("anything"))).isFalse();
        assertThat(SearchTokens.query("!!!").matches(" ")).isFalse();
    }

    @Test
    void indexesOnlyTheStartOfAHugeText() {
        String huge = "kata ".repeat(SearchTokens.MAX_INDEXED_CHARS / 5) + "gvisor";
        assertThat(finds("kata", huge)).isTrue();
        assertThat(finds("gvisor", huge)).isFalse();
    }

    @Test
    void scoresMoreOccurrencesHigherWithDiminishingReturns() {
        SearchQuery q = SearchTokens.query("kata 存储");
        String once = SearchTokens.index("kata 存储");
        String often = SearchTokens.index("kata kata kata 存储 存储");
        String partly = SearchTokens.index("kata kata kata kata");
        assertThat(SearchTokens.score(once, q)).isEqualTo(2.0);
        assertThat(SearchTokens.score(often, q)).isGreaterThan(SearchTokens.score(once, q)).isLessThan(5.0);
        // Only the terms present count (callers rank matches, which have all of them).
        assertThat(SearchTokens.score(partly, q)).isEqualTo(1 + Math.log(4));
        assertThat(SearchTokens.score(SearchTokens.index("nothing here"), q)).isZero();
        assertThat(SearchTokens.score(once, SearchQuery.empty())).isZero();
    }

    @Test
    void weighsEveryTermAlikeHoweverManyBigramsItHas() {
        SearchQuery q = SearchTokens.query("云原生存储方案 kata");
        assertThat(SearchTokens.score(SearchTokens.index("云原生存储方案"), q))
                .isEqualTo(SearchTokens.score(SearchTokens.index("kata"), q));
    }

    @Test
    void scoresATitleMatchAboveMoreMentionsInTheBody() {
        SearchQuery q = SearchTokens.query("机密容器");
        double inTitle = SearchTokens.score(SearchTokens.index("机密容器指南"), SearchTokens.index("介绍机密容器"), q);
        double inBody = SearchTokens.score(SearchTokens.index("指南"), SearchTokens.index("机密容器 机密容器 机密容器"), q);
        assertThat(inTitle).isGreaterThan(inBody);
        assertThat(SearchTokens.score("", SearchTokens.index("机密容器"), q))
                .isEqualTo(SearchTokens.score(SearchTokens.index("机密容器"), q));
    }

    @Test
    void everyStoredTokenIsASingleWordWithoutWhiteSpace() {
        String stored = SearchTokens.index("LifseaOS 节点升级 after the kernel upgrade (5.10.134-16.al8), cgroup_v2!");
        assertThat(stored).startsWith(" ").endsWith(" ").doesNotContain("  ");
        assertThat(Arrays.stream(stored.strip().split(" ")))
                .allMatch(t -> t.matches("[\\p{L}\\p{N}\\p{M}._-]+"));
    }
}
