package org.sigportal.base.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one tokenizer behind indexing, queries and highlighting. It folds the text (NFKC, lower case) while
 * remembering, for every folded code point, which characters of the original it came from, and cuts the
 * folded text into {@linkplain CjkRun CJK runs} and {@linkplain Word words}. The tokens a piece stands for are
 * emitted with their original range, so the highlighter marks exactly what the index matched.
 */
final class TextScanner {

    /** Longer tokens (in code points) are cut to this length, on both the indexing and the query side. */
    static final int MAX_TOKEN_LENGTH = 64;
    /** Dotted identifiers of up to this many parts also index their inner chains ({@code 5.10} of {@code 5.10.134}). */
    private static final int MAX_CHAIN_PARTS = 6;

    private TextScanner() {
    }

    /** A piece of folded text: a run of CJK characters or a (possibly compound) word. */
    sealed interface Piece permits CjkRun, Word {
    }

    /** Consecutive CJK characters (Han, Hiragana, Katakana, Hangul, Bopomofo), each with its original range. */
    record CjkRun(int[] codePoints, int[] starts, int[] ends) implements Piece {
        int length() {
            return codePoints.length;
        }

        String text(int from, int to) {
            return new String(codePoints, from, to - from);
        }
    }

    /**
     * Letters and digits, possibly joined by {@code .}, {@code -} or {@code _} into a compound such as
     * {@code kata-containers}, {@code 5.10.134} or {@code cgroup_v2}; {@code connectors} holds the joining
     * character between part {@code i} and {@code i + 1}.
     */
    record Word(List<Part> parts, String connectors) implements Piece {
        String text() {
            StringBuilder sb = new StringBuilder(parts.getFirst().text());
            for (int i = 1; i < parts.size(); i++) {
                sb.append(connectors.charAt(i - 1)).append(parts.get(i).text());
            }
            return sb.toString();
        }
    }

    record Part(String text, int start, int end) {
    }

    /** Receives tokens with the range {@code [start, end)} of the original text they stand for. */
    @FunctionalInterface
    interface TokenSink {
        void token(String token, int start, int end);
    }

    /** Scans at most the first {@code limit} chars of {@code text} (a surrogate pair is never cut). */
    static List<Piece> scan(String text, int limit) {
        Folded f = fold(text, limit);
        List<Piece> pieces = new ArrayList<>();
        int k = 0;
        while (k < f.size) {
            int c = f.cp[k];
            if (isCjk(c)) {
                k = cjkRun(f, k, pieces);
            } else if (isWordChar(c)) {
                k = word(f, k, pieces);
            } else {
                k++;
            }
        }
        return pieces;
    }

    /** The tokens stored for a piece: see {@link SearchTokens#index(String)}. */
    static void indexTokens(Piece piece, TokenSink sink) {
        switch (piece) {
            case CjkRun run -> {
                for (int i = 0; i < run.length(); i++) {
                    sink.token(run.text(i, i + 1), run.starts()[i], run.ends()[i]);
                    if (i + 1 < run.length()) {
                        sink.token(run.text(i, i + 2), run.starts()[i], run.ends()[i + 1]);
                    }
                }
            }
            case Word word -> wordTokens(word, sink);
        }
    }

    private static void wordTokens(Word word, TokenSink sink) {
        List<Part> parts = word.parts();
        if (parts.size() > 1) {
            sink.token(truncate(word.text()), parts.getFirst().start(), parts.getLast().end());
            int from = 0;
            for (int i = 0; i <= parts.size(); i++) {
                if (i == parts.size() || i > 0 && word.connectors().charAt(i - 1) != '.') {
                    dottedChains(word, from, i, sink);
                    from = i;
                }
            }
        }
        for (Part part : parts) {
            String text = truncate(part.text());
            sink.token(text, part.start(), part.end());
            String stem = EnglishStemmer.stem(text);
            if (!stem.equals(text)) {
                sink.token(stem, part.start(), part.end());
            }
        }
    }

