package org.sigportal.base.search;

import java.util.Set;

/**
 * A light, conservative English stemmer in the spirit of Porter's step 1 (plurals, {@code -ed}, {@code -ing}),
 * plus {@code -ment} and a final {@code e}. It only ever runs on the same folded words on the indexing and
 * the query side, so what matters is that the forms of one word meet in one stem, not that the stem is a
 * dictionary word: {@code upgrade, upgrades, upgraded, upgrading → upgrad}. Only lower-case ASCII words of
 * three letters or more are touched; anything with a digit or another script is returned as it is.
 *
 * <p>The rules, in order (each step at most once):
 * <ol>
 *   <li>Plurals: {@code -sses → -ss}; {@code -ies → -i} (words over four letters, else {@code -ies → -ie});
 *       otherwise a final {@code -s} goes when the word has four letters or more and does not end in
 *       {@code -ss}, {@code -us} or {@code -is} ({@code pods → pod}, but {@code status}, {@code redis},
 *       {@code vms} stay).</li>
 *   <li>{@code -eed} stays ({@code speed}, {@code exceed}), except for a few verbs in {@code -ee}
 *       ({@code agreed → agree}). Otherwise {@code -ed} and {@code -ing} go when at least three letters
 *       with a vowel remain ({@code string}, {@code thing}, {@code used} stay); a doubled final consonant
 *       other than {@code l, s, z, f} is then undoubled if three letters remain
 *       ({@code running → run}, {@code installing → install}, {@code adding → add}).</li>
 *   <li>{@code -ment} goes when what remains has a Porter measure above one
 *       ({@code deployment → deploy}, {@code requirement → require}; {@code comment}, {@code segment},
 *       {@code element}, {@code implement} stay).</li>
 *   <li>A final {@code y} after a consonant becomes {@code i} ({@code policy, policies → polici};
 *       {@code deploy}, {@code key} stay).</li>
 *   <li>A final {@code e} goes when three letters remain and it does not follow another {@code e}
 *       ({@code image, images, imaging → imag}; {@code agree}, {@code use} stay).</li>
 * </ol>
 * There is deliberately no {@code -ly}, {@code -er}, {@code -ize} or {@code -ation} rule:
 * {@code apply/reply/supply} would lose their meaning, and {@code container}, {@code containerd} and
 * {@code containerized} are different things to search for.
 */
final class EnglishStemmer {

    /** Words ending in {@code -ed} that are not past forms. */
    private static final Set<String> NOT_PAST = Set.of("embed", "hundred", "kindred", "naked", "sacred", "wicked");
    /** Verbs in {@code -ee} whose past form ends in {@code -eed}. */
    private static final Set<String> EE_VERBS = Set.of("agree", "disagree", "guarantee", "free", "referee",
            "oversee", "foresee", "decree");

    private EnglishStemmer() {
    }

    static String stem(String word) {
        if (word.length() < 3 || !isLowerAsciiLetters(word)) {
            return word;
        }
        String s = plural(word);
        s = pastOrGerund(s);
        if (s.endsWith("ment") && measure(s, s.length() - 4) > 1) {
            s = s.substring(0, s.length() - 4);
        }
        int n = s.length();
        if (n >= 3 && s.charAt(n - 1) == 'y' && isConsonant(s, n - 2)) {
            s = s.substring(0, n - 1) + "i";
        }
        n = s.length();
        if (n >= 4 && s.charAt(n - 1) == 'e' && s.charAt(n - 2) != 'e') {
            s = s.substring(0, n - 1);
        }
        return s;
    }

    private static String plural(String s) {
        int n = s.length();
        if (s.endsWith("sses")) {
            return s.substring(0, n - 2);
        }
        if (s.endsWith("ies")) {
            return n > 4 ? s.substring(0, n - 3) + "i" : s.substring(0, n - 1);
        }
        if (n >= 4 && s.charAt(n - 1) == 's' && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
            return s.substring(0, n - 1);
        }
        return s;
    }

    private static String pastOrGerund(String s) {
        if (s.endsWith("eed")) {
            String verb = s.substring(0, s.length() - 1);
            return EE_VERBS.contains(verb) ? verb : s;
        }
        if (s.endsWith("ed") && !NOT_PAST.contains(s)) {
            return strip(s, 2);
        }
        if (s.endsWith("ing")) {
            return strip(s, 3);
        }
        return s;
    }

    private static String strip(String s, int suffix) {
        String base = s.substring(0, s.length() - suffix);
        if (base.length() < 3 || !hasVowel(base)) {
            return s;
        }
        int n = base.length();
        char last = base.charAt(n - 1);
        if (n >= 4 && last == base.charAt(n - 2) && isConsonant(base, n - 1)
                && last != 'l' && last != 's' && last != 'z' && last != 'f') {
            return base.substring(0, n - 1);
        }
        return base;
    }

    private static boolean hasVowel(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isConsonant(s, i)) {
                return true;
            }
        }
        return false;
    }

    /** Porter's consonant: not a, e, i, o, u, and not a {@code y} that follows a consonant. */
    private static boolean isConsonant(String s, int i) {
        return switch (s.charAt(i)) {
            case 'a', 'e', 'i', 'o', 'u' -> false;
            case 'y' -> i == 0 || !isConsonant(s, i - 1);
            default -> true;
        };
    }

    /** Porter's measure of {@code s[0, end)}: the number of vowel-consonant sequences. */
    static int measure(String s, int end) {
        int m = 0;
        boolean inVowels = false;
        for (int i = 0; i < end; i++) {
            boolean consonant = isConsonant(s, i);
            if (consonant && inVowels) {
                m++;
            }
            inVowels = !consonant;
        }
        return m;
    }

    private static boolean isLowerAsciiLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }
}
