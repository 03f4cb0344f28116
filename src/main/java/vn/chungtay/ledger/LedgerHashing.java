package vn.chungtay.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The one definition of a ledger entry's hash, used by the application when it posts and checks
 * entries, by the public CSV and by the stand-alone verifier (plain Java, no Spring). Described for
 * people who write their own verifier in {@code docs/ledger-hashing.md}.
 *
 * <p>The hashed text is the entry's public fields in the order of {@link #FIELDS}, followed by the
 * previous entry's hash (64 zeros for the first entry of a campaign), each written as a netstring:
 * the number of its UTF-8 bytes in decimal, a colon, the UTF-8 bytes, a comma. A missing value is
 * the empty string. The hash is the SHA-256 of those bytes in lower-case hexadecimal.
 */
public final class LedgerHashing {

    /** The previous hash of every campaign's first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** The public fields an entry's hash covers, in hashing order (also the first CSV columns). */
    public static final List<String> FIELDS = List.of(
            "campaign_id",
            "sequence",
            "kind",
            "date",
            "amount_dong",
            "item_name",
            "item_unit",
            "item_quantity",
            "from_account",
            "to_account",
            "commune_code",
            "village_code",
            "category_code",
            "need_id",
            "donor_public_name",
            "public_message",
            "children_count",
            "reverses_sequence",
            "reason");

    /** The columns of the public CSV: the hashed fields, then the previous hash and the hash. */
    public static final List<String> CSV_COLUMNS = columns();

    private static final String FORMULA_STARTS = "=+-@\t\r'";

    private LedgerHashing() {}

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(FIELDS);
        columns.add("previous_hash");
        columns.add("hash");
        return List.copyOf(columns);
    }

    /**
     * The canonical values of an entry's public fields, in {@link #FIELDS} order; a reversal names
     * the entry it undoes by that entry's {@code reversesSequence} in the same campaign.
     */
    public static List<String> publicFields(LedgerEntry entry, Long reversesSequence) {
        Item item = entry.item();
        return publicFields(
                entry.campaignId().value(),
                entry.sequence(),
                entry.kind().name(),
                entry.date(),
                entry.amount().dong(),
                item == null ? null : item.name(),
                item == null ? null : item.unit(),
                item == null ? null : item.quantity(),
                entry.fromAccount(),
                entry.toAccount(),
                entry.communeCode(),
                entry.villageCode(),
                entry.categoryCode(),
                entry.needId(),
                entry.donorPublicName(),
                entry.publicMessage(),
                entry.childrenCount(),
                reversesSequence,
                entry.reason());
    }

    /**
     * The canonical values of the public fields as stored, in {@link #FIELDS} order: numbers in
     * decimal without grouping, the date as {@code yyyy-MM-dd}, {@code DONOR:<id>} as
     * {@code DONOR}, a missing value as the empty string, text exactly as stored.
     */
    public static List<String> publicFields(
            long campaignId,
            long sequence,
            String kind,
            LocalDate date,
            long amountDong,
            String itemName,
            String itemUnit,
            Long itemQuantity,
            String fromAccount,
            String toAccount,
            String communeCode,
            String villageCode,
            String categoryCode,
            Long needId,
            String donorPublicName,
            String publicMessage,
            int childrenCount,
            Long reversesSequence,
            String reason) {
        return List.of(
                Long.toString(campaignId),
                Long.toString(sequence),
                kind,
                date.toString(),
                Long.toString(amountDong),
                text(itemName),
                text(itemUnit),
                number(itemQuantity),
                publicAccount(fromAccount),
                publicAccount(toAccount),
                text(communeCode),
                text(villageCode),
                text(categoryCode),
                number(needId),
                text(donorPublicName),
                text(publicMessage),
                Integer.toString(childrenCount),
                number(reversesSequence),
                text(reason));
    }

    /** The hash of an entry with these public field values (in {@link #FIELDS} order) after {@code previousHash}. */
    public static String hash(List<String> fields, String previousHash) {
        if (fields.size() != FIELDS.size()) {
            throw new IllegalArgumentException("expected " + FIELDS.size() + " fields, got " + fields.size());
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String field : fields) {
            netstring(sha256, field);
        }
        netstring(sha256, previousHash);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The bytes that are hashed, as text (for the documentation and for people debugging a verifier). */
    public static String hashedText(List<String> fields, String previousHash) {
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            out.append(field.getBytes(StandardCharsets.UTF_8).length)
                    .append(':')
                    .append(field)
                    .append(',');
        }
        return out.append(previousHash.getBytes(StandardCharsets.UTF_8).length)
                .append(':')
                .append(previousHash)
                .append(',')
                .toString();
    }

    private static void netstring(MessageDigest digest, String value) {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        digest.update((byte) ',');
    }

    /** An account as the public sees it: {@code DONOR:<id>} becomes {@code DONOR} (donor ids are private). */
    public static String publicAccount(String account) {
        if (account == null) {
            return "";
        }
        return account.startsWith("DONOR:") ? "DONOR" : account;
    }

    /**
     * A value as written into a CSV cell (before RFC 4180 quoting): a value that a spreadsheet would
     * take for a formula (starting with {@code = + - @}, a tab or a carriage return), or that starts
     * with an apostrophe, gets one apostrophe in front. {@link #fromCell} undoes it.
     */
    public static String toCell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** The value a CSV cell holds: without the leading apostrophe {@link #toCell} added. */
    public static String fromCell(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return cell.charAt(0) == '\'' ? cell.substring(1) : cell;
    }

    /** One CSV line (RFC 4180, CRLF-terminated) of cell values already passed through {@link #toCell}. */
    public static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0
                    || cell.indexOf('"') >= 0
                    || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                line.append(cell);
            }
        }
        return line.append("\r\n").toString();
    }

    private static String number(Long value) {
        return value == null ? "" : Long.toString(value);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