    /** A dotted segment {@code [from, to)} of a compound: itself and, if short, its inner chains of two parts or more. */
    private static void dottedChains(Word word, int from, int to, TokenSink sink) {
        int m = to - from;
        if (m < 2) {
            return;
        }
        if (m < word.parts().size()) {
            chain(word, from, to, sink);
        }
        if (m > MAX_CHAIN_PARTS) {
            return;
        }
        for (int a = from; a < to; a++) {
            for (int b = a + 2; b <= to; b++) {
                if (b - a < m) {
                    chain(word, a, b, sink);
                }
            }
        }
    }

    private static void chain(Word word, int from, int to, TokenSink sink) {
        sink.token(truncate(dotted(word, from, to)), word.parts().get(from).start(), word.parts().get(to - 1).end());
    }

    /**
     * The tokens a query term needs: for a CJK run its bigrams (its single character if it has one); for a word
     * the stem of each part, except that a dotted segment such as {@code 5.10} or {@code node.js} must occur
     * as it is. {@code kata-containers} thus needs {@code kata} and {@code container}.
     */
    static List<String> queryTokens(Piece piece, int maxCjkChars) {
        List<String> tokens = new ArrayList<>();
        switch (piece) {
            case CjkRun run -> {
                int n = Math.min(run.length(), maxCjkChars);
                if (n == 1) {
                    tokens.add(run.text(0, 1));
                }
                for (int i = 0; i + 1 < n; i++) {
                    tokens.add(run.text(i, i + 2));
                }
            }
            case Word word -> {
                int from = 0;
                for (int i = 1; i <= word.parts().size(); i++) {
                    if (i == word.parts().size() || word.connectors().charAt(i - 1) != '.') {
                        tokens.add(i - from == 1
                                ? EnglishStemmer.stem(truncate(word.parts().get(from).text()))
                                : truncate(dotted(word, from, i)));
                        from = i;
                    }
                }
            }
        }
        return tokens;
    }

    private static String dotted(Word word, int from, int to) {
        StringBuilder sb = new StringBuilder(word.parts().get(from).text());
        for (int i = from + 1; i < to; i++) {
            sb.append('.').append(word.parts().get(i).text());
        }
        return sb.toString();
    }

    static String truncate(String s) {
        if (s.length() <= MAX_TOKEN_LENGTH) {
            return s;
        }
        int n = s.codePointCount(0, s.length());
        return n <= MAX_TOKEN_LENGTH ? s : s.substring(0, s.offsetByCodePoints(0, MAX_TOKEN_LENGTH));
    }

    // --- Scanning -------------------------------------------------------------------------------------------

    private static int cjkRun(Folded f, int k, List<Piece> pieces) {
        int from = k;
        int count = 0;
        while (k < f.size && (isCjk(f.cp[k]) || isMark(f.cp[k]))) {
            if (!isMark(f.cp[k])) {
                count++;
            }
            k++;
        }
        int[] cps = new int[count];
        int[] starts = new int[count];
        int[] ends = new int[count];
        int j = 0;
        for (int i = from; i < k; i++) {
            if (!isMark(f.cp[i])) {
                cps[j] = f.cp[i];
                starts[j] = f.start[i];
                ends[j] = f.end[i];
                j++;
            } else if (j > 0) {
                ends[j - 1] = f.end[i];
            }
        }
        pieces.add(new CjkRun(cps, starts, ends));
        return k;
    }

    private static int word(Folded f, int k, List<Piece> pieces) {
        List<Part> parts = new ArrayList<>();
        StringBuilder connectors = new StringBuilder();
        StringBuilder part = new StringBuilder();
        int partStart = f.start[k];
        int partEnd = f.end[k];
        while (k < f.size) {
            int c = f.cp[k];
            if (isWordChar(c) || isMark(c)) {
                part.appendCodePoint(c);
                partEnd = f.end[k];
                k++;
            } else if (c == '\'' && k + 1 < f.size && isLetter(f.cp[k + 1])) {
                if (f.cp[k + 1] == 's' && (k + 2 == f.size || !continuesWord(f.cp[k + 2]))) {
                    k += 2; // a possessive: node's, Kubernetes's
                    break;
                }
                k++; // an elision: don't, o'brien
            } else if (isConnector(c) && k + 1 < f.size && isWordChar(f.cp[k + 1])) {
                parts.add(new Part(part.toString(), partStart, partEnd));
                part.setLength(0);
                connectors.append((char) c);
                k++;
                partStart = f.start[k];
            } else {
                break;
            }
        }
        parts.add(new Part(part.toString(), partStart, partEnd));
        pieces.add(new Word(List.copyOf(parts), connectors.toString()));
        return k;
    }

