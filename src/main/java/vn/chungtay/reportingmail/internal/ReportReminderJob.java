package vn.chungtay.reportingmail.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.reportingmail.ReportMail;

/**
 * Runs the report reminders every morning ({@code chungtay.reporting.reminders.cron}, 07:00
 * Vietnam time) for the clock's day in Vietnam, then sends the outbox; safe with several instances.
 */
@Component
class ReportReminderJob {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ReportMail mail;
    private final MailOutbox outbox;
    private final Clock clock;

    ReportReminderJob(ReportMail mail, MailOutbox outbox, Clock clock) {
        this.mail = mail;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(
            cron = "${chungtay.reporting.reminders.cron:0 0 7 * * *}",
            zone = "${chungtay.reporting.reminders.zone:Asia/Ho_Chi_Minh}")
    void remind() {
        if (mail.sendReminders(LocalDate.now(clock.withZone(VIETNAM))) > 0) {
            outbox.sendDue();
        }
    }
}
