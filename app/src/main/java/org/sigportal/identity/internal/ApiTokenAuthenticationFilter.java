package org.sigportal.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sigportal.base.i18n.PortalI18NProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * {@code Authorization: Bearer sigp_...}: the request acts as the token's owner, with the owner's current roles
 * and at most the token's scopes. Checked against the database on every request, so revoking the token or
 * disabling the owner takes effect at once. Stateless: no session is created or used.
 */
@Component
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final JooqApiTokenRepository tokens;
    private final JooqUserRepository users;
    private final TransactionTemplate tx;
    private final Clock clock;

    ApiTokenAuthenticationFilter(JooqApiTokenRepository tokens, JooqUserRepository users, TransactionTemplate tx,
                                 Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> secret = bearer(request);
        if (secret.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var owner = TokenSecrets.looksLikeToken(secret.get())
                ? tokens.byHash(TokenSecrets.hash(secret.get())) : Optional.<JooqApiTokenRepository.TokenOwner>empty();
        if (owner.isEmpty() || owner.get().revoked() || !owner.get().expiresAt().isAfter(now)
                || !owner.get().userEnabled()) {
            refuse(request, response);
            return;
        }
        var status = users.status(owner.get().username()).orElseThrow();
        tx.executeWithoutResult(s -> tokens.touch(owner.get().tokenId(), now));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(owner.get().username(), null,
                PortalAuthorities.forToken(status.roles(), owner.get().scopes()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String message = PortalI18NProvider.translate("api.error.invalid-token", request.getLocale());
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"invalid_token\",\"message\":\"" + message.replace("\"", "'") + "\"}");
    }
}
