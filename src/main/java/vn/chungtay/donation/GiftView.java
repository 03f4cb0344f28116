package vn.chungtay.donation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.chungtay.shared.money.Vnd;

/**
 * A gift as recorded, with the donor as they were at the time (kind, domestic, name, public name)
 * and its receipt number; {@code reversedAt} is set on a gift that was reversed, with the reason.
 */
public record GiftView(
        GiftId id,
        long campaignId,
        String receivingUnitCode,
        Channel channel,
        long donorId,
        String donorKind,
        boolean donorDomestic,
        String donorName,
        String donorPublicName,
        String donorEmail,
        Vnd amount,
        LocalDate receivedOn,
        Long needId,
        String earmarkCommuneCode,
        String earmarkCategoryCode,
        String message,
        String receivedBy,
        String recordedBy,
        int receiptYear,
        int receiptSequence,
        List<Item> items,
        Instant reversedAt,
        String reversedBy,
        String reverseReason,
        Instant createdAt) {

    /** Goods of a gift in kind. */
    public record Item(String name, long quantity, String unit, Vnd value, String condition, LocalDate expiresOn) {}

    public GiftView {
        items = List.copyOf(items);
    }

    /** The receipt number as printed: {@code 15/2026/BN-24640}. */
    public String receiptNumber() {
        return receiptNumber(receiptSequence, receiptYear, receivingUnitCode);
    }

    public static String receiptNumber(int sequence, int year, String unitCode) {
        return sequence + "/" + year + "/BN-" + unitCode;
    }

    public boolean reversed() {
        return reversedAt != null;
    }

    public boolean earmarked() {
        return needId != null || earmarkCommuneCode != null || earmarkCategoryCode != null;
    }
}
