package org.sigportal.base.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

    @TempDir
    Path data;

    @Test
    void secretsRoundTripAndNeverAppearInTheStoredForm() {
        CredentialCipher cipher = new CredentialCipher("", true, data.toString());
        String stored = cipher.encrypt("{\"token\":\"very-secret\"}");
        assertThat(stored).startsWith("v1:").doesNotContain("very-secret");
        assertThat(cipher.encrypt("{\"token\":\"very-secret\"}")).isNotEqualTo(stored);
        assertThat(cipher.decrypt(stored)).contains("very-secret");
        // The generated key is kept, so a restart can still read the credentials.
        assertThat(new CredentialCipher("", true, data.toString()).decrypt(stored)).contains("very-secret");
    }

    @Test
    void withoutAKeyOutsideTheEmbeddedDefaultThePortalRefusesToStart() {
        assertThatThrownBy(() -> new CredentialCipher("", false, data.toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PORTAL_SECRETS_KEY");
        assertThatThrownBy(() -> new CredentialCipher("c2hvcnQ=", false, data.toString()))
                .hasMessageContaining("32 random bytes");
    }

    @Test
    void aWrongKeyCannotReadStoredCredentials() {
        String key1 = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        String stored = new CredentialCipher(key1, false, data.toString()).encrypt("secret");
        assertThatThrownBy(() -> new CredentialCipher(Base64.getEncoder().encodeToString(other), false,
                data.toString()).decrypt(stored)).isInstanceOf(IllegalStateException.class);
    }
}
