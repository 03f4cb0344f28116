package vn.chungtay.donor;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** A donor was registered (by an officer, an API client, a gift's recording or the donor's own sign-up). */
public record DonorRegistered(DonorId id, String unitCode, Map<String, Object> after) implements AuditedChange {

    public DonorRegistered {
        after = Map.copyOf(after);
    }

    @Override
    public String action() {
        return "CREATE";
    }

    @Override
    public String entityType() {
        return "Donor";
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
