package vn.chungtay.donation;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** A gift was reversed with a reason: its ledger entries were undone by reversing entries. */
public record DonationReversed(GiftId id, String unitCode, String reason, Map<String, Object> before)
        implements AuditedChange {

    public DonationReversed {
        before = Map.copyOf(before);
    }

    @Override
    public String action() {
        return "REVERSE";
    }

    @Override
    public String entityType() {
        return "Donation";
    }

    @Override
    public String entityId() {
        return id.toString();
    }

    @Override
    public Map<String, Object> after() {
        return Map.of("reversed", true, "reason", reason);
    }
}
