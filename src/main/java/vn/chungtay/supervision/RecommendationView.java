package vn.chungtay.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recommendation: what the responsible unit must do by the due date, its recorded status and
 * the day it was resolved, and where its notification went ({@code notifiedEmail} null when the
 * unit had no contact address).
 */
public record RecommendationView(
        RecommendationId id,
        PlanId planId,
        Long visitId,
        String responsibleUnit,
        String content,
        LocalDate issuedOn,
        LocalDate dueDate,
        FollowUpStatus recordedStatus,
        LocalDate resolvedOn,
        String issuedBy,
        Instant issuedAt,
        String notifiedEmail) {

    /** The status on the day: OVERDUE when not done and past the due date. */
    public FollowUpStatus statusOn(LocalDate today) {
        return FollowUpStatus.effective(recordedStatus, dueDate, today);
    }

    public boolean overdueOn(LocalDate today) {
        return statusOn(today) == FollowUpStatus.OVERDUE;
    }

    /** Days past the due date on the day (0 when not overdue). */
    public long daysOverdueOn(LocalDate today) {
        return overdueOn(today) ? java.time.temporal.ChronoUnit.DAYS.between(dueDate, today) : 0;
    }
}
