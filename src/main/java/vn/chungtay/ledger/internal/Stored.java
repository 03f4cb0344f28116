package vn.chungtay.ledger.internal;

import java.time.LocalDate;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.ledger.EntryKind;
import vn.chungtay.ledger.Item;
import vn.chungtay.ledger.LedgerEntry;
import vn.chungtay.ledger.LedgerEntryId;
import vn.chungtay.shared.money.Vnd;

/** A ledger row as stored, with what the public entry does not carry (item key, the reversed entry's sequence). */
public record Stored(
        long id,
        long campaignId,
        long sequence,
        EntryKind kind,
        LocalDate date,
        long amount,
        Item item,
        String itemKey,
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
        Long reversesId,
        Long reversesSequence,
        String reason,
        String sourceRef,
        String previousHash,
        String hash) {

    /** The same entry with the id the database gave it. */
    Stored withId(long newId) {
        return new Stored(
                newId,
                campaignId,
                sequence,
                kind,
                date,
                amount,
                item,
                itemKey,
                fromAccount,
                toAccount,
                communeCode,
                villageCode,
                categoryCode,
                needId,
                donorId,
                donorPublicName,
                publicMessage,
                childrenCount,
                reversesId,
                reversesSequence,
                reason,
                sourceRef,
                previousHash,
                hash);
    }

    public LedgerEntry view() {
        return new LedgerEntry(
                new LedgerEntryId(id),
                new CampaignId(campaignId),
                sequence,
                kind,
                date,
                Vnd.of(amount),
                item,
                fromAccount,
                toAccount,
                communeCode,
                villageCode,
                categoryCode,
                needId,
                donorId,
                donorPublicName,
                publicMessage,
                childrenCount,
                reversesId == null ? null : new LedgerEntryId(reversesId),
                reason,
                sourceRef,
                previousHash,
                hash);
    }
}
