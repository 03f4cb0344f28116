package vn.chungtay.ledger;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks account and phone numbers in a transfer message before it is published: every run of 8 or
 * more digits, also written with single spaces, dots or hyphens between them ({@code 0904 000 000},
 * {@code 0904.000.000}), keeps its first four and last three digits around four stars
 * ({@code 0101001222009} → {@code 0101****009}); a run of 8 or 9 digits keeps two and two. Digits of
 * any script count (full-width {@code ０９０４…} too, and a run touching one). Amounts
 * grouped in thousands ({@code 10.000.000}, {@code 1,500,000}) and dates ({@code 01.09.2026}) are
 * left alone.
 */
public final class MessageMasking {

    private static final Pattern DIGIT_RUN =
            Pattern.compile("(?<![\\p{Nd}])\\p{Nd}(?:[ .\\-]?\\p{Nd}){7,}(?![\\p{Nd}])");
    private static final Pattern GROUPED_AMOUNT = Pattern.compile("[1-9]\\d{0,2}(?:([.,])\\d{3})(?:\\1\\d{3})*");
    private static final Pattern DATE = Pattern.compile("\\d{1,2}([.\\-])\\d{1,2}\\1\\d{4}");

    private MessageMasking() {}

    /** The message with its account and phone numbers masked; null stays null. */
    public static String mask(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = DIGIT_RUN.matcher(message);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String run = matcher.group();
            String replacement = isAmountOrDate(run) ? run : masked(run.replaceAll("\\P{Nd}", ""));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static boolean isAmountOrDate(String run) {
        return GROUPED_AMOUNT.matcher(run).matches() || DATE.matcher(run).matches();
    }

    private static String masked(String digits) {
        if (digits.length() < 10) {
            return digits.substring(0, 2) + "****" + digits.substring(digits.length() - 2);
        }
        return digits.substring(0, 4) + "****" + digits.substring(digits.length() - 3);
    }
}
