package vn.chungtay.supervision;

import java.time.LocalDate;

/**
 * Where a recommendation stands. OPEN, IN_PROGRESS and DONE are recorded; OVERDUE is never
 * recorded but computed: a recommendation not done whose due date has passed.
 */
public enum FollowUpStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    OVERDUE;

    /** The status shown on a day: the recorded one, or OVERDUE when not done and the due date is before the day. */
    public static FollowUpStatus effective(FollowUpStatus recorded, LocalDate dueDate, LocalDate today) {
        if (recorded != DONE && dueDate.isBefore(today)) {
            return OVERDUE;
        }
        return recorded;
    }
}
