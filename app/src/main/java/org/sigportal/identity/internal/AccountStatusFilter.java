package org.sigportal.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies account changes to open sessions on their next request: a disabled or deleted account's session
 * ends, and changed roles replace the session's authorities. Also ends sessions older than the absolute
 * time-out, however active they are. One indexed lookup per authenticated request.
 */
@Component
class AccountStatusFilter extends OncePerRequestFilter {

    private final JooqUserRepository users;
    private final Clock clock;
    private final Duration absoluteTimeout;
    private final HttpSessionSecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    AccountStatusFilter(JooqUserRepository users, Clock clock,
                        @Value("${portal.session.absolute-timeout:24h}") Duration absoluteTimeout) {
        this.users = users;
        this.clock = clock;
        this.absoluteTimeout = absoluteTimeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
                && !isToken(auth)) {
            HttpSession session = request.getSession(false);
            var status = users.status(auth.getName());
            if (status.isEmpty() || !status.get().enabled() || tooOld(session)) {
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else {
                Set<String> current = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_")).collect(Collectors.toSet());
                Set<String> stored = status.get().roles().stream().map(r -> "ROLE_" + r).collect(Collectors.toSet());
                if (!current.equals(stored)) {
                    refresh(auth, status.get().roles(), request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }

    private boolean tooOld(HttpSession session) {
        return session != null
                && clock.millis() - session.getCreationTime() > absoluteTimeout.toMillis();
    }

    private void refresh(Authentication auth, Set<String> roles, HttpServletRequest request,
                         HttpServletResponse response) {
        var authorities = PortalAuthorities.forSession(roles);
        Authentication refreshed;
        if (auth instanceof OAuth2AuthenticationToken oauth) {
            refreshed = new OAuth2AuthenticationToken(oauth.getPrincipal(), authorities,
                    oauth.getAuthorizedClientRegistrationId());
        } else {
            refreshed = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null, authorities);
        }
        if (refreshed instanceof org.springframework.security.authentication.AbstractAuthenticationToken token) {
            token.setDetails(auth.getDetails());
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(refreshed);
        SecurityContextHolder.setContext(context);
        sessionContexts.saveContext(context, request, response);
    }

    private static boolean isToken(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> PortalAuthorities.TOKEN.equals(a.getAuthority()));
    }
}
