package org.sigportal.base.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

    private static final String H2 = "jdbc:h2:file:./data/portal";

    @TempDir
    Path data;

    @Test
    void secretsRoundTripAndNeverAppearInTheStoredForm() {
        CredentialCipher cipher = new CredentialCipher("", true, data.toString(), H2);
        String stored = cipher.encrypt("{\"token\":\"very-secret\"}");
        assertThat(stored).startsWith("v1:").doesNotContain("very-secret");
        assertThat(cipher.encrypt("{\"token\":\"very-secret\"}")).isNotEqualTo(stored);
        assertThat(cipher.decrypt(stored)).contains("very-secret");
        // The generated key is kept, so a restart can still read the credentials.
        assertThat(new CredentialCipher("", true, data.toString(), H2).decrypt(stored)).contains("very-secret");
    }

    @Test
    void withoutAKeyOutsideTheEmbeddedDefaultThePortalRefusesToStart() {
        assertThatThrownBy(() -> new CredentialCipher("", false, data.toString(), H2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PORTAL_SECRETS_KEY");
        assertThatThrownBy(() -> new CredentialCipher("c2hvcnQ=", false, data.toString(), H2))
                .hasMessageContaining("32 random bytes");
    }

    @Test
    void aKeyIsNeverGeneratedForADatabaseOtherThanTheEmbeddedOne() {
        assertThatThrownBy(() -> new CredentialCipher("", true, data.toString(),
                "jdbc:postgresql://db.example.org:5432/portal"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PORTAL_SECRETS_KEY");
        assertThat(data.resolve("secrets.key")).doesNotExist();
    }

    @Test
    void aWrongKeyCannotReadStoredCredentials() {
        String key1 = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        String stored = new CredentialCipher(key1, false, data.toString(), H2).encrypt("secret");
        assertThatThrownBy(() -> new CredentialCipher(Base64.getEncoder().encodeToString(other), false,
                data.toString(), H2).decrypt(stored)).isInstanceOf(IllegalStateException.class);
    }
}
