package vn.chungtay.need.web;

import java.time.Instant;
import java.time.LocalDate;
import vn.chungtay.need.NeedView;

/** A need in the officers' API: amounts in whole đồng; a child need says only that it is for one child. */
record NeedJson(
        long id,
        String target,
        boolean forOneChild,
        String unitCode,
        String communeCode,
        String provinceCode,
        String schoolName,
        String categoryCode,
        String description,
        int quantity,
        String unit,
        long unitCost,
        long total,
        long funded,
        int percentFunded,
        int year,
        String season,
        LocalDate neededBy,
        String priority,
        int childrenServed,
        String status,
        boolean submitted,
        String cancelReason,
        String createdBy,
        Instant createdAt) {

    static NeedJson of(NeedView n) {
        return new NeedJson(
                n.id().value(),
                n.target().name(),
                n.target() == vn.chungtay.need.NeedTarget.CHILD,
                n.unitCode(),
                n.communeCode(),
                n.provinceCode(),
                n.schoolName(),
                n.categoryCode(),
                n.description(),
                n.quantity(),
                n.unit(),
                n.unitCost().dong(),
                n.total().dong(),
                n.funded().dong(),
                n.percentFunded(),
                n.year(),
                n.season(),
                n.neededBy(),
                n.priority().name(),
                n.childrenServed(),
                n.status().name(),
                n.submitted(),
                n.cancelReason(),
                n.createdBy(),
                n.createdAt());
    }
}
