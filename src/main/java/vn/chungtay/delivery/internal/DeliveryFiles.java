package vn.chungtay.delivery.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a delivery file may be: JPEG, PNG or PDF, told by its first bytes (never by its name or the
 * type the browser claims), at most 10 MB; and its SHA-256.
 */
public final class DeliveryFiles {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_MEGABYTES = MAX_BYTES / (1024 * 1024);

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    private DeliveryFiles() {}

    /** The content type the bytes show, or empty when they are none of JPEG, PNG and PDF. */
    public static Optional<String> sniff(byte[] content) {
        if (startsWith(content, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, PDF)) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The name a device gave the file, without a path, at most 200 characters; null when none. */
    public static String cleanName(String originalName) {
        if (originalName == null) {
            return null;
        }
        String name = originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("\\p{Cntrl}", "");
        if (name.isEmpty()) {
            return null;
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content == null || content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
