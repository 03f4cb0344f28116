package vn.chungtay.donor;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * {@code merged} was found to be the same donor as {@code survivor} and merged into it: the
 * survivor keeps its id, the merged record stays (with its history) and points at the survivor.
 * Modules that keep donor ids may repoint their records, or follow merges when they read them
 * ({@link DonorDirectory#get} does). {@code before}/{@code after} are the merged donor's state.
 */
public record DonorsMerged(
        DonorId survivor,
        DonorId merged,
        String unitCode,
        String reason,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditedChange {

    public DonorsMerged {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    @Override
    public String action() {
        return "MERGE";
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
