package org.sigportal.identity.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigportal.audit.AuditService;
import org.sigportal.base.Roles;
import org.sigportal.identity.SignUpRequest;
import org.sigportal.identity.UserAccount;
import org.sigportal.identity.UserAccountService;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How provider identities become accounts, on every supported database. */
abstract class SsoProvisioningContract {

    @Autowired
    JooqUserRepository users;
    @Autowired
    JooqIdentityLinkRepository links;
    @Autowired
    AuditService audit;
    @Autowired
    UserAccountService accounts;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;

    SsoAccountProvisioner provisioner;

    @BeforeEach
    void provisioner() {
        provisioner = new SsoAccountProvisioner(users, links, audit,
                new SsoProperties("groups", Map.of("fleet-operators", "OPERATOR", "sig-maintainers", "maintainer")),
                clock);
    }

    private UserAccount signIn(ExternalIdentity identity) {
        return tx.execute(s -> provisioner.signIn(identity));
    }

    private static ExternalIdentity identity(String provider, String subject, String username, String email,
                                             boolean verified, List<String> groups) {
        return new ExternalIdentity(provider, subject, username, "Name " + username, email, verified,
                "https://avatars.example.org/" + username, "zh-CN", groups);
    }

    @Test
    void aNewIdentityBecomesAMemberWithMappedRoles() {
        String name = TestAccounts.uniqueUsername("new");
        UserAccount account = signIn(identity("kc", "s-" + name, name, name + "@example.org", true,
                List.of("fleet-operators", "sig-maintainers", "no-mapping")));

        assertThat(account.username()).isEqualTo(name);
        assertThat(account.roles()).containsExactlyInAnyOrder(Roles.MEMBER, Roles.OPERATOR, Roles.MAINTAINER);
        assertThat(account.emailVerified()).isTrue();
        assertThat(account.locale()).isEqualTo("zh-CN");
        assertThat(account.avatarUrl()).endsWith(name);
        assertThat(links.find("kc", "s-" + name)).isPresent();
    }

    @Test
    void aTakenUserNameGetsASuffix() {
        String name = TestAccounts.uniqueUsername("taken");
        accounts.signUp(new SignUpRequest(name, "Local", name + "@local.example.org", "local-password-1"));

        UserAccount account = signIn(identity("kc", "s-" + name, name, name + "@sso.example.org", true, List.of()));

        assertThat(account.username()).isEqualTo(name + "-2");
    }

    @Test
    void aVerifiedEmailLinksOnlyToAnAccountWhoseEmailIsVerifiedToo() {
        String name = TestAccounts.uniqueUsername("verified");
        UserAccount first = signIn(identity("kc", "a-" + name, name, name + "@example.org", true, List.of()));

        UserAccount second = signIn(identity("gh", "b-" + name, name + "x", name + "@example.org", true, List.of()));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(links.forUser(first.id())).hasSize(2);
    }

    @Test
    void anAddressInUseWithoutVerificationIsRefusedAndNothingIsWritten() {
        String name = TestAccounts.uniqueUsername("unverified");
        accounts.signUp(new SignUpRequest(name, "Local", name + "@example.org", "local-password-1"));

        assertThatThrownBy(() -> signIn(identity("kc", "c-" + name, name + "-sso", name + "@example.org", true,
                List.of())))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo("email_in_use"));
        assertThat(links.find("kc", "c-" + name)).isEmpty();
        assertThat(users.findByUsername(name + "-sso")).isEmpty();
    }

    @Test
    void mappedRolesAreReplacedAtEachSignInWhilePortalGrantsStay() {
        String name = TestAccounts.uniqueUsername("remap");
        UserAccount account = signIn(identity("kc", "d-" + name, name, name + "@example.org", true,
                List.of("fleet-operators")));
        tx.executeWithoutResult(s -> users.replaceRoles(account.id(),
                Set.of(Roles.MEMBER, Roles.OPERATOR, Roles.CONTRIBUTOR)));

        UserAccount again = signIn(identity("kc", "d-" + name, name, name + "@example.org", true,
                List.of("sig-maintainers")));

        assertThat(again.roles()).containsExactlyInAnyOrder(Roles.MEMBER, Roles.CONTRIBUTOR, Roles.MAINTAINER);
    }

    @Test
    void userNamesFromProvidersAreMadeValid() {
        assertThat(SsoAccountProvisioner.normalise("Li Na")).isEqualTo("li-na");
        assertThat(SsoAccountProvisioner.normalise("张伟")).isEqualTo("member");
        assertThat(SsoAccountProvisioner.normalise("x")).isEqualTo("x-member");
        assertThat(SsoAccountProvisioner.normalise("a".repeat(50))).hasSize(32);
    }
}
