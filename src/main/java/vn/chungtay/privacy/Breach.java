package vn.chungtay.privacy;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A personal-data breach: the authority (A05, Ministry of Public Security) must be notified within
 * 72 hours of discovery (Decree 13/2023, art. 23).
 */
public record Breach(
        BreachId id,
        String unitCode,
        OffsetDateTime discoveredAt,
        String description,
        String dataAffected,
        int peopleAffected,
        String containment,
        OffsetDateTime notificationDeadline,
        OffsetDateTime authorityNotifiedAt,
        OffsetDateTime peopleNotifiedAt,
        OffsetDateTime closedAt,
        String recordedBy) {

    public static final Duration NOTIFICATION_WINDOW = Duration.ofHours(72);

    /** The rule: discovered + 72 hours. */
    public static OffsetDateTime notificationDeadline(OffsetDateTime discoveredAt) {
        return discoveredAt.plus(NOTIFICATION_WINDOW);
    }

    public boolean closed() {
        return closedAt != null;
    }

    /** Not yet notified to the authority and past the deadline. */
    public boolean notificationOverdue(OffsetDateTime now) {
        return authorityNotifiedAt == null && now.isAfter(notificationDeadline);
    }

    /** Notified to the authority after the deadline. */
    public boolean notifiedLate() {
        return authorityNotifiedAt != null && authorityNotifiedAt.isAfter(notificationDeadline);
    }

    /** Whole hours left until the deadline (negative when past it); 0 once the authority was notified. */
    public long hoursLeft(OffsetDateTime now) {
        if (authorityNotifiedAt != null) {
            return 0;
        }
        return Math.floorDiv(Duration.between(now, notificationDeadline).toMinutes(), 60);
    }
}
