package org.sigportal.identity;

import org.junit.jupiter.api.Test;
import org.sigportal.audit.AuditEntry;
import org.sigportal.audit.AuditFilter;
import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.sigportal.base.ConcurrentEditException;
import org.sigportal.base.PortalException;
import org.sigportal.base.Roles;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Account behaviour every supported database must show; run by one subclass per database. */
abstract class AccountServiceContract {

    @Autowired
    UserAccountService accounts;
    @Autowired
    AuditService audit;

    UserAccount signUp(String username) {
        return accounts.signUp(new SignUpRequest(username, "Tester " + username, username + "@example.org",
                "a-long-password"));
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void signUpCreatesAMemberAndAuditsIt() {
        String name = TestAccounts.uniqueUsername("new");
        UserAccount created = signUp(name);

        assertThat(created.username()).isEqualTo(name);
        assertThat(created.roles()).containsExactly(Roles.MEMBER);
        assertThat(created.enabled()).isTrue();
        List<AuditEntry> entries = audit.find(new AuditFilter(null, "account.sign-up", null, null, null, name), 0, 10);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(name);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        });
    }

    @Test
    void signUpNormalisesTheUserNameToLowerCase() {
        String name = TestAccounts.uniqueUsername("mixed");
        UserAccount created = accounts.signUp(new SignUpRequest(" " + name.toUpperCase() + " ", "Mixed",
                name + "@example.org", "a-long-password"));
        assertThat(created.username()).isEqualTo(name);
    }

    @Test
    void signUpRefusesATakenUserNameOnItsField() {
        String name = TestAccounts.uniqueUsername("taken");
        signUp(name);

        assertThatThrownBy(() -> accounts.signUp(new SignUpRequest(name, "Other", "other-" + name + "@example.org",
                "another-long-password")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("username");
                    assertThat(e.messageKey()).isEqualTo("account.error.username-taken");
                });
        assertThat(accounts.findByUsername(name)).get().extracting(UserAccount::displayName)
                .isEqualTo("Tester " + name);
    }

    @Test
    void signUpRefusesATakenEmailIgnoringCase() {
        String first = TestAccounts.uniqueUsername("mail");
        signUp(first);
        String second = TestAccounts.uniqueUsername("mail");

        assertThatThrownBy(() -> accounts.signUp(new SignUpRequest(second, "Second",
                (first + "@EXAMPLE.org").toUpperCase(), "a-long-password")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(accounts.findByUsername(second)).isEmpty();
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingIsWritten() {
        String name = TestAccounts.uniqueUsername("bad");
        assertThatThrownBy(() -> accounts.signUp(new SignUpRequest(name, "Bad", "not-an-email", "a-long-password")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.error.email-format"));
        assertThatThrownBy(() -> accounts.signUp(new SignUpRequest(name, "Bad", name + "@example.org", "short")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.error.password-short"));
        assertThatThrownBy(() -> accounts.signUp(new SignUpRequest("A", "Bad", name + "@example.org",
                "a-long-password")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.error.username-format"));
        assertThatThrownBy(() -> accounts.signUp(new SignUpRequest(name, " ", name + "@example.org",
                "a-long-password")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("displayName"));
        assertThat(accounts.findByUsername(name)).isEmpty();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void concurrentRoleChangesEndInAConflictNotASilentOverwrite() {
        String name = TestAccounts.uniqueUsername("roles");
        UserAccount loaded = signUp(name);

        // Two administrators opened the same account; the first one saves.
        accounts.changeRoles(name, loaded.version(), Set.of(Roles.OPERATOR));

        assertThatThrownBy(() -> accounts.changeRoles(name, loaded.version(), Set.of(Roles.MAINTAINER)))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(accounts.findByUsername(name).orElseThrow().roles())
                .containsExactlyInAnyOrder(Roles.MEMBER, Roles.OPERATOR);
        assertThat(audit.find(new AuditFilter(null, "user.roles-change", AuditOutcome.FAILURE, null, null, name),
                0, 10)).hasSize(1);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void theLastEnabledAdministratorKeepsTheRole() {
        UserAccount admin = accounts.findByUsername("admin").orElseThrow();
        assertThatThrownBy(() -> accounts.changeRoles("admin", admin.version(), Set.of(Roles.MEMBER)))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("users.error.last-admin"));
        assertThatThrownBy(() -> accounts.setEnabled("admin", admin.version(), false))
                .isInstanceOf(PortalException.class);
        assertThat(accounts.findByUsername("admin").orElseThrow().roles()).contains(Roles.ADMIN);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void unknownRolesAreRefused() {
        String name = TestAccounts.uniqueUsername("unknown");
        UserAccount loaded = signUp(name);
        assertThatThrownBy(() -> accounts.changeRoles(name, loaded.version(), Set.of("ROOT")))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("users.error.unknown-role"));
    }

    @Test
    @WithMockUser(username = "someone", roles = "MEMBER")
    void onlyAdministratorsManageAccounts() {
        assertThatThrownBy(() -> accounts.list(null, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.changeRoles("admin", 0, Set.of(Roles.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.find(AuditFilter.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void disablingAnAccountIsVersionedAndAudited() {
        String name = TestAccounts.uniqueUsername("disable");
        UserAccount loaded = signUp(name);

        UserAccount disabled = accounts.setEnabled(name, loaded.version(), false);

        assertThat(disabled.enabled()).isFalse();
        assertThatThrownBy(() -> accounts.setEnabled(name, loaded.version(), true))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(audit.find(new AuditFilter("admin", "user.disable", AuditOutcome.SUCCESS, null, null, name), 0, 10))
                .hasSize(1);
    }
}
