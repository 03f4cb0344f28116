package vn.chungtay.ledger;

import java.time.LocalDate;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.shared.money.Vnd;

/**
 * One immutable entry as stored: its place in the campaign's chain ({@code sequence} from 1), the
 * accounts it moves value between (e.g. {@code POOL:24640}, {@code NEED:123}), the public fields and
 * the hashes. {@code reverses} is the entry a reversal undoes.
 */
public record LedgerEntry(
        LedgerEntryId id,
        CampaignId campaignId,
        long sequence,
        EntryKind kind,
        LocalDate date,
        Vnd amount,
        Item item,
        String fromAccount,
        String toAccount,
        String communeCode,
        String villageCode,
        String categoryCode,
        Long needId,
        Long donorId,
        String donorPublicName,
        String publicMessage,
        int childrenCount,
        LedgerEntryId reverses,
        String reason,
        String sourceRef,
        String previousHash,
        String hash) {}
