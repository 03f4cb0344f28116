package vn.chungtay.outreach.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a photo must be: JPEG or PNG recognised by its first bytes (never by its name or the type
 * the browser claims), at most {@value #MAX_BYTES} bytes; stored with its SHA-256.
 */
public final class PhotoRules {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_PER_ACTIVITY = 10;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private PhotoRules() {}

    /** {@code image/jpeg} or {@code image/png} by the magic bytes; empty for anything else. */
    public static Optional<String> contentType(byte[] content) {
        if (startsWith(content, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, PNG)) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name without any path, control characters or quotes, at most 200 characters; a default when none is left. */
    public static String filename(String raw, String contentType) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "anh" + ("image/png".equals(contentType) ? ".png" : ".jpg");
        }
        while (name.getBytes(StandardCharsets.UTF_8).length > 200 || name.length() > 200) {
            name = name.substring(name.length() - 150);
        }
        return name;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content == null || content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
