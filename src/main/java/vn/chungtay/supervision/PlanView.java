package vn.chungtay.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A supervision plan: who (supervising unit, members) supervises what (subject), where (units) and when. */
public record PlanView(
        PlanId id,
        String subject,
        String supervisingUnit,
        List<String> supervisedUnits,
        LocalDate plannedFrom,
        LocalDate plannedTo,
        String members,
        String notes,
        String createdBy,
        Instant createdAt) {

    public PlanView {
        supervisedUnits = List.copyOf(supervisedUnits);
    }
}
