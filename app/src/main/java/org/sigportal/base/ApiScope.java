package org.sigportal.base;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a personal API token may do. A browser session may do everything its roles allow; a token only what
 * its scopes allow on top of that. Service methods check both: {@code hasRole(...) and hasAuthority(scope)}.
 */
public enum ApiScope {
    /** Read fleet and community data. */
    READ,
    /** Operate clusters (cordon, drain, labels, ...). */
    OPERATE,
    /** Write in the community (posts, votes, meetings). */
    COMMUNITY_WRITE;

    public static final String READ_AUTHORITY = "SCOPE_read";
    public static final String OPERATE_AUTHORITY = "SCOPE_operate";
    public static final String COMMUNITY_WRITE_AUTHORITY = "SCOPE_community-write";

    /** The name used in token listings and the API: {@code read}, {@code operate}, {@code community-write}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String authority() {
        return "SCOPE_" + id();
    }

    public static Optional<ApiScope> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    /** The scope authorities of an interactive session: all of them. */
    public static List<String> allAuthorities() {
        return Arrays.stream(values()).map(ApiScope::authority).toList();
    }
}
