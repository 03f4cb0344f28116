package vn.chungtay.notification.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.notification.WeeklyDigest;

/**
 * When the module's jobs run: the outbox every {@code chungtay.notification.outbox.interval}
 * (30 s), the digest on {@code chungtay.notification.digest.cron} (Monday 07:00) in
 * {@code chungtay.notification.digest.zone} (Asia/Ho_Chi_Minh). Both are safe on several instances.
 */
@Component
class NotificationSchedule {

    private final MailOutbox outbox;
    private final WeeklyDigest digest;

    NotificationSchedule(MailOutbox outbox, WeeklyDigest digest) {
        this.outbox = outbox;
        this.digest = digest;
    }

    @Scheduled(
            initialDelayString = "${chungtay.notification.outbox.initial-delay:30s}",
            fixedDelayString = "${chungtay.notification.outbox.interval:30s}")
    void sendOutbox() {
        outbox.sendDue();
    }

    @Scheduled(
            cron = "${chungtay.notification.digest.cron:0 0 7 * * MON}",
            zone = "${chungtay.notification.digest.zone:Asia/Ho_Chi_Minh}")
    void sendWeeklyDigest() {
        digest.sendDigests();
        outbox.sendDue();
    }
}
