package vn.chungtay.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.shared.money.Vnd;

/**
 * Posting to the ledger and reading it. Every posting runs in the caller's transaction (or its
 * own), appends one entry to the campaign's hash chain, and fails with {@link LedgerRuleBroken},
 * writing nothing, when it would take a balance below zero — checked by the database, so two
 * postings racing cannot both pass.
 */
public interface Ledger {

    LedgerEntry postReceipt(ReceiptPosting posting);

    /**
     * Many receipts at once (a bank statement's coded lines), in the caller's transaction, giving the
     * same entries, sequences and hashes as posting them one by one with {@link #postReceipt} in
     * this order. Every posting is checked before anything is written: the first one that breaks a
     * rule is refused as {@link ReceiptRejected} with its index, and nothing of the batch is
     * written. Each campaign's chain is locked once for the whole batch (single postings of the
     * same campaign wait for it), and one {@link LedgerReceiptsPosted} per campaign is audited.
     * Returns the entries in the postings' order.
     */
    List<LedgerEntry> postReceipts(List<ReceiptPosting> postings);

    /** An allocation to a need also records the funding on the need. */
    LedgerEntry allocate(AllocationPosting posting);

    LedgerEntry transfer(TransferPosting posting);

    LedgerEntry deliver(DeliveryPosting posting);

    /** Posts the opposite of an entry, with a reason; an entry is reversed at most once. */
    LedgerEntry reverse(LedgerEntryId entry, String reason);

    Optional<LedgerEntry> entry(LedgerEntryId id);

    CampaignTotals totals(CampaignId campaign);

    /** Money allocated to a need over all campaigns, less reversals. */
    Vnd allocatedToNeed(long needId);

    /** Money delivered from a need's allocations over all campaigns, less reversals. */
    Vnd deliveredFromNeed(long needId);

    /**
     * Money allocated to a need and not yet delivered, per campaign (campaigns with nothing left are
     * left out): what a delivery of the need may draw on, from which campaign.
     */
    Map<CampaignId, Vnd> undeliveredToNeed(long needId);

    /** Where one received gift went, first in, first out. */
    List<GiftDestination> whereWent(LedgerEntryId receipt);

    /**
     * Value per donor id in a period over the receipts of the given receiving units (all units
     * when empty): received, or delivered when {@code delivered} is true (delivery traced back to
     * the gifts it came from). Reversed entries do not count.
     */
    Map<Long, Vnd> valueByDonor(LocalDate from, LocalDate to, Collection<String> unitCodes, boolean delivered);

    ChainHead head(CampaignId campaign);

    /** The published daily heads of a campaign, newest first. */
    List<ChainHead> headHistory(CampaignId campaign);

    ChainCheck verify(CampaignId campaign);

    /** The entries posted for one record of another module ({@code sourceRef}, e.g. a donation's id), oldest first. */
    List<LedgerEntry> entriesFor(String sourceRef);

    /** Every account of a campaign that holds or held something, pools first. */
    List<LedgerBalance> balances(CampaignId campaign);
}
