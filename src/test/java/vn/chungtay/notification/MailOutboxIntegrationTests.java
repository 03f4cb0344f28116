package vn.chungtay.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.IntegrationTest;

@IntegrationTest
class MailOutboxIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(vn.chungtay.TestSmtp.SETUP);

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    private long enqueue(String recipient) {
        return transaction.execute(status -> outbox.enqueue(
                new OutgoingMail(recipient, "Biên nhận – kiểm thử", "<p>Xin cảm ơn <b>bạn</b></p>", "Xin cảm ơn bạn")));
    }

    private static String recipient() {
        return "receipt-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private record Row(String status, int attempts, OffsetDateTime nextAttemptAt, String lastError) {}

    private Row row(long id) {
        return jdbc.sql("select status, attempts, next_attempt_at, last_error from mail_outbox where id = :id")
                .param("id", id)
                .query((rs, n) ->
                        new Row(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4)))
                .single();
    }

    @Test
    void enqueuedMailIsSentWithBothBodiesAndMarkedSent() throws Exception {
        String to = recipient();
        long id = enqueue(to);
        assertThat(outbox.status(id)).contains(MailStatus.PENDING);

        outbox.sendDue();

        MimeMessage received = Mails.awaitTo(greenMail, to, 1).get(0);
        assertThat(received.getSubject()).isEqualTo("Biên nhận – kiểm thử");
        assertThat(Mails.text(received)).contains("Xin cảm ơn bạn");
        assertThat(Mails.html(received)).contains("<b>bạn</b>");
        assertThat(outbox.status(id)).contains(MailStatus.SENT);
        assertThat(row(id).attempts()).isEqualTo(1);
    }

    @Test
    void attachmentsTravelWithTheMail() throws Exception {
        String to = recipient();
        byte[] pdf = "%PDF-1.7 kiểm thử".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        transaction.execute(status -> outbox.enqueue(new OutgoingMail(
                to,
                "Báo cáo kèm tệp",
                "<p>Xem tệp đính kèm</p>",
                "Xem tệp đính kèm",
                java.util.List.of(new OutgoingMail.Attachment("bao-cao.pdf", "application/pdf", pdf)))));

        outbox.sendDue();

        MimeMessage received = Mails.awaitTo(greenMail, to, 1).get(0);
        var multipart = (jakarta.mail.Multipart) received.getContent();
        boolean found = false;
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if ("bao-cao.pdf".equals(part.getFileName())) {
                found = true;
                assertThat(part.getInputStream().readAllBytes()).isEqualTo(pdf);
                assertThat(part.getContentType()).startsWith("application/pdf");
            }
        }
        assertThat(found).as("the PDF is attached").isTrue();
    }

    @Test
    void failedSendStaysPendingWithBackoffAndIsSentOnceTheServerIsBack() throws Exception {
        greenMail.stop();
        String to = recipient();
        long id = enqueue(to);

        outbox.sendDue();

        Row failed = row(id);
        assertThat(failed.status()).isEqualTo("PENDING");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.nextAttemptAt()).isAfter(OffsetDateTime.now().plusSeconds(50));
        assertThat(failed.lastError()).isNotBlank();
        outbox.sendDue();
        assertThat(row(id).attempts()).as("not due yet: not tried again").isEqualTo(1);

        greenMail.start();
        jdbc.sql("update mail_outbox set next_attempt_at = now() - interval '1 second' where id = :id")
                .param("id", id)
                .update();
        outbox.sendDue();

        Mails.awaitTo(greenMail, to, 1);
        assertThat(row(id).status()).isEqualTo("SENT");
        assertThat(row(id).attempts()).isEqualTo(2);
        assertThat(row(id).lastError()).isNull();
    }

    @Test
    void givesUpAfterEightAttempts() {
        greenMail.stop();
        long id = enqueue(recipient());
        jdbc.sql("update mail_outbox set attempts = 7, next_attempt_at = now() where id = :id")
                .param("id", id)
                .update();

        outbox.sendDue();

        assertThat(row(id).status()).isEqualTo("FAILED");
        assertThat(row(id).attempts()).isEqualTo(8);
        greenMail.start();
    }

    @Test
    void enqueueNeedsTheTransactionOfTheBusinessChange() {
        assertThatThrownBy(() -> outbox.enqueue(new OutgoingMail(recipient(), "x", "<p>x</p>", "x")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void retriesWaitLongerEachTime() {
        assertThat(MailOutbox.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailOutbox.backoff(2)).isEqualTo(Duration.ofMinutes(5));
        assertThat(MailOutbox.backoff(3)).isEqualTo(Duration.ofMinutes(30));
        assertThat(MailOutbox.backoff(4)).isEqualTo(Duration.ofHours(2));
        assertThat(MailOutbox.backoff(7)).isEqualTo(Duration.ofHours(24));
    }
}
