package vn.chungtay.donation;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** A gift was recorded with its receipt number (published in the gift's transaction). */
public record DonationRecorded(GiftId id, long campaignId, String unitCode, long amountDong, Map<String, Object> after)
        implements AuditedChange {

    public DonationRecorded {
        after = Map.copyOf(after);
    }

    @Override
    public String action() {
        return "CREATE";
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
    public Map<String, Object> before() {
        return Map.of();
    }
}
