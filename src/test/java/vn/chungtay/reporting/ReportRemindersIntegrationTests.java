package vn.chungtay.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.chungtay.IntegrationTest;
import vn.chungtay.TestSmtp;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.reportingmail.ReportMail;

@IntegrationTest
class ReportRemindersIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    ReportingSetup setup;

    @Autowired
    ReportingManagement reports;

    @Autowired
    ReportMail mail;

    @Autowired
    MailOutbox outbox;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    JdbcClient jdbc;

    /** A year to 30 June of {@code year}, due 10 July, for the communes of one province; three of them with addresses. */
    private record Setting(PeriodView period, List<OrgUnitView> communes, List<String> addresses) {}

    private Setting setting(int year, String province) {
        LocalDate end = LocalDate.of(year, 6, 30);
        PeriodView period = ReportingMother.period(setup, end.minusYears(1).plusDays(1), end, province);
        assertThat(period.dueOn(ReportLevel.COMMUNE)).contains(LocalDate.of(year, 7, 10));
        List<OrgUnitView> communes = organisation.children(province, end).stream()
                .filter(OrgUnitView::isCommune)
                .limit(3)
                .toList();
        String tag = ReportingMother.unique("r").toLowerCase();
        List<String> addresses = communes.stream()
                .map(c -> "xa-" + c.code() + "-" + tag + "@example.org")
                .toList();
        ReportingMother.run(ReportingMother.ADMIN, () -> {
            for (int i = 0; i < communes.size(); i++) {
                setup.setAddress(communes.get(i).code(), addresses.get(i));
            }
        });
        return new Setting(period, communes, addresses);
    }

    @Test
    void eachUnitThatHasNotSubmittedGetsOneReminder14And7And1DaysBeforeAndOnceAfterTheDueDate() {
        Setting s = setting(2031, "11");
        ReportingMother.run(ReportingMother.ADMIN, () -> {
            ReportView done =
                    reports.open(s.communes().get(2).code(), s.period().id());
            reports.submit(done.id());
            reports.open(s.communes().get(1).code(), s.period().id());
        });

        List<LocalDate> days = List.of(
                LocalDate.of(2031, 6, 26),
                LocalDate.of(2031, 7, 3),
                LocalDate.of(2031, 7, 9),
                LocalDate.of(2031, 7, 11));
        List<String> subjects = List.of("còn 14 ngày", "còn 7 ngày", "còn 1 ngày", "Quá hạn");
        assertThat(mail.sendReminders(LocalDate.of(2031, 6, 25))).isZero();
        for (int i = 0; i < days.size(); i++) {
            assertThat(mail.sendReminders(days.get(i))).isEqualTo(2);
            assertThat(mail.sendReminders(days.get(i))).isZero();
            outbox.sendDue();
            int expected = i + 1;
            for (String unsubmitted : s.addresses().subList(0, 2)) {
                List<MimeMessage> received = awaitMails(unsubmitted, expected);
                assertThat(subject(received.get(expected - 1))).contains(subjects.get(i));
            }
            assertThat(mails(s.addresses().get(2))).isEmpty();
        }
        assertThat(mail.sendReminders(LocalDate.of(2031, 7, 12))).isZero();
        assertThat(mail.sendReminders(LocalDate.of(2031, 7, 30))).isZero();
    }

    @Test
    void twoInstancesRunningTheJobAtOnceSendEachReminderOnce() throws Exception {
        Setting s = setting(2032, "12");
        LocalDate day = LocalDate.of(2032, 6, 26);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> instance = () -> {
            start.await();
            return mail.sendReminders(day);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(instance);
            Future<Integer> second = pool.submit(instance);
            start.countDown();
            assertThat(first.get() + second.get()).isEqualTo(3);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from report_reminder_sent where period_id = :p")
                        .param("p", s.period().id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = any(:to)")
                        .param("to", s.addresses().toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> awaitMails(String to, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> mails(to).size() >= count);
        List<MimeMessage> found = mails(to);
        assertThat(found).hasSize(count);
        return found;
    }

    private static List<MimeMessage> mails(String to) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(to));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
