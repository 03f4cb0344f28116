package vn.chungtay.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Personal access token secrets: {@code ct_} and 43 random URL-safe characters; stored as SHA-256. */
final class ApiTokenSecrets {

    static final String PREFIX = "ct_";
    static final int SHOWN_PREFIX_LENGTH = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecrets() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean looksLikeToken(String secret) {
        return secret != null && secret.startsWith(PREFIX) && secret.length() > SHOWN_PREFIX_LENGTH;
    }

    static String shownPrefix(String secret) {
        return secret.substring(0, SHOWN_PREFIX_LENGTH);
    }

    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
