package org.sigportal.cluster.internal.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** The query string of a request path. */
final class Query {

    private Query() {
    }

    static String path(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    static Map<String, String> parse(String pathAndQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return params;
        }
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            params.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    /** The same path and query without the named parameters (the others keep their encoding). */
    static String without(String pathAndQuery, Set<String> names) {
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return pathAndQuery;
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (!pair.isEmpty() && !names.contains(decode(eq < 0 ? pair : pair.substring(0, eq)))) {
                kept.add(pair);
            }
        }
        return kept.length() == 0 ? pathAndQuery.substring(0, q) : pathAndQuery.substring(0, q) + "?" + kept;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
