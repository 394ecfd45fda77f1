package org.sigportal.cluster.internal.demo;

import org.jspecify.annotations.Nullable;
import org.sigportal.cluster.internal.LabelSelectors;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list or watch request's label selector (equality- and set-based) and field selector ({@code a.b=c},
 * {@code a.b==c}, {@code a.b!=c}, joined by commas; a missing field reads as empty, as in Kubernetes), matched
 * against an object's JSON.
 */
final class ObjectSelector implements Predicate<JsonNode> {

    private static final Pattern FIELD = Pattern.compile("\\s*([\\w.-]+)\\s*(==|=|!=)\\s*(.*?)\\s*");

    private record FieldTerm(String[] path, boolean equal, String value) {
    }

    private final Predicate<Map<String, String>> labels;
    private final List<FieldTerm> fields;

    private ObjectSelector(Predicate<Map<String, String>> labels, List<FieldTerm> fields) {
        this.labels = labels;
        this.fields = fields;
    }

    /** Throws {@link IllegalArgumentException} for a selector it cannot read. */
    static ObjectSelector of(@Nullable String labelSelector, @Nullable String fieldSelector) {
        Predicate<Map<String, String>> labels = labelSelector == null || labelSelector.isBlank() ? l -> true
                : LabelSelectors.parse(labelSelector);
        List<FieldTerm> fields = new ArrayList<>();
        if (fieldSelector != null && !fieldSelector.isBlank()) {
            for (String term : fieldSelector.split(",")) {
                Matcher m = FIELD.matcher(term);
                if (!m.matches()) {
                    throw new IllegalArgumentException("invalid field selector: " + term);
                }
                fields.add(new FieldTerm(m.group(1).split("\\."), !m.group(2).equals("!="), m.group(3)));
            }
        }
        return new ObjectSelector(labels, List.copyOf(fields));
    }

    @Override
    public boolean test(JsonNode object) {
        for (FieldTerm term : fields) {
            JsonNode node = object;
            for (String part : term.path()) {
                node = node.path(part);
            }
            String value = node.isValueNode() && !node.isNull() ? node.asString() : "";
            if (value.equals(term.value()) != term.equal()) {
                return false;
            }
        }
        Map<String, String> labelMap = new HashMap<>();
        object.path("metadata").path("labels").properties().forEach(e -> labelMap.put(e.getKey(), e.getValue().asString()));
        return labels.test(labelMap);
    }
}
