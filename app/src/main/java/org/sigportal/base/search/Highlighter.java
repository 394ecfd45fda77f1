package org.sigportal.base.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a snippet out of a plain text and marks what a query matched in it, as segments a view renders as text
 * and {@code <mark>} components, so no HTML is ever built from user text. Matching runs on the original text
 * through the same tokenizer as {@link SearchTokens#index(String)}: a segment is marked exactly where the text
 * has a token the query needs. So case and full-width forms do not matter, {@code 存储} marks the characters
 * {@code 存储} (a longer CJK term marks its whole run), and {@code container} marks {@code Containers} but not
 * {@code containerd}, which the query does not find either.
 */
public final class Highlighter {

    /** What stands for cut-off text at either end of a snippet. */
    public static final String ELLIPSIS = "\u2026";
    /** The least {@code maxChars} that makes sense. */
    public static final int MIN_CHARS = 10;
    /** How far a snippet's edge moves to start or end at white space rather than inside a word. */
    private static final int SNAP = 12;

    private Highlighter() {
    }

    /**
     * A piece of the snippet: the original text, marked or not. The {@link #ELLIPSIS} at a cut-off end is a
     * segment of its own, never marked.
     */
    public record Segment(String text, boolean highlighted) {
    }

    /**
     * The best snippet of at most {@code maxChars} chars ({@link String#length()}, ellipses included; a surrogate
     * pair is never split) with the query's matches marked. A text that fits is returned whole. Otherwise the
     * snippet is the window in which most of the query's terms occur (then: most matches, then the earliest),
     * with some text before the first match, moved to white space where it is near; without any match it is
     * the start of the text. The snippet is {@code ELLIPSIS + window + ELLIPSIS}, each ellipsis present only if
     * text was cut off on its side, and the window is {@code text.substring(start, end)}: concatenating the
     * segments gives exactly that. Segments are never empty and marked segments never touch each other.
     *
     * @throws IllegalArgumentException if {@code maxChars} is below {@link #MIN_CHARS}
     */
    public static List<Segment> highlight(String text, SearchQuery query, int maxChars) {
        if (maxChars < MIN_CHARS) {
            throw new IllegalArgumentException("maxChars must be at least " + MIN_CHARS + ": " + maxChars);
        }
        int n = text.length();
        List<Match> matches = matches(text, query);
        int start;
        int end;
        if (n <= maxChars) {
            start = 0;
            end = n;
        } else if (matches.isEmpty()) {
            start = 0;
            end = snapEnd(text, maxChars - 1, 0);
        } else {
            int[] window = bestWindow(matches, maxChars - 2);
            Match first = matches.get(window[0]);
            Match last = matches.get(window[1]);
            int slack = Math.max(0, maxChars - 2 - (last.end - first.start));
            start = Math.max(0, first.start - slack / 3);
            if (start == 0) {
                end = maxChars - 1;
            } else {
                end = start + maxChars - 2;
                if (end >= n) {
                    end = n;
                    start = n - (maxChars - 1);
                }
            }
            if (start > 0) {
                start = snapStart(text, start, first.start);
            }
            if (end < n) {
                end = snapEnd(text, end, last.end);
            }
        }
        return segments(text, matches, start, end);
    }

    /** A marked range of the original text and the query terms (bits by index, the 64th for all later) in it. */
    private record Match(int start, int end, long terms) {
    }

    /** The ranges of the text that hold tokens of the query, sorted, with overlapping and touching ones merged. */
    private static List<Match> matches(String text, SearchQuery query) {
        Map<String, Long> wanted = new HashMap<>();
        List<SearchQuery.Term> terms = query.terms();
        for (int i = 0; i < terms.size(); i++) {
            long bit = 1L << Math.min(i, 63);
            terms.get(i).tokens().forEach(t -> wanted.merge(t, bit, (a, b) -> a | b));
        }
        List<Match> found = new ArrayList<>();
        if (wanted.isEmpty()) {
            return found;
        }
        for (TextScanner.Piece piece : TextScanner.scan(text, SearchTokens.MAX_INDEXED_CHARS)) {
            TextScanner.indexTokens(piece, (token, start, end) -> {
                Long bits = wanted.get(token);
                if (bits != null) {
                    found.add(new Match(start, end, bits));
                }
            });
        }
        found.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
        List<Match> merged = new ArrayList<>();
        for (Match m : found) {
            if (!merged.isEmpty() && m.start <= merged.getLast().end) {
                Match last = merged.getLast();
                merged.set(merged.size() - 1, new Match(last.start, Math.max(last.end, m.end), last.terms | m.terms));
            } else {
                merged.add(m);
            }
        }
        return merged;
    }

    /**
     * The first and last index of the matches that fit into {@code width} chars from a match's start and cover
     * the most terms (then the most matches, then the earliest), by a sliding window.
     */
    private static int[] bestWindow(List<Match> matches, int width) {
        int[] termCounts = new int[64];
        int covered = 0;
        int[] best = {0, 0};
        int bestTerms = -1;
        int bestMatches = -1;
        int j = -1;
        for (int i = 0; i < matches.size(); i++) {
            if (j < i) {
                j = i;
                covered += add(termCounts, matches.get(i).terms, 1);
            }
            int limit = matches.get(i).start + width;
            while (j + 1 < matches.size() && matches.get(j + 1).end <= limit) {
                j++;
                covered += add(termCounts, matches.get(j).terms, 1);
            }
            int count = j - i + 1;
            if (covered > bestTerms || covered == bestTerms && count > bestMatches) {
                bestTerms = covered;
                bestMatches = count;
                best = new int[] {i, j};
            }
            covered -= add(termCounts, matches.get(i).terms, -1);
        }
        return best;
    }

    /** Adds {@code delta} to the count of each term in {@code bits}; returns how many terms went from 0 to 1 or back. */
    private static int add(int[] termCounts, long bits, int delta) {
        int changed = 0;
        for (long b = bits; b != 0; b &= b - 1) {
            int t = Long.numberOfTrailingZeros(b);
            int before = termCounts[t];
            termCounts[t] += delta;
            if (before == 0 || termCounts[t] == 0) {
                changed++;
            }
        }
        return changed;
    }

    /** Moves a window's start forward to just after white space, if there is some soon and before {@code limit}. */
    private static int snapStart(String text, int start, int limit) {
        int s = start;
        for (int i = start; i < Math.min(limit, start + SNAP); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                s = i + 1;
                break;
            }
        }
        if (s < text.length() && Character.isLowSurrogate(text.charAt(s)) && Character.isHighSurrogate(text.charAt(s - 1))) {
            s++;
        }
        return s;
    }

    /** Moves a window's end back to white space, if there is some near and after {@code limit}. */
    private static int snapEnd(String text, int end, int limit) {
        int e = end;
        for (int i = end; i > Math.max(limit, end - SNAP); i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                e = i;
                break;
            }
        }
        if (e > 0 && Character.isHighSurrogate(text.charAt(e - 1)) && Character.isLowSurrogate(text.charAt(e))) {
            e--;
        }
        return e;
    }

    private static List<Segment> segments(String text, List<Match> matches, int start, int end) {
        List<Segment> segments = new ArrayList<>();
        if (start > 0) {
            segments.add(new Segment(ELLIPSIS, false));
        }
        int at = start;
        for (Match m : matches) {
            int from = Math.max(m.start, start);
            int to = Math.min(m.end, end);
            if (from >= to) {
                continue;
            }
            if (at < from) {
                segments.add(new Segment(text.substring(at, from), false));
            }
            segments.add(new Segment(text.substring(from, to), true));
            at = to;
        }
        if (at < end) {
            segments.add(new Segment(text.substring(at, end), false));
        }
        if (end < text.length()) {
            segments.add(new Segment(ELLIPSIS, false));
        }
        return segments;
    }
}
