package vn.chungtay.ledger;

import java.time.LocalDate;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.shared.money.Vnd;

/** Money (or {@code item}, whose value is {@code amount}) from a unit's pool in a campaign to a destination. */
public record AllocationPosting(
        CampaignId campaignId,
        String fromUnitCode,
        Destination to,
        LocalDate date,
        Vnd amount,
        Item item,
        String note) {}
