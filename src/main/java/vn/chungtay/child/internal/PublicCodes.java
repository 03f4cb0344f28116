package vn.chungtay.child.internal;

import java.security.SecureRandom;

/**
 * Public codes such as {@code TE-7F3K9Q}: six random characters of an alphabet without look-alikes
 * (no 0/O, 1/I/L), so a code says nothing about the child, the place or the order of registration.
 */
public final class PublicCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicCodes() {}

    public static String next() {
        StringBuilder code = new StringBuilder("TE-");
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public static boolean isWellFormed(String code) {
        return code != null && code.matches("TE-[" + ALPHABET + "]{6}");
    }
}
