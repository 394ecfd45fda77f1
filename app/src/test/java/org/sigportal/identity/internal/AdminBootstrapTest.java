package org.sigportal.identity.internal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AdminBootstrapTest {

    @Test
    void generatedPasswordsAreLongAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String password = AdminBootstrap.randomPassword();
            assertThat(password).hasSize(20).matches("[A-Za-z2-9]+");
            assertThat(seen.add(password)).isTrue();
        }
    }
}
