package vn.chungtay.reporting;

/** The reminders to a unit that has not submitted: 14, 7 and 1 days before the due date, once after it. */
public enum ReminderKind {
    BEFORE_14,
    BEFORE_7,
    BEFORE_1,
    OVERDUE;

    /**
     * The reminder due on a day that is {@code daysLeft} before the due date (negative after it):
     * each kind has a window, so a day the job did not run is caught up the next day.
     */
    public static java.util.Optional<ReminderKind> forDaysLeft(long daysLeft) {
        if (daysLeft > 14) {
            return java.util.Optional.empty();
        }
        if (daysLeft > 7) {
            return java.util.Optional.of(BEFORE_14);
        }
        if (daysLeft > 1) {
            return java.util.Optional.of(BEFORE_7);
        }
        if (daysLeft >= 0) {
            return java.util.Optional.of(BEFORE_1);
        }
        return java.util.Optional.of(OVERDUE);
    }
}
