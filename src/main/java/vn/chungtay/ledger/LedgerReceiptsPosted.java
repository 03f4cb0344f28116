package vn.chungtay.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * A batch of receipts was added to one campaign's chain ({@link Ledger#postReceipts}, e.g. a bank
 * statement's coded lines): one audit entry for the batch, naming the first and last entry and
 * sequence (the entries in between are the batch's, gapless), how many and how much. Each entry
 * also carries who posted it ({@code created_by}) and its {@code source_ref}.
 */
public record LedgerReceiptsPosted(
        CampaignId campaignId,
        String unitCode,
        LedgerEntryId firstId,
        LedgerEntryId lastId,
        long firstSequence,
        long lastSequence,
        int count,
        long amountDong)
        implements AuditedChange {

    @Override
    public String action() {
        return "POST_BATCH";
    }

    @Override
    public String entityType() {
        return "LedgerEntry";
    }

    @Override
    public String entityId() {
        return firstId + "-" + lastId;
    }

    @Override
    public Map<String, Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, Object> after() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("campaignId", campaignId.value());
        after.put("kind", EntryKind.RECEIPT.name());
        after.put("firstSequence", firstSequence);
        after.put("lastSequence", lastSequence);
        after.put("count", count);
        after.put("amountDong", amountDong);
        return after;
    }
}
