package org.sigportal.base.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What a user searched for, made by {@link SearchTokens#query(String)}: terms, each with the tokens it needs.
 * A text matches when every token of every term is among its {@linkplain SearchTokens#index(String) stored
 * tokens}. An empty query matches nothing: check {@link #isEmpty()} before asking the database.
 *
 * @param terms the terms in the order the user typed them
 */
public record SearchQuery(List<Term> terms) {

    private static final SearchQuery EMPTY = new SearchQuery(List.of());

    public SearchQuery {
        terms = List.copyOf(terms);
    }

    public static SearchQuery empty() {
        return EMPTY;
    }

    /**
     * One thing the user typed: a word, a run of CJK characters, or a quoted phrase.
     *
     * @param text   the term as folded for search (lower case, NFKC), for display
     * @param tokens what it needs, all of them: for {@code 存储方案} the bigrams {@code 存储 储方 方案}, for
     *               {@code Upgrading} the stem {@code upgrad}; never empty, no token empty or with white space
     */
    public record Term(String text, List<String> tokens) {
        public Term {
            tokens = List.copyOf(tokens);
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("A search term needs at least one token");
            }
            for (String token : tokens) {
                if (token.isEmpty() || token.codePoints().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("Not a search token: '" + token + "'");
                }
            }
        }
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Every token needed, each once, in order. */
    public List<String> tokens() {
        Set<String> tokens = new LinkedHashSet<>();
        terms.forEach(t -> tokens.addAll(t.tokens()));
        return List.copyOf(tokens);
    }

    /**
     * The argument for {@code to_tsvector('simple', search_tokens) @@ to_tsquery('simple', ?)}: every token
     * quoted as a tsquery lexeme ({@code '} doubled, {@code \} escaped) and joined with {@code &}, so nothing the
     * user typed can act as tsquery syntax. Empty for an empty query (which matches nothing).
     */
    public String toPostgresTsQuery() {
        StringJoiner query = new StringJoiner(" & ");
        for (String token : tokens()) {
            query.add("'" + token.replace("\\", "\\\\").replace("'", "''") + "'");
        }
        return query.toString();
    }

    /**
     * Patterns for H2 (or any SQL database), all of which must match the stored tokens:
     * {@code search_tokens LIKE ? ESCAPE '\'} once per pattern, joined with {@code AND}. Each is
     * {@code "% token %"} with {@code \}, {@code %} and {@code _} escaped; it relies on the stored value
     * starting and ending with a space, as {@link SearchTokens#index(String)} returns it.
     */
    public List<String> likePatterns() {
        List<String> patterns = new ArrayList<>();
        for (String token : tokens()) {
            patterns.add("% " + token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %");
        }
        return List.copyOf(patterns);
    }

    /**
     * Whether stored tokens match in memory, with the same meaning as the SQL forms: every token is present.
     * False for an empty query.
     */
    public boolean matches(String storedTokens) {
        if (isEmpty()) {
            return false;
        }
        String padded = " " + storedTokens + " ";
        for (String token : tokens()) {
            if (!padded.contains(" " + token + " ")) {
                return false;
            }
        }
        return true;
    }
}
