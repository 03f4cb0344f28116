package vn.chungtay.need;

import java.util.EnumSet;
import java.util.Set;

/** Where a need stands: Draft → Approved → Published → PartlyFunded → Funded → Delivered → Closed, or Cancelled. */
public enum NeedStatus {
    DRAFT,
    APPROVED,
    PUBLISHED,
    PARTLY_FUNDED,
    FUNDED,
    DELIVERED,
    CLOSED,
    CANCELLED;

    /** States in which a second need for the same child or group is a likely duplicate. */
    public static final Set<NeedStatus> OPEN_OR_FUNDED = EnumSet.of(DRAFT, APPROVED, PUBLISHED, PARTLY_FUNDED, FUNDED);

    /** States the public portal shows. */
    public static final Set<NeedStatus> PUBLIC = EnumSet.of(PUBLISHED, PARTLY_FUNDED, FUNDED, DELIVERED);

    public boolean isPublic() {
        return PUBLIC.contains(this);
    }
}
