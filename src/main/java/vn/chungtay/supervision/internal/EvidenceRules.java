package vn.chungtay.supervision.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Evidence files: PDF, JPEG or PNG recognised by their first bytes, at most {@value #MAX_BYTES} bytes. */
public final class EvidenceRules {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private EvidenceRules() {}

    public static Optional<String> contentType(byte[] content) {
        if (starts(content, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return Optional.of("application/pdf");
        }
        if (starts(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
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

    /** The name without any path or control characters, at most 200 characters. */
    public static String filename(String raw, String contentType) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "minh-chung"
                    + switch (contentType) {
                        case "application/pdf" -> ".pdf";
                        case "image/png" -> ".png";
                        default -> ".jpg";
                    };
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static boolean starts(byte[] content, byte[] magic) {
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
