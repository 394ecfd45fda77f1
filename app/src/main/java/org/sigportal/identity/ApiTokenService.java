package org.sigportal.identity;

import org.sigportal.audit.AuditService;
import org.sigportal.base.ApiScope;
import org.sigportal.base.CurrentActor;
import org.sigportal.base.PortalException;
import org.sigportal.identity.internal.JooqApiTokenRepository;
import org.sigportal.identity.internal.JooqUserRepository;
import org.sigportal.identity.internal.TokenSecrets;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Personal API tokens: created with a name, scopes and an expiry, shown once, stored as a hash, listed with
 * their last use, revocable. Only interactive sessions manage tokens (a token cannot mint another).
 */
@Service
public class ApiTokenService {

    public static final int MAX_DAYS = 365;
    public static final int MAX_ACTIVE = 50;
    static final String TARGET = "api-token";

    private final JooqApiTokenRepository tokens;
    private final JooqUserRepository users;
    private final AuditService audit;
    private final Clock clock;

    ApiTokenService(JooqApiTokenRepository tokens, JooqUserRepository users, AuditService audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("isAuthenticated() and !hasAuthority('TOKEN')")
    public CreatedApiToken create(String name, Set<ApiScope> scopes, int validDays) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new InvalidInputException("name", "tokens.error.name");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInputException("scopes", "tokens.error.scopes");
        }
        if (validDays < 1 || validDays > MAX_DAYS) {
            throw new InvalidInputException("expiry", "tokens.error.expiry", MAX_DAYS);
        }
        long userId = me().id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (tokens.countActive(userId, now) >= MAX_ACTIVE) {
            throw new PortalException("tokens.error.too-many", MAX_ACTIVE);
        }
        String secret = TokenSecrets.newSecret();
        Set<ApiScope> copy = EnumSet.copyOf(scopes);
        long id = tokens.insert(userId, trimmed, TokenSecrets.prefix(secret), TokenSecrets.hash(secret), copy, now,
                now.plusDays(validDays));
        audit.success("api-token.create", TARGET, String.valueOf(id), trimmed + " " + copy);
        return new CreatedApiToken(tokens.find(userId, id).orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<ApiToken> myTokens() {
        return tokens.forUser(me().id());
    }

    /** Revokes one of the caller's tokens; requests with it are refused from the next one on. */
    @Transactional
    @PreAuthorize("isAuthenticated() and !hasAuthority('TOKEN')")
    public void revoke(long tokenId) {
        if (!tokens.revoke(me().id(), tokenId, OffsetDateTime.now(clock))) {
            throw new PortalException("tokens.error.not-found");
        }
        audit.success("api-token.revoke", TARGET, String.valueOf(tokenId), null);
    }

    private UserAccount me() {
        return users.findByUsername(CurrentActor.username().orElseThrow()).orElseThrow();
    }
}
