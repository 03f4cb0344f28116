package vn.chungtay.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored outbox every e-mail goes through. {@link #enqueue} writes a row inside the caller's
 * transaction, so a mail exists exactly when the business change it reports was committed;
 * {@link #sendDue} (every 30 s, and callable directly) sends due rows through the SMTP server, one
 * row per short transaction, locking it with {@code FOR UPDATE SKIP LOCKED} so several instances
 * never send a row twice. Every attempt carries the same Message-ID ({@link #messageId}), so the one
 * mail that a crash between the server's acceptance and the commit sends again is recognisable.
 * A failed attempt is retried after 1 min, 5 min, 30 min, 2 h, 6 h, 12 h and 24 h; after
 * {@value #MAX_ATTEMPTS} attempts the row is FAILED. Without a mail server ({@code spring.mail.host}
 * unset) rows stay PENDING and one warning says so.
 */
@Service
public class MailOutbox {

    public static final int MAX_ATTEMPTS = 8;

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    // one row per transaction: a crash between the SMTP server's "accepted" and the commit sends
    // only that one mail again (with the same Message-ID), not a whole batch (seen with 50 per batch
    // in the two-instance reliability test: 42 mails twice after a kill -9)
    private static final int BATCH = 1;
    private static final int MAX_BATCHES_PER_RUN = 1000;
    private static final List<Duration> BACKOFF = List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(6),
            Duration.ofHours(12),
            Duration.ofHours(24));

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String from;
    private final AtomicBoolean warnedNoServer = new AtomicBoolean();

    MailOutbox(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> mailSender,
            PlatformTransactionManager transactions,
            Optional<Clock> clock,
            @Value("${chungtay.notification.from:ChungTay <no-reply@chungtay.vn>}") String from) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.from = from;
    }

    /**
     * Writes a mail to the outbox in the current transaction (there must be one: the mail belongs
     * to a business change) and returns its id. It is sent by the next run of {@link #sendDue}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(OutgoingMail mail) {
        long id = jdbc.sql("""
                        insert into mail_outbox (recipient, subject, body_html, body_text, next_attempt_at, created_at)
                        values (:recipient, :subject, :html, :text, :now, :now) returning id""")
                .param("recipient", mail.recipient())
                .param("subject", mail.subject())
                .param("html", mail.html())
                .param("text", mail.text())
                .param("now", Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .single();
        int position = 0;
        for (OutgoingMail.Attachment attachment : mail.attachments()) {
            jdbc.sql("""
                            insert into mail_attachment (mail_id, position, filename, content_type, content)
                            values (?, ?, ?, ?, ?)""")
                    .params(id, position++, attachment.filename(), attachment.contentType(), attachment.content())
                    .update();
        }
        return id;
    }

    /** Where a mail of the outbox stands, if it exists. */
    @Transactional(readOnly = true)
    public Optional<MailStatus> status(long id) {
        return jdbc.sql("select status from mail_outbox where id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(MailStatus::valueOf);
    }

    /**
     * Sends the due PENDING rows and returns how many were sent. Rows another instance is sending
     * are skipped; a failure schedules the next attempt. Does nothing without a mail server.
     */
    public int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            if (warnedNoServer.compareAndSet(false, true)) {
                log.warn("No mail server configured (spring.mail.host is not set): e-mails stay PENDING in the"
                        + " outbox until one is");
            }
            return 0;
        }
        int sent = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            Result result = transaction.execute(status -> sendBatch(sender));
            sent += result.sent();
            if (result.processed() < BATCH) {
                break;
            }
        }
        return sent;
    }

    /**
     * The Message-ID of an outbox row, the same on every attempt: {@code <outbox.ID.CREATED@DOMAIN>}
     * with the row's id, its creation time in milliseconds and the sender's domain.
     */
    static String messageId(long id, Instant createdAt, String from) {
        String address = from == null ? "" : from.strip();
        int open = address.lastIndexOf('<');
        if (open >= 0 && address.endsWith(">")) {
            address = address.substring(open + 1, address.length() - 1);
        }
        int at = address.lastIndexOf('@');
        String domain = at >= 0 && at < address.length() - 1 ? address.substring(at + 1) : "chungtay.vn";
        return "<outbox." + id + "." + createdAt.toEpochMilli() + "@" + domain + ">";
    }

    /** The wait before the attempt after {@code attempts} failed ones. */
    static Duration backoff(int attempts) {
        return BACKOFF.get(Math.min(Math.max(attempts, 1), BACKOFF.size()) - 1);
    }

    private record Due(
            long id, String recipient, String subject, String html, String text, int attempts, Instant createdAt) {}

    private record Result(int processed, int sent) {}

    private Result sendBatch(JavaMailSender sender) {
        Instant now = Instant.now(clock);
        List<Due> due = jdbc.sql("""
                        select id, recipient, subject, body_html, body_text, attempts, created_at from mail_outbox
                        where status = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at, id
                        limit :limit
                        for update skip locked""")
                .param("now", Timestamp.from(now))
                .param("limit", BATCH)
                .query((rs, n) -> new Due(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
        int sent = 0;
        for (Due mail : due) {
            try {
                sender.send(message(sender, mail));
                jdbc.sql("""
                                update mail_outbox set status = 'SENT', attempts = attempts + 1, sent_at = :now,
                                       last_error = null
                                where id = :id""")
                        .param("now", Timestamp.from(Instant.now(clock)))
                        .param("id", mail.id())
                        .update();
                sent++;
            } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                // any failure of one mail is that mail's: the others of the batch stay sent
                failed(mail, e, now);
            }
        }
        return new Result(due.size(), sent);
    }

    private MimeMessage message(JavaMailSender sender, Due mail)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        // the same Message-ID on every attempt: a mail sent again after a crash is recognisable as the same mail
        message.setHeader("Message-ID", messageId(mail.id(), mail.createdAt(), from));
        jdbc.sql("select filename, content_type, content from mail_attachment where mail_id = ? order by position")
                .param(mail.id())
                .query((rs, n) -> new OutgoingMail.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list()
                .forEach(attachment -> {
                    try {
                        helper.addAttachment(
                                attachment.filename(),
                                new org.springframework.core.io.ByteArrayResource(attachment.content()),
                                attachment.contentType());
                    } catch (MessagingException e) {
                        throw new IllegalStateException("Attachment " + attachment.filename() + " not added", e);
                    }
                });
        return message;
    }

    private void failed(Due mail, Exception e, Instant now) {
        int attempts = mail.attempts() + 1;
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (giveUp) {
            log.error("Mail {} of the outbox given up after {} attempts: {}", mail.id(), attempts, error);
        } else {
            log.warn("Mail {} not sent (attempt {}), retried later: {}", mail.id(), attempts, error);
        }
        jdbc.sql("""
                        update mail_outbox set attempts = :attempts, status = :status, last_error = :error,
                               next_attempt_at = :next
                        where id = :id""")
                .param("attempts", attempts)
                .param("status", giveUp ? MailStatus.FAILED.name() : MailStatus.PENDING.name())
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("next", Timestamp.from(giveUp ? now : now.plus(backoff(attempts))))
                .param("id", mail.id())
                .update();
    }
}
