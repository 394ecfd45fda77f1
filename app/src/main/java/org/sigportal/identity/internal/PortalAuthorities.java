package org.sigportal.identity.internal;

import org.sigportal.base.ApiScope;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The authorities of an interactive session: the account's roles and every API scope. */
final class PortalAuthorities {

    /** Marks a request authenticated by an API token (so it cannot manage tokens or sessions). */
    static final String TOKEN = "TOKEN";

    private PortalAuthorities() {
    }

    static List<GrantedAuthority> forSession(Collection<String> roles) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        ApiScope.allAuthorities().forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
        return authorities;
    }

    static List<GrantedAuthority> forToken(Collection<String> roles, Collection<ApiScope> scopes) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        scopes.forEach(s -> authorities.add(new SimpleGrantedAuthority(s.authority())));
        authorities.add(new SimpleGrantedAuthority(TOKEN));
        return authorities;
    }
}
