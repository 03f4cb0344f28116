package vn.chungtay.donorportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.chungtay.IntegrationTest;
import vn.chungtay.TestSmtp;
import vn.chungtay.campaign.BankAccount;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.donation.DonationManagement;
import vn.chungtay.donation.GiftForm;
import vn.chungtay.donation.GiftView;
import vn.chungtay.donor.DonorDirectory;
import vn.chungtay.donor.DonorKind;
import vn.chungtay.donor.DonorView;
import vn.chungtay.donor.NewDonor;
import vn.chungtay.identity.IdentityManagement;
import vn.chungtay.identity.NewDonorAccount;
import vn.chungtay.ledger.DeliveryPosting;
import vn.chungtay.ledger.Destination;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

@IntegrationTest
class DonorPortalIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    DonationManagement donations;

    @Autowired
    DonorDirectory donors;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Ledger ledger;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    MailOutbox outbox;

    record Donor(String username, String email, DonorView record) {}

    record Need(long id, String categoryName, String placeName) {}

    @Test
    void aDonorSeesTheirGiftsAndWhereEachWentButNotAnotherDonors() throws Exception {
        Donor me = donorWithAccount();
        Donor other = donorWithAccount();
        Campaign campaign = campaign();
        Need need = openNeed();
        long amount = uniqueAmount();
        GiftView mine = gift(campaign, me, amount, need.id());
        deliver(campaign, need.id(), 400_000, 3);
        GiftView theirs = gift(campaign, other, amount + 1, null);

        mvc.perform(get("/my/gifts").with(as(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(mine.receiptNumber())))
                .andExpect(content().string(containsString(Vnd.of(amount).formatted())))
                .andExpect(content().string(containsString(need.categoryName())))
                .andExpect(content().string(containsString(need.placeName())))
                .andExpect(content().string(containsString(Vnd.of(400_000).formatted())))
                .andExpect(content().string(containsString("3 trẻ em")))
                .andExpect(content().string(not(containsString(theirs.receiptNumber()))));
        mvc.perform(get("/api/v1/my/gifts").with(httpBasic(me.username(), "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(mine.id().value()))
                .andExpect(jsonPath("$[0].amount").value(amount))
                .andExpect(jsonPath("$[0].delivered").value(400_000))
                .andExpect(jsonPath("$[0].childrenCount").value(3))
                .andExpect(jsonPath("$[0].went[0].category").value(need.categoryName()))
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/my/gifts/" + mine.id().value() + "/receipt.pdf").with(as(me)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/my/gifts/" + theirs.id().value() + "/receipt.pdf").with(as(me)))
                .andExpect(status().isNotFound());
    }

    @Test
    void officersAndStrangersCannotUseTheDonorPages() throws Exception {
        mvc.perform(get("/my/gifts").with(user(users.loadUserByUsername("xa.cujut"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/my/gifts").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/my/gifts")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theYearlyStatementCarriesTheTotalsWithDiacritics() throws Exception {
        Donor me = donorWithAccount();
        Campaign campaign = campaign();
        long first = uniqueAmount();
        long second = uniqueAmount();
        gift(campaign, me, first, null);
        GiftView reversed = gift(campaign, me, 777_000, null);
        gift(campaign, me, second, null);
        CurrentActor.runAs(Actor.SYSTEM, () -> donations.reverse(reversed.id(), "Ghi nhầm"));
        int year = organisation.today().getYear();

        byte[] pdf = mvc.perform(get("/my/statements/" + year + ".pdf").with(as(me)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = text(pdf);
        assertThat(text).contains("BẢNG KÊ CÁC KHOẢN ỦNG HỘ NĂM " + year);
        assertThat(text).contains("Tổng số đã ủng hộ");
        assertThat(text).contains(money(first + second));
        assertThat(text).contains(me.record().name());
        assertThat(text).doesNotContain(money(777_000));
        mvc.perform(get("/my/statements/1999.pdf").with(as(me))).andExpect(status().isNotFound());
    }

    @Test
    void theStatementMailReachesTheDonorWithThePdf() throws Exception {
        Donor me = donorWithAccount();
        long amount = uniqueAmount();
        gift(campaign(), me, amount, null);
        int year = organisation.today().getYear();

        mvc.perform(post("/my/statements/" + year + "/mail").with(as(me)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        outbox.sendDue();
        String subject = "Bảng kê ủng hộ năm " + year;
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> statementMail(me.email(), subject) != null);
        MimeMessage mail = statementMail(me.email(), subject);
        Multipart parts = (Multipart) mail.getContent();
        byte[] attachment = null;
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getFileName()).isEqualTo("bang-ke-" + year + ".pdf");
                try (InputStream in = part.getInputStream()) {
                    attachment = in.readAllBytes();
                }
            }
        }
        assertThat(attachment).isNotNull();
        assertThat(text(attachment)).contains(money(amount));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private RequestPostProcessor as(Donor donor) {
        return user(users.loadUserByUsername(donor.username()));
    }

    private Donor donorWithAccount() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String email = "nha.tai.tro." + tag + "@example.com";
        AtomicReference<DonorView> donor = new AtomicReference<>();
        String username = "ntt" + tag;
        CurrentActor.runAs(Actor.SYSTEM, () -> {
            donor.set(donors.findOrRegister(new NewDonor(
                    "Trần Thị Hảo Tâm " + tag, DonorKind.INDIVIDUAL, true, "VN", null, email, null, false, false)));
            identity.createDonorAccount(new NewDonorAccount(
                    username,
                    donor.get().name(),
                    email,
                    passwordEncoder.encode("demo12345"),
                    donor.get().id().value()));
        });
        return new Donor(username, email, donor.get());
    }

    private Campaign campaign() {
        LocalDate today = organisation.today();
        String account =
                "9" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        AtomicReference<Campaign> created = new AtomicReference<>();
        CurrentActor.runAs(
                Actor.SYSTEM,
                () -> created.set(campaigns.create(new CampaignForm(
                        "Vận động thử cổng nhà tài trợ "
                                + UUID.randomUUID().toString().substring(0, 8),
                        "24640",
                        today.minusDays(5),
                        today.plusDays(5),
                        100_000_000L,
                        today.getYear(),
                        List.of(new BankAccount("970405", "Agribank", account, "UBMTTQ THU")),
                        List.of()))));
        return created.get();
    }

    private GiftView gift(Campaign campaign, Donor donor, long amount, Long needId) {
        AtomicReference<GiftView> gift = new AtomicReference<>();
        CurrentActor.runAs(
                Actor.SYSTEM,
                () -> gift.set(donations.record(new GiftForm(
                        campaign.id().value(),
                        donor.record().id().value(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "CASH",
                        amount,
                        organisation.today(),
                        needId,
                        null,
                        null,
                        "Ủng hộ các cháu",
                        null,
                        List.of()))));
        return gift.get();
    }

    private void deliver(Campaign campaign, long needId, long amount, int children) {
        CurrentActor.runAs(
                Actor.SYSTEM,
                () -> ledger.deliver(new DeliveryPosting(
                        campaign.id(),
                        Destination.toNeed(needId),
                        organisation.today(),
                        Vnd.of(amount),
                        null,
                        children,
                        "portal-test-" + UUID.randomUUID())));
    }

    private Need openNeed() {
        return jdbc.sql("""
                        select n.id, c.name_vi, n.unit_code from need n join support_category c on c.code = n.category_code
                        where n.commune_code = '24640' and n.status in ('PUBLISHED', 'PARTLY_FUNDED')
                        and n.total_dong - n.funded_dong >= 1000000
                        order by (n.unit_code <> n.commune_code) desc, n.total_dong - n.funded_dong desc limit 1""")
                .query((rs, n) -> new Need(
                        rs.getLong(1),
                        rs.getString(2),
                        organisation
                                .find(rs.getString(3), organisation.today())
                                .orElseThrow()
                                .name()))
                .single();
    }

    /** A unique amount below 1.000.000 ₫ and at least 500.000 ₫ (so a 400.000 ₫ delivery fits). */
    private static long uniqueAmount() {
        return 500_000 + ThreadLocalRandom.current().nextLong(1, 499_000);
    }

    /** Amounts as the statement PDF prints them: {@code 1.250.000 đồng}. */
    private static String money(long dong) {
        return Vnd.of(dong).formatted().replace(" ₫", " đồng");
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private MimeMessage statementMail(String address, String subject) {
        return Arrays.stream(to(address))
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith(subject);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst()
                .orElse(null);
    }

    private MimeMessage[] to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toArray(MimeMessage[]::new);
    }
}
