package vn.chungtay.donor;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * A merge was undone: {@code merged} is a donor of its own again, and the contact fields the merge
 * had copied onto {@code survivor} (while unchanged since) were emptied again.
 */
public record DonorsUnmerged(
        DonorId survivor,
        DonorId merged,
        String unitCode,
        String reason,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditedChange {

    public DonorsUnmerged {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    @Override
    public String action() {
        return "UNMERGE";
    }

    @Override
    public String entityType() {
        return "Donor";
    }

    @Override
    public String entityId() {
        return merged.toString();
    }
}
