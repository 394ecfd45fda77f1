package org.sigportal.identity;

import org.junit.jupiter.api.Test;
import org.sigportal.audit.AuditFilter;
import org.sigportal.audit.AuditService;
import org.sigportal.base.Roles;
import org.sigportal.support.H2Database;
import org.sigportal.support.PortalHttpClient;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/** On an empty embedded database: the administrator is bootstrapped and demo members are seeded, marked as demo. */
@H2Database
class FirstStartH2Test {

    @Autowired
    UserAccountService accounts;
    @Autowired
    AuditService audit;
    @LocalServerPort
    int port;

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void theAdministratorIsCreatedOnceWithTheConfiguredPassword() {
        UserAccount admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(admin.roles()).contains(Roles.ADMIN, Roles.MEMBER);
        assertThat(audit.count(new AuditFilter("system", "account.bootstrap-admin", null, null, null, null)))
                .isEqualTo(1);
        assertThat(new PortalHttpClient(port).signIn("admin", TestAccounts.ADMIN_PASSWORD)
                .headers().firstValue("Location")).get().asString().doesNotContain("error");
    }

    @Test
    void demoMembersAreMarkedAndCannotSignIn() {
        UserAccount demo = accounts.findByUsername("zhang.wei").orElseThrow();
        assertThat(demo.demo()).isTrue();
        assertThat(demo.displayName()).contains("demo");
        assertThat(demo.roles()).contains(Roles.MAINTAINER);
        assertThat(new PortalHttpClient(port).signIn("zhang.wei", "")
                .headers().firstValue("Location")).get().asString().endsWith("error");
    }
}
