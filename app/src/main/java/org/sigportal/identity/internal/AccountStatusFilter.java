package org.sigportal.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies account changes to open sessions on their next request: a disabled or deleted account's session
 * ends, and changed roles replace the session's authorities. One indexed lookup per authenticated request.
 */
@Component
class AccountStatusFilter extends OncePerRequestFilter {

    private final JooqUserRepository users;
    private final HttpSessionSecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    AccountStatusFilter(JooqUserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            var status = users.status(auth.getName());
            if (status.isEmpty() || !status.get().enabled()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else {
                Set<String> current = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toSet());
                Set<String> stored = status.get().roles().stream().map(r -> "ROLE_" + r).collect(Collectors.toSet());
                if (!current.equals(stored)) {
                    List<SimpleGrantedAuthority> authorities = stored.stream().map(SimpleGrantedAuthority::new).toList();
                    var refreshed = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null,
                            authorities);
                    refreshed.setDetails(auth.getDetails());
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(refreshed);
                    SecurityContextHolder.setContext(context);
                    sessionContexts.saveContext(context, request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
