package org.sigportal.base.search;

import org.sigportal.base.search.TextScanner.CjkRun;
import org.sigportal.base.search.TextScanner.Piece;
import org.sigportal.base.search.TextScanner.Word;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Search in Chinese and English with one tokenizer for H2 and PostgreSQL. {@link #index(String)} turns a text
 * into the tokens stored next to it (a {@code search_tokens} column); {@link #query(String)} turns what a user
 * typed into the tokens a match needs; {@link #score} ranks matches where the database cannot.
 *
 * <p>Text is folded first: Unicode NFKC (full-width letters, digits and punctuation become half-width), then
 * lower case ({@link java.util.Locale#ROOT}). Chinese has no spaces and PostgreSQL's parsers do not segment
 * it, so CJK characters (Han, Hiragana, Katakana, Hangul, Bopomofo) are indexed as overlapping bigrams and as
 * single characters: {@code 存储方案} stores {@code 存 存储 储 储方 方 方案 案}, and the query {@code 存储} needs
 * the bigram {@code 存储}, which {@code 存在储备} does not have. Latin words and numbers are stored as they are
 * and as their {@linkplain EnglishStemmer stem}, and the query needs the stem, so {@code upgrade} finds
 * {@code upgrading}. Words joined by {@code .}, {@code -} or {@code _} are stored whole, by dotted chain and part
 * by part: {@code kata-containers} stores {@code kata-containers kata container containers}, {@code 5.10.134}
 * stores {@code 5.10.134 5.10 10.134 5 10 134}.
 *
 * <p>Thread-safe and without state.
 */
public final class SearchTokens {

    /** Only this many chars of a text are indexed (and highlighted); longer texts are searchable by their start. */
    public static final int MAX_INDEXED_CHARS = 100_000;
    /** Only this many chars of a query are read. */
    public static final int MAX_QUERY_CHARS = 256;
    /** At most this many terms of a query are used; later ones are ignored. */
    public static final int MAX_TERMS = 8;
    /** At most this many distinct tokens make up a query. */
    public static final int MAX_QUERY_TOKENS = 32;
    /** A run of CJK characters in a query counts with at most this many characters (so 15 bigrams). */
    public static final int MAX_CJK_TERM_CHARS = 16;
    /** What a term found in the title adds to {@link #score(String, String, SearchQuery)}. */
    public static final double TITLE_BONUS = 2.0;

    /**
     * English words too common to narrow a search. They are still indexed, and a query of nothing but such
     * words keeps them; otherwise {@code how to upgrade the kernel} searches for {@code upgrade kernel}.
     */
    static final Set<String> STOPWORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "can", "do",
            "does", "for", "from", "how", "i", "in", "into", "is", "it", "of", "on", "or", "that", "the", "this",
            "to", "was", "we", "what", "when", "where", "which", "who", "why", "with", "you");

    private SearchTokens() {
    }

    /**
     * The tokens to store for a text, separated by single spaces, with a space before the first and after the
     * last (a text without any token gives {@code " "}), in text order with repeats (so frequency can rank).
     * Index {@code to_tsvector('simple', search_tokens)} with GIN on PostgreSQL; H2 matches with
     * {@link SearchQuery#likePatterns()}. Markdown or HTML should be stripped by the caller; code-ish punctuation
     * does no harm. Only the first {@link #MAX_INDEXED_CHARS} chars count.
     */
    public static String index(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_INDEXED_CHARS) * 2 + 2).append(' ');
        for (Piece piece : TextScanner.scan(text, MAX_INDEXED_CHARS)) {
            TextScanner.indexTokens(piece, (token, start, end) -> sb.append(token).append(' '));
        }
        return sb.toString();
    }

    /**
     * What a user typed, as a query: every word, CJK run or quoted phrase is a term, and a match needs all tokens
     * of all terms. A CJK run of n characters needs its n - 1 bigrams (a single character needs itself); an
     * English word needs its stem; a dotted identifier such as {@code v1.20} or {@code node.js} needs itself.
     * Operators and punctuation ({@code & | ! : * ( ) -} and the like) only separate words; a quoted phrase is
     * one term needing all its tokens. Common English words are left out unless there is nothing else; at most
     * {@link #MAX_TERMS} terms and {@link #MAX_QUERY_TOKENS} tokens are kept.
     */
    public static SearchQuery query(String userQuery) {
        List<SearchQuery.Term> candidates = new ArrayList<>();
        List<Boolean> stopwords = new ArrayList<>();
        String q = userQuery.length() > MAX_QUERY_CHARS ? userQuery.substring(0, MAX_QUERY_CHARS) : userQuery;
        boolean phrase = false;
        int from = 0;
        for (int i = 0; i <= q.length(); i++) {
            if (i < q.length() && !isQuote(q.charAt(i))) {
                continue;
            }
            List<Piece> pieces = TextScanner.scan(q.substring(from, i), MAX_QUERY_CHARS);
            if (phrase && !pieces.isEmpty()) {
                List<String> tokens = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (Piece piece : pieces) {
                    tokens.addAll(TextScanner.queryTokens(piece, MAX_CJK_TERM_CHARS));
                    texts.add(text(piece));
                }
                candidates.add(new SearchQuery.Term(String.join(" ", texts), distinct(tokens)));
                stopwords.add(false);
            } else {
                for (Piece piece : pieces) {
                    candidates.add(new SearchQuery.Term(text(piece),
                            distinct(TextScanner.queryTokens(piece, MAX_CJK_TERM_CHARS))));
                    stopwords.add(piece instanceof Word w && w.parts().size() == 1
                            && STOPWORDS.contains(w.parts().getFirst().text()));
                }
            }
            phrase = !phrase;
            from = i + 1;
        }
        boolean onlyStopwords = !stopwords.contains(false);
        List<SearchQuery.Term> terms = new ArrayList<>();
        Set<String> tokens = new LinkedHashSet<>();
        for (int i = 0; i < candidates.size() && terms.size() < MAX_TERMS && tokens.size() < MAX_QUERY_TOKENS; i++) {
            SearchQuery.Term term = candidates.get(i);
            if (stopwords.get(i) && !onlyStopwords || tokens.containsAll(term.tokens())) {
                continue;
            }
            List<String> kept = new ArrayList<>();
            for (String token : term.tokens()) {
                if (tokens.contains(token) || tokens.size() < MAX_QUERY_TOKENS) {
                    tokens.add(token);
                    kept.add(token);
                }
            }
            terms.add(new SearchQuery.Term(term.text(), kept));
        }
        return terms.isEmpty() ? SearchQuery.empty() : new SearchQuery(terms);
    }

    /** {@link #score(String, String, SearchQuery)} without a title. */
    public static double score(String storedTokens, SearchQuery query) {
        return score("", storedTokens, query);
    }

    /**
     * A relevance score for ranking matches where the database has none (H2; PostgreSQL has {@code ts_rank}).
     * Each term scores the mean over its tokens of {@code 1 + ln(occurrences)} in the body (0 for a token that
     * does not occur), plus {@link #TITLE_BONUS} if all its tokens occur in the title; the score is the sum
     * over the terms. So every term weighs alike however many bigrams it has, repeating a word has diminishing
     * returns, and a term in the title outweighs several more mentions in the body. Both arguments are stored
     * tokens as {@link #index(String)} returns them; pass {@code ""} for a missing title. If the body tokens
     * include the title, a title match counts twice, which is intended.
     */
    public static double score(String titleTokens, String bodyTokens, SearchQuery query) {
        if (query.isEmpty()) {
            return 0;
        }
        Map<String, int[]> body = counts(bodyTokens, query.tokens());
        Map<String, int[]> title = counts(titleTokens, query.tokens());
        double score = 0;
        for (SearchQuery.Term term : query.terms()) {
            double sum = 0;
            boolean inTitle = true;
            for (String token : term.tokens()) {
                int n = body.get(token)[0];
                sum += n == 0 ? 0 : 1 + Math.log(n);
                inTitle &= title.get(token)[0] > 0;
            }
            score += sum / term.tokens().size() + (inTitle ? TITLE_BONUS : 0);
        }
        return score;
    }

    private static Map<String, int[]> counts(String stored, List<String> tokens) {
        Map<String, int[]> counts = new HashMap<>();
        tokens.forEach(t -> counts.put(t, new int[1]));
        int i = 0;
        int n = stored.length();
        while (i < n) {
            int end = stored.indexOf(' ', i);
            if (end < 0) {
                end = n;
            }
            if (end > i) {
                int[] count = counts.get(stored.substring(i, end));
                if (count != null) {
                    count[0]++;
                }
            }
            i = end + 1;
        }
        return counts;
    }

    private static String text(Piece piece) {
        return switch (piece) {
            case CjkRun run -> run.text(0, Math.min(run.length(), MAX_CJK_TERM_CHARS));
            case Word word -> TextScanner.truncate(word.text());
        };
    }

    private static List<String> distinct(List<String> tokens) {
        return List.copyOf(new LinkedHashSet<>(tokens));
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\uFF02';
    }
}
