package vn.chungtay.need.web;

import java.time.Instant;
import java.util.List;
import vn.chungtay.need.PlanView;

/** A plan in the API with its totals per category, amounts in whole đồng. */
record PlanJson(
        long id,
        String communeCode,
        String communeName,
        int year,
        String status,
        String comment,
        String submittedBy,
        Instant submittedAt,
        String decidedBy,
        Instant decidedAt,
        int needs,
        long childrenServed,
        long total,
        long funded,
        List<CategoryJson> categories) {

    record CategoryJson(String code, String name, int needs, long childrenServed, long total, long funded) {}

    static PlanJson of(PlanView p) {
        return new PlanJson(
                p.id().value(),
                p.communeCode(),
                p.communeName(),
                p.year(),
                p.status().name(),
                p.comment(),
                p.submittedBy(),
                p.submittedAt(),
                p.decidedBy(),
                p.decidedAt(),
                p.needs(),
                p.childrenServed(),
                p.total().dong(),
                p.funded().dong(),
                p.totals().stream()
                        .map(t -> new CategoryJson(
                                t.categoryCode(),
                                t.nameVi(),
                                t.needs(),
                                t.childrenServed(),
                                t.total().dong(),
                                t.funded().dong()))
                        .toList());
    }
}
