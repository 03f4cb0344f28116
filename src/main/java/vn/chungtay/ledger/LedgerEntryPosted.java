package vn.chungtay.ledger;

import java.time.LocalDate;
import vn.chungtay.campaign.CampaignId;

/** An entry was added to the ledger (published in the posting transaction). */
public record LedgerEntryPosted(
        LedgerEntryId id,
        CampaignId campaignId,
        EntryKind kind,
        LocalDate date,
        long amountDong,
        String communeCode,
        Long needId,
        Long donorId,
        String sourceRef) {}
