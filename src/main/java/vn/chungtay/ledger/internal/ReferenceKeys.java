package vn.chungtay.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys by which a donor finds their transfer: the SHA-256 of every run of 6 or more digits in
 * the original message (spaces, dots and hyphens between digits ignored), so references can be
 * looked up although the published message shows them masked.
 */
public final class ReferenceKeys {

    private static final Pattern RUN = Pattern.compile("\\d(?:[ .\\-]?\\d){5,}");

    private ReferenceKeys() {}

    static List<String> of(String message) {
        if (message == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        Matcher matcher = RUN.matcher(message);
        while (matcher.find() && keys.size() < 20) {
            String digits = matcher.group().replaceAll("\\D", "");
            String key = key(digits);
            if (!keys.contains(key)) {
                keys.add(key);
            }
            // the pieces between separators too: "292976.010926.013647" is found by "013647"
            for (String part : matcher.group().split("[ .\\-]")) {
                if (part.length() >= 6 && !part.equals(digits) && keys.size() < 20) {
                    String partKey = key(part);
                    if (!keys.contains(partKey)) {
                        keys.add(partKey);
                    }
                }
            }
        }
        return keys;
    }

    /** The key of what a donor typed as a reference: its digits, or null when fewer than 6. */
    public static String ofTyped(String reference) {
        if (reference == null) {
            return null;
        }
        String digits = reference.replaceAll("\\D", "");
        return digits.length() < 6 ? null : key(digits);
    }

    private static String key(String digits) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(digits.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
