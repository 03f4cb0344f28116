package vn.chungtay.ledger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.shared.audit.AuditedChange;

/** An entry was added to the ledger (published in the posting transaction; the audit trail records it). */
public record LedgerEntryPosted(
        LedgerEntryId id,
        CampaignId campaignId,
        EntryKind kind,
        LocalDate date,
        long amountDong,
        String communeCode,
        Long needId,
        Long donorId,
        String sourceRef)
        implements AuditedChange {

    @Override
    public String action() {
        return "POST";
    }

    @Override
    public String entityType() {
        return "LedgerEntry";
    }

    @Override
    public String entityId() {
        return id.toString();
    }

    @Override
    public String unitCode() {
        return communeCode;
    }

    @Override
    public Map<String, Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, Object> after() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("campaignId", campaignId.value());
        after.put("kind", kind.name());
        after.put("date", date.toString());
        after.put("amountDong", amountDong);
        after.put("communeCode", communeCode);
        after.put("needId", needId);
        after.put("donorId", donorId);
        after.put("sourceRef", sourceRef);
        return after;
    }
}
