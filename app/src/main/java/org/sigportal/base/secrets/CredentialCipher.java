package org.sigportal.base.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts secrets stored in the database (cluster credentials, webhook secrets) at rest with AES-256-GCM, for
 * every feature that keeps one. The key comes from {@code PORTAL_SECRETS_KEY}
 * (base64 of 32 bytes). Only the embedded default may generate one, into a file in its data folder; any other
 * set-up without a key refuses to start.
 */
@Component
public class CredentialCipher {

    private static final Logger log = LoggerFactory.getLogger(CredentialCipher.class);
    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    CredentialCipher(@Value("${portal.secrets.key:}") String configuredKey,
                     @Value("${portal.secrets.generate-key:false}") boolean mayGenerate,
                     @Value("${portal.data-dir:./data}") String dataDir,
                     @Value("${spring.datasource.url:}") String datasourceUrl) {
        // A generated key lives beside the embedded H2 database; any other database needs a key of its own, even
        // if the setting that allows generation was left on.
        boolean embedded = datasourceUrl.startsWith("jdbc:h2:");
        this.key = new SecretKeySpec(resolve(configuredKey, mayGenerate && embedded, Path.of(dataDir)), "AES");
    }

    static byte[] resolve(String configured, boolean mayGenerate, Path dataDir) {
        if (!configured.isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(configured.trim());
            if (bytes.length != 32) {
                throw new IllegalStateException("PORTAL_SECRETS_KEY must be the base64 of 32 random bytes "
                        + "(for example: openssl rand -base64 32)");
            }
            return bytes;
        }
        if (!mayGenerate) {
            throw new IllegalStateException("No encryption key for stored secrets: set PORTAL_SECRETS_KEY "
                    + "to the base64 of 32 random bytes (for example: openssl rand -base64 32)");
        }
        Path file = dataDir.resolve("secrets.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(dataDir);
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            log.info("Generated the encryption key for stored secrets in the data folder");
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    public String decrypt(String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Unknown credential format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt stored credentials: wrong PORTAL_SECRETS_KEY?", e);
        }
    }
}
