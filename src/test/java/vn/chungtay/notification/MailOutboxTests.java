package vn.chungtay.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class MailOutboxTests {

    @Test
    void withoutMailServerNothingIsSentAndNothingFails() {
        MailOutbox outbox = new MailOutbox(
                null,
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                new AbstractPlatformTransactionManager() {
                    @Override
                    protected Object doGetTransaction() {
                        throw new AssertionError("no transaction without a mail server");
                    }

                    @Override
                    protected void doBegin(
                            Object transaction, org.springframework.transaction.TransactionDefinition d) {}

                    @Override
                    protected void doCommit(DefaultTransactionStatus status) {}

                    @Override
                    protected void doRollback(DefaultTransactionStatus status) {}
                },
                Optional.empty(),
                "ChungTay <no-reply@chungtay.vn>");

        assertThat(outbox.sendDue()).isZero();
        assertThat(outbox.sendDue()).isZero();
    }

    @Test
    void everyAttemptOfAMailCarriesTheSameMessageIdWithTheSendersDomain() {
        java.time.Instant created = java.time.Instant.parse("2026-11-26T07:00:00.123Z");

        assertThat(MailOutbox.messageId(42, created, "ChungTay <no-reply@chungtay.vn>"))
                .isEqualTo("<outbox.42.1795676400123@chungtay.vn>")
                .isEqualTo(MailOutbox.messageId(42, created, "ChungTay <no-reply@chungtay.vn>"));
        assertThat(MailOutbox.messageId(43, created, "mttq@lamdong.gov.vn"))
                .isEqualTo("<outbox.43.1795676400123@lamdong.gov.vn>");
        assertThat(MailOutbox.messageId(44, created, "")).endsWith("@chungtay.vn>");
    }
}
