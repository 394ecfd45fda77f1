package org.sigportal.identity.internal;

import org.junit.jupiter.api.Test;
import org.sigportal.base.ApiScope;
import org.sigportal.identity.SignUpRequest;
import org.sigportal.identity.UserAccountService;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Token storage on every supported database: found by hash only, used, revoked, counted. */
abstract class ApiTokenRepositoryContract {

    @Autowired
    JooqApiTokenRepository tokens;
    @Autowired
    JooqUserRepository users;
    @Autowired
    UserAccountService accounts;
    @Autowired
    TransactionTemplate tx;

    @Test
    void tokensAreFoundByHashUsedRevokedAndCounted() {
        String name = TestAccounts.uniqueUsername("repo");
        accounts.signUp(new SignUpRequest(name, "Repo", name + "@example.org", "repo-password-1"));
        long userId = users.findByUsername(name).orElseThrow().id();
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        String secret = TokenSecrets.newSecret();

        long id = tx.execute(s -> tokens.insert(userId, "report", TokenSecrets.prefix(secret),
                TokenSecrets.hash(secret), EnumSet.of(ApiScope.READ, ApiScope.COMMUNITY_WRITE), now,
                now.plusDays(30)));

        var owner = tokens.byHash(TokenSecrets.hash(secret)).orElseThrow();
        assertThat(owner.username()).isEqualTo(name);
        assertThat(owner.scopes()).containsExactlyInAnyOrder(ApiScope.READ, ApiScope.COMMUNITY_WRITE);
        assertThat(tokens.byHash(TokenSecrets.hash(secret + "x"))).isEmpty();
        assertThat(tokens.countActive(userId, now)).isEqualTo(1);

        tx.executeWithoutResult(s -> tokens.touch(id, now));
        tx.executeWithoutResult(s -> tokens.touch(id, now.plusSeconds(10)));
        assertThat(tokens.find(userId, id).orElseThrow().lastUsedAt()).isEqualTo(now);

        Boolean first = tx.execute(s -> tokens.revoke(userId, id, now));
        Boolean second = tx.execute(s -> tokens.revoke(userId, id, now));
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(tokens.byHash(TokenSecrets.hash(secret)).orElseThrow().revoked()).isTrue();
        assertThat(tokens.countActive(userId, now)).isZero();
    }
}
