package vn.chungtay.ledger;

import java.time.LocalDate;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.shared.money.Vnd;

/** Money or items from one unit's pool to another's within a campaign (e.g. province to commune). */
public record TransferPosting(
        CampaignId campaignId,
        String fromUnitCode,
        String toUnitCode,
        LocalDate date,
        Vnd amount,
        Item item,
        String note) {}
