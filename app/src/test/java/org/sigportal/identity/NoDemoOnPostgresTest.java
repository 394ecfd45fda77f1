package org.sigportal.identity;

import org.junit.jupiter.api.Test;
import org.sigportal.support.PostgresDatabase;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL (production) profile starts without demo content, but still bootstraps the administrator. */
@PostgresDatabase
class NoDemoOnPostgresTest {

    @Autowired
    UserAccountService accounts;

    @Test
    void onlyTheAdministratorExists() {
        assertThat(accounts.findByUsername("admin")).isPresent();
        assertThat(accounts.findByUsername("zhang.wei")).isEmpty();
    }
}
