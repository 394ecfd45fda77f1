package org.sigportal.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Token secrets: {@code sigp_} and 40 random base-62 characters (about 238 bits). Such a secret cannot be
 * guessed, so a fast SHA-256 hash is enough to store it (unlike a password, which needs a slow hash).
 */
public final class TokenSecrets {

    public static final String MARKER = "sigp_";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    public static String newSecret() {
        StringBuilder sb = new StringBuilder(MARKER);
        for (int i = 0; i < 40; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The first characters, shown in listings so the owner can tell tokens apart. */
    public static String prefix(String secret) {
        return secret.substring(0, Math.min(12, secret.length()));
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean looksLikeToken(String value) {
        return value.startsWith(MARKER) && value.length() == MARKER.length() + 40;
    }
}
