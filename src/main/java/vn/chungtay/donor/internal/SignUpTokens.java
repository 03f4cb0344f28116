package vn.chungtay.donor.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random sign-up link tokens (256 bits, URL-safe) and the SHA-256 under which they are stored. */
public final class SignUpTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SignUpTokens() {}

    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Whether a string could be a token at all: checked before any database lookup. */
    public static boolean plausible(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
