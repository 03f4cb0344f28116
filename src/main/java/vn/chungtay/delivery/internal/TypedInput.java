package vn.chungtay.delivery.internal;

import java.time.LocalDate;

/** Numbers, money and dates as officers type them on a phone; null when the text is not one. */
public final class TypedInput {

    private TypedInput() {}

    public static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    /** A whole number of at most 12 digits, or null. */
    public static Long wholeNumber(String text) {
        String value = trimmed(text);
        if (!value.matches("\\d{1,12}")) {
            return null;
        }
        return Long.parseLong(value);
    }

    /** Whole đồng: {@code 150000}, {@code 150.000}, {@code 150,000} or {@code 150 000 đ}; null otherwise. */
    public static Long dong(String text) {
        String value = trimmed(text).replaceAll("(?iu)\\s*(₫|đ|vnd|đồng)$", "");
        if (value.matches("\\d{1,3}([.,\\s]\\d{3})+")) {
            value = value.replaceAll("[.,\\s]", "");
        }
        return wholeNumber(value);
    }

    /** An ISO date ({@code 2026-10-17}) or a Vietnamese one ({@code 17/10/2026}); null otherwise. */
    public static LocalDate date(String text) {
        String value = trimmed(text);
        try {
            if (value.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] p = value.split("/");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
            return LocalDate.parse(value);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
