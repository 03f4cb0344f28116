package vn.chungtay.reportingmail;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.notification.OutgoingMail;
import vn.chungtay.reporting.DueReminder;
import vn.chungtay.reporting.ReportLetter;
import vn.chungtay.reporting.ReportLetters;
import vn.chungtay.reporting.ReportReminders;
import vn.chungtay.reporting.ReportSubmitted;

/**
 * Writes reporting's letters to the mail outbox: the submitted report, in the submission's
 * transaction (no mail without the submission, no submission without its mail), and the
 * reminders of a day, each in one transaction with the row that says it was sent.
 */
@Service
public class ReportMail {

    private static final Logger log = LoggerFactory.getLogger(ReportMail.class);

    private final ReportLetters letters;
    private final ReportReminders reminders;
    private final MailOutbox outbox;
    private final TransactionTemplate transaction;

    ReportMail(
            ReportLetters letters,
            ReportReminders reminders,
            MailOutbox outbox,
            PlatformTransactionManager transactions) {
        this.letters = letters;
        this.reminders = reminders;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ReportSubmitted submitted) {
        letters.submitted(submitted.reportId()).ifPresent(this::enqueue);
    }

    /** Writes the reminders due on the day to the outbox; returns how many (none twice). */
    public int sendReminders(LocalDate day) {
        int sent = 0;
        for (DueReminder reminder : reminders.due(day)) {
            Boolean done = transaction.execute(status -> {
                if (!reminders.claim(reminder)) {
                    return false;
                }
                reminders.recordMail(reminder, enqueue(reminder.letter()));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        if (sent > 0) {
            log.info("Report reminders for {} written to the outbox: {}", day, sent);
        }
        return sent;
    }

    private long enqueue(ReportLetter letter) {
        return outbox.enqueue(new OutgoingMail(
                letter.to(),
                letter.subject(),
                letter.html(),
                letter.text(),
                letter.files().stream()
                        .map(f -> new OutgoingMail.Attachment(f.name(), f.contentType(), f.content()))
                        .toList()));
    }
}
