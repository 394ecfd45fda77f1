package org.sigportal.cluster.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes label selectors, matched against cached labels: {@code a=b}, {@code a==b}, {@code a!=b},
 * {@code a in (x,y)}, {@code a notin (x,y)}, {@code a}, {@code !a}, joined by commas.
 */
public final class LabelSelectors {

    private static final Pattern SET = Pattern.compile("\\s*([\\w./-]+)\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*");
    private static final Pattern EQ = Pattern.compile("\\s*([\\w./-]+)\\s*(==|=|!=)\\s*([\\w./-]*)\\s*");
    private static final Pattern EXISTS = Pattern.compile("\\s*(!?)([\\w./-]+)\\s*");

    private LabelSelectors() {
    }

    public static Predicate<Map<String, String>> parse(String selector) {
        List<Predicate<Map<String, String>>> parts = new ArrayList<>();
        for (String term : splitTerms(selector)) {
            Matcher m;
            if ((m = SET.matcher(term)).matches()) {
                String key = m.group(1);
                Set<String> values = Set.of(m.group(3).trim().isEmpty() ? new String[0]
                        : m.group(3).trim().split("\\s*,\\s*"));
                boolean in = m.group(2).equals("in");
                // A node without the key is outside "in" and inside "notin", as in Kubernetes (and Set.of refuses
                // to be asked about null).
                parts.add(l -> {
                    String value = l.get(key);
                    return in ? value != null && values.contains(value) : value == null || !values.contains(value);
                });
            } else if ((m = EQ.matcher(term)).matches()) {
                String key = m.group(1);
                String value = m.group(3);
                boolean equal = !m.group(2).equals("!=");
                parts.add(l -> equal ? value.equals(l.get(key)) : !value.equals(l.get(key)));
            } else if ((m = EXISTS.matcher(term)).matches()) {
                String key = m.group(2);
                boolean not = !m.group(1).isEmpty();
                parts.add(l -> not != l.containsKey(key));
            } else {
                throw new IllegalArgumentException("Not a label selector term: " + term);
            }
        }
        return labels -> parts.stream().allMatch(p -> p.test(labels));
    }

    /** Splits at commas outside parentheses. */
    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char ch : selector.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            }
            if (ch == ',' && depth == 0) {
                terms.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (!current.toString().isBlank()) {
            terms.add(current.toString());
        }
        return terms;
    }
}
