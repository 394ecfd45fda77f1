package org.sigportal.base.search;

import org.junit.jupiter.api.Test;
import org.sigportal.base.search.Highlighter.Segment;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random text in, no exceptions out, and the invariants hold: stored tokens are well-formed, a text is found
 * by any query cut from it, query strings stay safe, and snippets are the original characters in order within
 * their budget.
 */
class SearchTokensPropertiesTest {

    private static final int RUNS = 3_000;

    /** Characters that stress the tokenizer: scripts, widths, marks, surrogates, operators, white space. */
    private static final String[] ALPHABET = {
            "a", "e", "s", "K", "Z", "0", "7", " ", " ", " ", "\n", "\t", ".", "-", "_", "'", "\"", "&", "|", "!",
            ":", "*", "(", ")", "\\", "%", "/", "<", ">", "#", "=", ",", ";",
            "存", "储", "方", "案", "机", "密", "容", "器", "节", "点", "升", "级",
            "コ", "ン", "テ", "ナ", "ー", "ｶ", "ﾞ", "を", "컨", "테", "ㄅ",
            "Ａ", "１", "．", "　", "“", "”", "＂", "ﬁ", "①", "İ", "Σ", "ς", "é", "\u0301", "\u3099", "\u2010",
            "\u2011", "\u2019", "\u00A0", "\u200D", "😀", "𠮷", "\uD800", "\uDC00", "ing", "ed", "ies", "ment",
    };

    private static String randomText(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    private static String joined(List<Segment> segments) {
        return segments.stream().map(Segment::text).collect(Collectors.joining());
    }

    @Test
    void storedTokensAreWellFormed() {
        Random random = new Random(20260101);
        for (int i = 0; i < RUNS; i++) {
            String text = randomText(random, 120);
            String stored = SearchTokens.index(text);
            assertThat(stored).as("%s", text).startsWith(" ").endsWith(" ").doesNotContain("  ");
            for (String token : stored.strip().split(" ")) {
                if (!stored.isBlank()) {
                    assertThat(token).as("%s in %s", token, text).matches("[\\p{L}\\p{N}\\p{M}._-]+")
                            .doesNotStartWith(".").doesNotEndWith("-");
                    assertThat(token.codePointCount(0, token.length())).isLessThanOrEqualTo(TextScanner.MAX_TOKEN_LENGTH);
                }
            }
        }
    }

    @Test
    void aTextIsFoundByItselfAndByAnyPieceOfIt() {
        Random random = new Random(42);
        for (int i = 0; i < RUNS; i++) {
            String text = randomText(random, 80);
            String stored = SearchTokens.index(text);
            SearchQuery whole = SearchTokens.query(text);
            assertThat(whole.isEmpty() || whole.matches(stored)).as("%s", text).isTrue();
            int from = random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() - from + 1);
            // Cut at white space so that no word is cut in half (half a word is another word).
            String piece = text.substring(from, to);
            int first = piece.indexOf(' ');
            int last = piece.lastIndexOf(' ');
            if (first >= 0 && last > first) {
                SearchQuery q = SearchTokens.query(piece.substring(first, last));
                assertThat(q.isEmpty() || q.matches(stored)).as("'%s' in '%s'", piece, text).isTrue();
            }
        }
    }

    @Test
    void queriesStaySafeAndSmall() {
        Random random = new Random(7);
        for (int i = 0; i < RUNS; i++) {
            String input = randomText(random, 400);
            SearchQuery q = SearchTokens.query(input);
            assertThat(q.terms()).hasSizeLessThanOrEqualTo(SearchTokens.MAX_TERMS);
            assertThat(q.tokens()).hasSizeLessThanOrEqualTo(SearchTokens.MAX_QUERY_TOKENS)
                    .allMatch(t -> t.matches("[\\p{L}\\p{N}\\p{M}._-]+"));
            if (q.isEmpty()) {
                assertThat(q.toPostgresTsQuery()).isEmpty();
            } else {
                assertThat(q.toPostgresTsQuery()).as("%s", input)
                        .matches("'[\\p{L}\\p{N}\\p{M}._-]+'( & '[\\p{L}\\p{N}\\p{M}._-]+')*");
            }
            assertThat(q.likePatterns()).allMatch(p -> p.matches("% ([\\p{L}\\p{N}\\p{M}.-]|\\\\_)+ %"));
        }
    }

    @Test
    void snippetsAreTheOriginalTextInOrderWithinTheirBudget() {
        Random random = new Random(99);
        for (int i = 0; i < RUNS; i++) {
            String text = randomText(random, 300);
            String query = randomText(random, 12);
            int maxChars = Highlighter.MIN_CHARS + random.nextInt(120);
            List<Segment> segments = Highlighter.highlight(text, SearchTokens.query(query), maxChars);
            String joined = joined(segments);
            String context = "'" + query + "' in '" + text + "' at " + maxChars;
            assertThat(joined.length()).as(context).isLessThanOrEqualTo(maxChars);
            assertThat(segments).as(context).allMatch(s -> !s.text().isEmpty());
            for (int s = 1; s < segments.size(); s++) {
                assertThat(segments.get(s - 1).highlighted() && segments.get(s).highlighted()).as(context).isFalse();
            }
            boolean cutStart = joined.startsWith(Highlighter.ELLIPSIS) && !text.startsWith(Highlighter.ELLIPSIS);
            boolean cutEnd = text.length() > maxChars && segments.getLast().equals(new Segment(Highlighter.ELLIPSIS, false));
            String window = joined.substring(cutStart ? 1 : 0, joined.length() - (cutEnd ? 1 : 0));
            if (text.length() <= maxChars) {
                assertThat(joined).as(context).isEqualTo(text);
            } else {
                // The window is the text from some start (0 unless cut) to some end (the text's end unless cut),
                // neither inside a surrogate pair.
                boolean found = false;
                for (int at = text.indexOf(window, cutStart ? 1 : 0); at >= 0 && !found; at = text.indexOf(window, at + 1)) {
                    int end = at + window.length();
                    found = (cutStart || at == 0) && (end < text.length()) == cutEnd
                            && !splitsPair(text, at) && !splitsPair(text, end);
                }
                assertThat(found).as(context).isTrue();
            }
        }
    }

    private static boolean splitsPair(String text, int at) {
        return at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))
                && Character.isLowSurrogate(text.charAt(at));
    }

    @Test
    void aMatchingTextThatFitsHasAMark() {
        Random random = new Random(3);
        for (int i = 0; i < RUNS; i++) {
            String text = randomText(random, 60);
            SearchQuery q = SearchTokens.query(text);
            if (!q.isEmpty()) {
                List<Segment> segments = Highlighter.highlight(text, q, 100);
                assertThat(segments).as("%s", text).anyMatch(Segment::highlighted);
                assertThat(joined(segments)).isEqualTo(text);
            }
        }
    }
}
