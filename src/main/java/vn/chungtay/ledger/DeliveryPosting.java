package vn.chungtay.ledger;

import java.time.LocalDate;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.shared.money.Vnd;

/**
 * Money or items of an allocation handed over: how many children received it (never who);
 * {@code sourceRef} is the delivery's id in the delivery module.
 */
public record DeliveryPosting(
        CampaignId campaignId,
        Destination from,
        LocalDate date,
        Vnd amount,
        Item item,
        int childrenCount,
        String sourceRef) {}
