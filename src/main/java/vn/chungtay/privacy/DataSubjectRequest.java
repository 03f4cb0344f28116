package vn.chungtay.privacy;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A data-subject request as shown to the officers of the child's commune. */
public record DataSubjectRequest(
        RequestId id,
        RequestKind kind,
        long childId,
        String communeCode,
        LocalDate receivedOn,
        RequestChannel channel,
        String requesterName,
        String requesterRelationship,
        String details,
        LocalDate dueOn,
        RequestStatus status,
        String outcome,
        LocalDate finishedOn,
        String recordedBy,
        OffsetDateTime recordedAt,
        boolean overdue) {

    /** Days left until the due date (negative once overdue); 0 when finished. */
    public long daysLeft(LocalDate today) {
        return status.open() ? java.time.temporal.ChronoUnit.DAYS.between(today, dueOn) : 0;
    }
}
