package vn.chungtay.donor;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** A donor's data changed: kind, name, origin, contact, tax code, public appearance or consent. */
public record DonorUpdated(DonorId id, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements AuditedChange {

    public DonorUpdated {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    @Override
    public String action() {
        return "UPDATE";
    }

    @Override
    public String entityType() {
        return "Donor";
    }

    @Override
    public String entityId() {
        return id.toString();
    }
}
