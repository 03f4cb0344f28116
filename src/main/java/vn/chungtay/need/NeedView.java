package vn.chungtay.need;

import java.time.Instant;
import java.time.LocalDate;
import vn.chungtay.shared.money.Vnd;

/**
 * A need as officers and other modules see it. A child need carries the child's id only, never
 * personal data; {@code childDetailsWithdrawn} means the child's data may no longer be used.
 */
public record NeedView(
        NeedId id,
        NeedTarget target,
        Long childId,
        boolean childDetailsWithdrawn,
        String unitCode,
        String communeCode,
        String provinceCode,
        String schoolName,
        String categoryCode,
        String description,
        int quantity,
        String unit,
        Vnd unitCost,
        Vnd total,
        Vnd funded,
        int year,
        String season,
        LocalDate neededBy,
        Priority priority,
        int childrenServed,
        NeedStatus status,
        boolean submitted,
        String cancelReason,
        String createdBy,
        Instant createdAt) {

    public int percentFunded() {
        return funded.percentOf(total);
    }

    public Vnd remaining() {
        return total.remainingAfter(funded);
    }
}
