package vn.chungtay.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

@IntegrationTest
class SubscriptionIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(vn.chungtay.TestSmtp.SETUP);

    @Autowired
    MockMvc mvc;

    @Autowired
    MailOutbox outbox;

    @Autowired
    WeeklyDigest digest;

    @Autowired
    NeedManagement needs;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    JdbcClient jdbc;

    // ---- the whole way: subscribe, confirm, digest, unsubscribe -------------------------------------

    @Test
    void confirmedSubscriberGetsTheWeeklyDigestOfNewNeedsUntilUnsubscribing() throws Exception {
        String address = SubscriptionMother.newAddress();
        subscribe(address, SubscriptionMother.COMMUNE, "", "vi");

        outbox.sendDue();
        MimeMessage confirmation = Mails.awaitTo(greenMail, address, 1).get(0);
        assertThat(Mails.subject(confirmation))
                .startsWith("Xác nhận đăng ký nhận tin")
                .contains("Xã Cư Jút");
        assertThat(Mails.text(confirmation)).contains("Xã Cư Jút").contains("/public/subscriptions/unsubscribe?token=");
        assertThat(Mails.html(confirmation)).contains("Xác nhận đăng ký");
        assertThat(statusOf(address)).isEqualTo("PENDING");

        String page = mvc.perform(get("/public/subscriptions/confirm").param("token", Mails.confirmToken(confirmation)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("h1").text()).isEqualTo("Đã xác nhận đăng ký");
        assertThat(statusOf(address)).isEqualTo("CONFIRMED");

        NeedView need = publishNeed(firstVillage(SubscriptionMother.COMMUNE), "DO_AM");
        LocalDate week = organisation.today();
        digest.sendDigests(week);
        outbox.sendDue();

        MimeMessage weekly = Mails.awaitTo(greenMail, address, 2).get(1);
        assertThat(Mails.subject(weekly)).startsWith("ChungTay:").contains("nhu cầu mới");
        Document html = Jsoup.parse(Mails.html(weekly));
        assertThat(html.select(".digest-need")).isNotEmpty();
        String line = html.select(".digest-need").text();
        assertThat(line)
                .contains(needs.categories().stream()
                        .filter(c -> c.code().equals("DO_AM"))
                        .findFirst()
                        .orElseThrow()
                        .nameVi());
        assertThat(html.select("a[href*=/public/needs?category=DO_AM]")).isNotEmpty();
        assertThat(Mails.text(weekly)).contains(need.total().formatted());
        String unsubscribeToken = Mails.unsubscribeToken(weekly);

        String question = mvc.perform(get("/public/subscriptions/unsubscribe").param("token", unsubscribeToken))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document form = Jsoup.parse(question);
        assertThat(form.select("form[method=post] input[name=_csrf]")).isNotEmpty();
        assertThat(form.select("form[method=post] input[name=token]").val()).isEqualTo(unsubscribeToken);
        assertThat(statusOf(address)).as("a GET changes nothing").isEqualTo("CONFIRMED");

        mvc.perform(post("/public/subscriptions/unsubscribe")
                        .param("token", unsubscribeToken)
                        .with(csrf()))
                .andExpect(status().isOk());
        assertThat(statusOf(address)).isEqualTo("UNSUBSCRIBED");

        publishNeed(firstVillage(SubscriptionMother.COMMUNE), "DO_AM");
        digest.sendDigests(week.plusWeeks(1));
        outbox.sendDue();
        assertThat(Mails.to(greenMail, address))
                .as("no digest after unsubscribing")
                .hasSize(2);
    }

    @Test
    void confirmationLinkWorksOnceAndUnknownTokensChangeNothing() throws Exception {
        String address = SubscriptionMother.newAddress();
        subscribe(address, "", "HOC_TAP", "vi");
        outbox.sendDue();
        String token = Mails.confirmToken(Mails.awaitTo(greenMail, address, 1).get(0));

        assertThat(confirmHeading(token)).isEqualTo("Đã xác nhận đăng ký");
        assertThat(confirmHeading(token)).isEqualTo("Đường dẫn không hợp lệ");
        assertThat(confirmHeading("not-a-token")).isEqualTo("Đường dẫn không hợp lệ");
        assertThat(statusOf(address)).isEqualTo("CONFIRMED");
    }

    @Test
    void expiredConfirmationLinkDoesNotConfirm() throws Exception {
        String address = SubscriptionMother.newAddress();
        subscribe(address, SubscriptionMother.COMMUNE, "", "vi");
        outbox.sendDue();
        String token = Mails.confirmToken(Mails.awaitTo(greenMail, address, 1).get(0));
        jdbc.sql(
                        "update notification_subscription set confirm_expires_at = now() - interval '1 minute' where email = :email")
                .param("email", SubscriptionMother.stored(address))
                .update();

        assertThat(confirmHeading(token)).isEqualTo("Đường dẫn đã hết hạn");
        assertThat(statusOf(address)).isEqualTo("PENDING");
    }

    @Test
    void unconfirmedSubscriptionGetsNoDigest() throws Exception {
        String address = SubscriptionMother.newAddress();
        subscribe(address, SubscriptionMother.COMMUNE, "", "vi");
        outbox.sendDue();
        Mails.awaitTo(greenMail, address, 1);

        publishNeed(firstVillage(SubscriptionMother.COMMUNE), "QUAN_AO");
        digest.sendDigests(organisation.today());
        outbox.sendDue();

        assertThat(Mails.to(greenMail, address)).as("only the confirmation").hasSize(1);
        assertThat(statusOf(address)).isEqualTo("PENDING");
    }

    @Test
    void sameDigestPeriodIsSentOnceEvenWhenTwoInstancesRunIt() throws Exception {
        String address = SubscriptionMother.newAddress();
        confirmedSubscription(address, SubscriptionMother.COMMUNE, "HOC_TAP");
        publishNeed(firstVillage(SubscriptionMother.COMMUNE), "HOC_TAP");
        publishNeed(firstVillage(SubscriptionMother.COMMUNE), "DO_AM");

        LocalDate monday = organisation.today().plusWeeks(5).with(DayOfWeek.MONDAY);
        Thread otherInstance = new Thread(() -> digest.sendDigests(monday));
        otherInstance.start();
        digest.sendDigests(monday);
        otherInstance.join();
        digest.sendDigests(monday.with(DayOfWeek.SUNDAY));
        outbox.sendDue();

        List<MimeMessage> mails = Mails.awaitTo(greenMail, address, 2);
        Document html = Jsoup.parse(Mails.html(mails.get(1)));
        assertThat(html.select(".digest-need"))
                .as("only the category subscribed to")
                .hasSize(1);
        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .until(() -> Mails.to(greenMail, address).size() == 2);
        assertThat(jdbc.sql("select count(*) from notification_digest d join notification_subscription s"
                                + " on s.id = d.subscription_id where s.email = :email")
                        .param("email", SubscriptionMother.stored(address))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void nothingNewMeansNoDigest() throws Exception {
        String address = SubscriptionMother.newAddress();
        confirmedSubscription(address, "24649", "CONG_TRINH");

        digest.sendDigests(organisation.today().plusWeeks(9));
        outbox.sendDue();

        assertThat(Mails.to(greenMail, address)).as("only the confirmation").hasSize(1);
    }

    // ---- the form -----------------------------------------------------------------------------

    @Test
    void invalidAddressIsRefusedInVietnameseAndNothingIsStored() throws Exception {
        long before = subscriptions();
        Document page = postForm("khong-phai-email", SubscriptionMother.COMMUNE, "");

        assertThat(page.select("#email-error").text()).isEqualTo("Địa chỉ e-mail không hợp lệ.");
        assertThat(page.select("#email").val()).isEqualTo("khong-phai-email");
        assertThat(subscriptions()).isEqualTo(before);
        assertThat(outboxRows()).isZero();
    }

    @Test
    void unknownOrNonCommuneCodeIsRefusedInVietnameseAndNothingIsStored() throws Exception {
        String address = SubscriptionMother.newAddress();
        Document unknown = postForm(address, "99999", "");
        assertThat(unknown.select("#commune-error").text()).isEqualTo("Không có xã nào đang hoạt động với mã này.");

        Document village = postForm(address, firstVillage(SubscriptionMother.COMMUNE), "");
        assertThat(village.select("#commune-error").text()).isEqualTo("Không có xã nào đang hoạt động với mã này.");

        Document nothing = postForm(address, "", "");
        assertThat(nothing.select("#commune-error").text()).isEqualTo("Vui lòng chọn một xã hoặc một nhóm hỗ trợ.");

        assertThat(rowsOf(address)).isZero();
    }

    @Test
    void formIsPreselectedFromThePortalLinks() throws Exception {
        Document commune =
                Jsoup.parse(mvc.perform(get("/public/subscriptions/new").param("commune", "24640"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(commune.select("#commune").val()).isEqualTo("24640");
        assertThat(commune.select("#commune-name").text()).isEqualTo("Xã Cư Jút");

        Document category =
                Jsoup.parse(mvc.perform(get("/public/subscriptions/new").param("category", "DO_AM"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(category.select("#category option[selected]").val()).isEqualTo("DO_AM");

        Document needsPage = Jsoup.parse(mvc.perform(get("/public/needs").param("category", "DO_AM"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(needsPage.select("#subscribe-by-email a").attr("href"))
                .isEqualTo("/public/subscriptions/new?category=DO_AM");
        Document communePage = Jsoup.parse(mvc.perform(get("/public/communes/24640"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(communePage.select("#subscribe-by-email a").attr("href"))
                .isEqualTo("/public/subscriptions/new?commune=24640");
    }

    @Test
    void answerIsTheSameForSubscribedAddressesAndRequestsAreLimitedPerDay() throws Exception {
        String address = SubscriptionMother.newAddress();
        confirmedSubscription(address, SubscriptionMother.COMMUNE, "");

        subscribe(address, SubscriptionMother.COMMUNE, "", "vi");
        assertThat(rowsOf(address)).as("already subscribed: nothing new").isEqualTo(1);

        for (int i = 0; i < 6; i++) {
            subscribe(address.toUpperCase(), "", "DO_AM", "vi");
        }
        assertThat(rowsOf(address)).as("at most 5 requests a day").isEqualTo(5);
        outbox.sendDue();
        Mails.awaitTo(greenMail, address, 5);
    }

    @Test
    void mailsFollowTheSubscribersLanguage() throws Exception {
        String address = SubscriptionMother.newAddress();
        subscribe(address, SubscriptionMother.COMMUNE, "DO_AM", "en");
        outbox.sendDue();

        MimeMessage confirmation = Mails.awaitTo(greenMail, address, 1).get(0);
        assertThat(Mails.subject(confirmation))
                .startsWith("Confirm your subscription")
                .contains(" in Xã Cư Jút");
        assertThat(Mails.text(confirmation)).contains("The link is valid for 7 days");
        assertThat(jdbc.sql("select language from notification_subscription where email = :email")
                        .param("email", SubscriptionMother.stored(address))
                        .query(String.class)
                        .single())
                .isEqualTo("en");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void subscribe(String address, String commune, String category, String language) throws Exception {
        mvc.perform(post("/public/subscriptions")
                        .param("email", address)
                        .param("commune", commune)
                        .param("category", category)
                        .param("lang", language)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/public/subscriptions/pending"));
    }

    private void confirmedSubscription(String address, String commune, String category) throws Exception {
        subscribe(address, commune, category, "vi");
        outbox.sendDue();
        String token = Mails.confirmToken(Mails.awaitTo(greenMail, address, 1).get(0));
        assertThat(confirmHeading(token)).isEqualTo("Đã xác nhận đăng ký");
    }

    private Document postForm(String address, String commune, String category) throws Exception {
        return Jsoup.parse(mvc.perform(post("/public/subscriptions")
                        .param("email", address)
                        .param("commune", commune)
                        .param("category", category)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private String confirmHeading(String token) throws Exception {
        return Jsoup.parse(mvc.perform(get("/public/subscriptions/confirm").param("token", token))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .select("h1")
                .text();
    }

    private NeedView publishNeed(String villageCode, String category) {
        NeedView[] published = new NeedView[1];
        CurrentActor.runAs(Actor.SYSTEM, () -> {
            NeedView need = needs.create(SubscriptionMother.villageNeed(
                    villageCode, category, organisation.today().getYear()));
            NeedId id = need.id();
            needs.submit(id);
            needs.approve(id);
            published[0] = needs.publish(id);
        });
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from published_need where need_id = :id")
                                .param("id", published[0].id().value())
                                .query(Long.class)
                                .single()
                        == 1);
        return published[0];
    }

    private String firstVillage(String commune) {
        return organisation.villages(commune, organisation.today()).stream()
                .map(OrgUnitView::code)
                .findFirst()
                .orElseThrow();
    }

    private String statusOf(String address) {
        return jdbc.sql("select status from notification_subscription where email = :email")
                .param("email", SubscriptionMother.stored(address))
                .query(String.class)
                .single();
    }

    private long rowsOf(String address) {
        return jdbc.sql("select count(*) from notification_subscription where email = :email")
                .param("email", SubscriptionMother.stored(address))
                .query(Long.class)
                .single();
    }

    private long subscriptions() {
        return jdbc.sql("select count(*) from notification_subscription")
                .query(Long.class)
                .single();
    }

    private long outboxRows() {
        return jdbc.sql("select count(*) from mail_outbox where recipient like 'khong-phai-email%'")
                .query(Long.class)
                .single();
    }
}