    private static boolean isConnector(int c) {
        return c == '.' || c == '-' || c == '_';
    }

    static boolean isCjk(int c) {
        if (c < 0x2E80) {
            return false;
        }
        if (c == 0x30FC) {
            return true; // ー, the Katakana prolonged sound mark, of the Common script
        }
        if (!Character.isLetter(c) && Character.getType(c) != Character.LETTER_NUMBER) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO;
    }

    private static boolean isWordChar(int c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
        }
        return Character.isLetterOrDigit(c) && !isCjk(c);
    }

    private static boolean isLetter(int c) {
        return Character.isLetter(c) && !isCjk(c);
    }

    private static boolean continuesWord(int c) {
        return isWordChar(c) || isMark(c);
    }

    private static boolean isMark(int c) {
        if (c < 0x300) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    // --- Folding --------------------------------------------------------------------------------------------

    /** Folded code points with the original range {@code [start, end)} of each. */
    private static final class Folded {
        int[] cp;
        int[] start;
        int[] end;
        int size;

        Folded(int capacity) {
            cp = new int[Math.max(capacity, 4)];
            start = new int[cp.length];
            end = new int[cp.length];
        }

        void add(int c, int s, int e) {
            if (size == cp.length) {
                int n = size * 2;
                cp = Arrays.copyOf(cp, n);
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
            }
            cp[size] = c;
            start[size] = s;
            end[size] = e;
            size++;
        }
    }

    /**
     * Folds each base character together with the marks that follow it (so NFKC can compose them), which keeps
     * the map back to the original exact. ASCII and the common CJK blocks, which NFKC leaves alone, skip the
     * normalizer.
     */
    private static Folded fold(String text, int limit) {
        int n = Math.min(text.length(), limit);
        if (n > 0 && n < text.length() && Character.isHighSurrogate(text.charAt(n - 1))
                && Character.isLowSurrogate(text.charAt(n))) {
            n--;
        }
        Folded f = new Folded(n);
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            int single = i + Character.charCount(c);
            int j = single;
            while (j < n) {
                int next = text.codePointAt(j);
                if (!isMark(next) && next != 0xFF9E && next != 0xFF9F) {
                    break;
                }
                j += Character.charCount(next);
            }
            if (j > n) {
                j = n;
            }
            if (j == single && c < 0x80) {
                f.add(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c, i, j);
            } else if (j == single && isPlainCjk(c)) {
                f.add(c, i, j);
            } else {
                String folded = foldSlowly(text.substring(i, j));
                for (int k = 0; k < folded.length(); ) {
                    int fc = folded.codePointAt(k);
                    f.add(special(fc), i, j);
                    k += Character.charCount(fc);
                }
            }
            i = j;
        }
        return f;
    }

    private static boolean isPlainCjk(int c) {
        return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x3041 && c <= 0x3096
                || c >= 0x30A1 && c <= 0x30FA || c >= 0xAC00 && c <= 0xD7A3;
    }

    private static String foldSlowly(String s) {
        String normalized = Normalizer.normalize(s, Normalizer.Form.NFKC);
        String lower = normalized.toLowerCase(Locale.ROOT);
        if (!lower.equals(normalized) && !Normalizer.isNormalized(lower, Normalizer.Form.NFKC)) {
            lower = Normalizer.normalize(lower, Normalizer.Form.NFKC);
        }
        return lower;
    }

    /** Folds what NFKC and lower-casing leave apart: final sigma, Unicode hyphens, the typographic apostrophe. */
    private static int special(int c) {
        return switch (c) {
            case 0x03C2 -> 0x03C3;
            case 0x2010, 0x2011 -> '-';
            case 0x2019 -> '\'';
            default -> c;
        };
    }
}
