package vn.chungtay.donation.web;

import java.util.List;
import vn.chungtay.donation.GiftView;

/** A gift in the API. */
record DonationJson(
        long id,
        String receiptNumber,
        long campaignId,
        String receivingUnitCode,
        String channel,
        long donorId,
        String donorKind,
        boolean donorDomestic,
        String donorPublicName,
        long amount,
        String receivedOn,
        Long needId,
        String communeCode,
        String categoryCode,
        String message,
        String receivedBy,
        List<ItemJson> items,
        boolean reversed,
        String reverseReason) {

    record ItemJson(String name, long quantity, String unit, long value, String condition, String expiresOn) {}

    static DonationJson of(GiftView g) {
        return new DonationJson(
                g.id().value(),
                g.receiptNumber(),
                g.campaignId(),
                g.receivingUnitCode(),
                g.channel().name(),
                g.donorId(),
                g.donorKind(),
                g.donorDomestic(),
                g.donorPublicName(),
                g.amount().dong(),
                g.receivedOn().toString(),
                g.needId(),
                g.earmarkCommuneCode(),
                g.earmarkCategoryCode(),
                g.message(),
                g.receivedBy(),
                g.items().stream()
                        .map(i -> new ItemJson(
                                i.name(),
                                i.quantity(),
                                i.unit(),
                                i.value().dong(),
                                i.condition(),
                                i.expiresOn() == null ? null : i.expiresOn().toString()))
                        .toList(),
                g.reversed(),
                g.reverseReason());
    }
}
