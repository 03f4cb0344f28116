package vn.chungtay.ledger;

import java.time.LocalDate;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.shared.money.Vnd;

/**
 * A gift entering the ledger. {@code amount} is the money, or the estimated value of {@code item}
 * for a gift in kind; {@code donorPublicName} is what the public account shows ("Ẩn danh" when the
 * donor asked for it); {@code message} is the transfer message, masked by the ledger before it is
 * published; {@code sourceRef} the donation's id in the donation module.
 */
public record ReceiptPosting(
        CampaignId campaignId,
        String receivingUnitCode,
        LocalDate date,
        Vnd amount,
        Item item,
        long donorId,
        String donorPublicName,
        String message,
        String sourceRef) {}
