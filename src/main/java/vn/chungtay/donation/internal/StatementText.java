package vn.chungtay.donation.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.chungtay.shared.text.VietnameseText;

/**
 * What a statement line's text says: the payment code donors write ({@code CT24640N12} for a need,
 * {@code CT1001} for a campaign; any case or spacing, also split by a line break), whether a credit
 * is not a gift (interest, a refund), and the sender's name.
 */
public final class StatementText {

    /** A payment code: a need of a commune, or a campaign. */
    public sealed interface Code permits NeedCode, CampaignCode {}

    public record NeedCode(String communeCode, long needId) implements Code {}

    public record CampaignCode(long campaignId) implements Code {}

    private static final Pattern NEED =
            Pattern.compile("(?<![A-Za-z0-9])C\\s*T\\s*(\\d{5})\\s*N\\s*(\\d{1,12})(?!\\d)");
    private static final Pattern CAMPAIGN =
            Pattern.compile("(?<![A-Za-z0-9])C\\s*T\\s*(\\d{4,12})(?![0-9])(?!\\s*N\\s*\\d)");
    private static final Pattern LINE_BREAK = Pattern.compile("[ \\t]*\\r?\\n[ \\t]*");
    private static final Pattern NOT_GIFT_INTEREST =
            Pattern.compile("\\b(tra lai tien gui|lai tien gui|lai nhap von|tien lai|interest)\\b");
    private static final Pattern NOT_GIFT_REFUND = Pattern.compile("\\b(hoan tien|hoan tra|refund|tra lai tien)\\b");
    private static final Pattern SENDER_A = Pattern.compile("(?i)\\bCT tu \\d{4,20} (.+?) toi \\d{4,20}");
    private static final Pattern ACCOUNT_SUFFIX = Pattern.compile("(?s)\\s*[–-]\\s*A/C.*$");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern SENDER_ACCOUNT = Pattern.compile("(?i)\\bCT tu (\\d{6,20}) ");
    private static final Pattern SENDER_B = Pattern.compile("(?i)\\bden:\\s*(.+?) chuyen tien");
    private static final Pattern NAME = Pattern.compile("[\\p{L} .'-]{2,100}");
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "\\b(tien mat|vang tien te|chuyen tien|ung ho|nop tien|cong ty|ngan hang|a c|chi nhanh)\\b");

    private StatementText() {}

    /**
     * The text without C0 control characters other than tab, line feed and carriage return: bank
     * exports sometimes carry stray control bytes (a NUL, which PostgreSQL cannot store in text), and
     * they mean nothing to a reader. Null stays null.
     */
    public static String withoutControls(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !isStrayControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isStrayControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isStrayControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    /** The most likely payment code in a message (the first of {@link #codes}). */
    public static Optional<Code> code(String message) {
        return codes(message).stream().findFirst();
    }

    /**
     * Every reading of the payment codes in a message, most likely first: need codes before
     * campaign codes; for a need code, the reading with line breaks removed first ("CT24640N1⏎2"
     * is need 12), then with line breaks as spaces; for a campaign code the other way round (ids
     * have at least four digits). The importer takes the first reading that names a real need or
     * campaign.
     */
    public static List<Code> codes(String message) {
        if (message == null || message.isBlank()) {
            return List.of();
        }
        String text = message.toUpperCase(Locale.ROOT);
        if (!mayHoldCode(text)) {
            return List.of();
        }
        boolean breaks = text.indexOf('\n') >= 0;
        String spaced = breaks ? LINE_BREAK.matcher(text).replaceAll(" ") : text;
        String joined = breaks ? LINE_BREAK.matcher(text).replaceAll("") : text;
        Set<Code> found = new LinkedHashSet<>();
        for (String variant : new String[] {joined, spaced}) {
            Matcher need = NEED.matcher(variant);
            while (need.find()) {
                found.add(new NeedCode(need.group(1), Long.parseLong(need.group(2))));
            }
        }
        for (String variant : new String[] {spaced, joined}) {
            Matcher campaign = CAMPAIGN.matcher(variant);
            while (campaign.find()) {
                found.add(new CampaignCode(Long.parseLong(campaign.group(1))));
            }
        }
        return List.copyOf(found);
    }

    /** Whether a "C", then blanks, then "T" and a digit occur: most messages are ruled out without a regex. */
    private static boolean mayHoldCode(String upper) {
        for (int i = upper.indexOf('C'); i >= 0; i = upper.indexOf('C', i + 1)) {
            int j = i + 1;
            while (j < upper.length() && Character.isWhitespace(upper.charAt(j))) {
                j++;
            }
            if (j < upper.length() && upper.charAt(j) == 'T') {
                j++;
                while (j < upper.length() && Character.isWhitespace(upper.charAt(j))) {
                    j++;
                }
                if (j < upper.length() && upper.charAt(j) >= '0' && upper.charAt(j) <= '9') {
                    return true;
                }
            }
        }
        return false;
    }

    /** Why a credit is not a gift ({@code INTEREST}, {@code REFUND}), if it is not one. */
    public static Optional<String> notAGift(String message) {
        String folded = fold(message);
        if (NOT_GIFT_INTEREST.matcher(folded).find()) {
            return Optional.of("INTEREST");
        }
        if (NOT_GIFT_REFUND.matcher(folded).find()) {
            return Optional.of("REFUND");
        }
        return Optional.empty();
    }

    /** {@link VietnameseText#fold}, with a quick path for plain ASCII text (most bank messages). */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return VietnameseText.fold(text);
            }
            if (c >= 'A' && c <= 'Z') {
                out.append((char) (c + 32));
                space = false;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
                space = false;
            } else if (c == '\'' || c == '`') {
                continue;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString();
    }

    /**
     * The sender's name from the counterparty column ("TRAN TIEN AN – A/C") or the message ("CT tu
     * 0101001222009 TRAN VAN AN toi …", "den: TRAN TIEN AN chuyen tien"), in title case; empty for
     * cash deposits, companies' boilerplate or anything that does not look like a name.
     */
    public static Optional<String> sender(String counterparty, String message) {
        Optional<String> fromColumn = name(
                counterparty == null ? "" : ACCOUNT_SUFFIX.matcher(counterparty).replaceAll(""));
        if (fromColumn.isPresent()) {
            return fromColumn;
        }
        String text = message == null ? "" : LINE_BREAK.matcher(message).replaceAll(" ");
        for (Pattern pattern : new Pattern[] {SENDER_A, SENDER_B}) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                Optional<String> name = name(matcher.group(1));
                if (name.isPresent()) {
                    return name;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The sender's own account number when the message shows it ("CT tu 0101001222009 TRAN VAN AN toi
     * …"); it tells two senders of the same name apart. Never published (the ledger masks it).
     */
    public static Optional<String> senderAccount(String message) {
        if (message == null || message.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = SENDER_ACCOUNT.matcher(LINE_BREAK.matcher(message).replaceAll(" "));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<String> name(String candidate) {
        String text = BLANKS.matcher(candidate).replaceAll(" ").strip();
        if (text.isEmpty() || !NAME.matcher(text).matches()) {
            return Optional.empty();
        }
        String folded = VietnameseText.fold(text);
        if (NOT_A_NAME.matcher(folded).find()) {
            return Optional.empty();
        }
        String[] words = text.split(" ");
        if (words.length < 2 || words.length > 7) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            String lower = word.toLowerCase(Locale.ROOT);
            out.append(Character.toUpperCase(lower.charAt(0))).append(lower.substring(1));
        }
        return Optional.of(out.toString());
    }
}
