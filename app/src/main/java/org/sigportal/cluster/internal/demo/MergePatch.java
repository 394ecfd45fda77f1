package org.sigportal.cluster.internal.demo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * JSON merge patch (RFC 7386) and an approximation of Kubernetes' strategic merge patch: lists of objects with a
 * well-known merge key (conditions by type, containers by name, ...) are merged element by element, an element
 * with {@code "$patch": "delete"} is removed, every other list is replaced, other {@code $} directives are
 * ignored.
 */
final class MergePatch {

    /** The merge keys of the lists strategic merge patches meet on nodes and pods. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "conditions", "type",
            "addresses", "type",
            "containers", "name",
            "initContainers", "name",
            "volumes", "name",
            "env", "name",
            "volumeMounts", "mountPath",
            "ownerReferences", "uid",
            "imagePullSecrets", "name");

    private MergePatch() {
    }

    static JsonNode apply(JsonNode target, JsonNode patch, boolean strategic) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (strategic && key.startsWith("$")) {
                continue;
            }
            if (value.isNull()) {
                result.remove(key);
            } else if (strategic && value.isArray() && MERGE_KEYS.containsKey(key) && result.path(key).isArray()) {
                result.set(key, mergeList((ArrayNode) result.get(key), (ArrayNode) value, MERGE_KEYS.get(key)));
            } else {
                result.set(key, apply(result.get(key), value, strategic));
            }
        }
        return result;
    }

    private static ArrayNode mergeList(ArrayNode target, ArrayNode patch, String mergeKey) {
        ArrayNode result = target.deepCopy();
        for (JsonNode element : patch) {
            if (!element.isObject() || !element.has(mergeKey)) {
                return patch.deepCopy(); // not a keyed list after all: replace it
            }
            String key = element.get(mergeKey).asString();
            int found = -1;
            for (int i = 0; i < result.size(); i++) {
                if (key.equals(result.get(i).path(mergeKey).asString())) {
                    found = i;
                    break;
                }
            }
            boolean delete = "delete".equals(element.path("$patch").asString());
            if (delete) {
                if (found >= 0) {
                    result.remove(found);
                }
            } else if (found >= 0) {
                result.set(found, apply(result.get(found), element, true));
            } else {
                result.add(apply(JsonNodeFactory.instance.objectNode(), element, true));
            }
        }
        return result;
    }
}
