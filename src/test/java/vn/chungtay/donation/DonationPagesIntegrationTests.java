package vn.chungtay.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.chungtay.IntegrationTest;
import vn.chungtay.TestSmtp;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class DonationPagesIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    MailOutbox outbox;

    private RequestPostProcessor officer() {
        return user(users.loadUserByUsername("xa.cujut"));
    }

    private LocalDate today() {
        return organisation.today();
    }

    private long recordCashOnThePage(Campaign campaign, String donor, String email) throws Exception {
        String location = mvc.perform(post("/donations")
                        .with(officer())
                        .with(csrf())
                        .param("campaignId", Long.toString(campaign.id().value()))
                        .param("receivedOn", today().toString())
                        .param("channel", "CASH")
                        .param("amount", "1.500.000")
                        .param("donorName", donor)
                        .param("donorKind", "INDIVIDUAL")
                        .param("donorDomestic", "true")
                        .param("donorEmail", email)
                        .param("message", "Chúc các cháu học giỏi"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.replaceAll(".*/donations/(\\d+)$", "$1"));
    }

    @Test
    void anOfficerRecordsACashGiftOnThePhoneFormAndPrintsTheReceipt() throws Exception {
        Campaign campaign = DonationMother.campaign(campaigns, "24640", today().minusDays(5), today().plusDays(5));
        mvc.perform(get("/donations/new").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(campaign.name())))
                .andExpect(content().string(containsString("name=\"items[0].name\"")));
        long id = recordCashOnThePage(campaign, "Nguyễn Thị Biên Nhận", "");
        mvc.perform(get("/donations/" + id).with(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nguyễn Thị Biên Nhận")))
                .andExpect(content().string(containsString("receipt-link")));
        byte[] pdf = mvc.perform(get("/donations/" + id + "/receipt.pdf").with(officer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("BIÊN NHẬN TIẾP NHẬN ỦNG HỘ")
                    .contains("Nguyễn Thị Biên Nhận")
                    .contains("Một triệu năm trăm nghìn đồng")
                    .contains("/BN-24640");
        }
        mvc.perform(get("/donations/" + id).with(user(users.loadUserByUsername("xa.namdong"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theFormShowsErrorsAndWritesNothing() throws Exception {
        Campaign campaign = DonationMother.campaign(campaigns, "24640", today().minusDays(5), today().plusDays(5));
        mvc.perform(post("/donations")
                        .with(officer())
                        .with(csrf())
                        .param("campaignId", Long.toString(campaign.id().value()))
                        .param("receivedOn", today().toString())
                        .param("channel", "IN_KIND")
                        .param("donorName", "")
                        .param("items[0].name", "Áo ấm")
                        .param("items[0].quantity", "0")
                        .param("items[0].unit", "cái")
                        .param("items[0].value", "100000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("Hiện vật dòng 1")));
        mvc.perform(post("/donations")
                        .with(officer())
                        .with(csrf())
                        .param("campaignId", Long.toString(campaign.id().value()))
                        .param("receivedOn", today().toString())
                        .param("channel", "CASH")
                        .param("amount", "một triệu")
                        .param("donorName", "Chữ Không Số"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vui lòng nhập một số nguyên")));
        assertThat(jdbc.sql("select count(*) from donation where campaign_id = ?")
                        .param(campaign.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theReceiptIsMailedAsAPdfOnRequestAndTheDonorIsThanked() throws Exception {
        Campaign campaign = DonationMother.campaign(campaigns, "24640", today().minusDays(5), today().plusDays(5));
        String email = "nha.tai.tro." + DonationMother.unique() + "@example.vn";
        long id = recordCashOnThePage(campaign, "Trần Gửi Thư", email);
        mvc.perform(post("/donations/" + id + "/receipt/send").with(officer()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        outbox.sendDue();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> to(email).length == 2);
        MimeMessage[] mails = to(email);
        MimeMessage receipt = Arrays.stream(mails)
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("Biên nhận ủng hộ số");
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow();
        Multipart parts = (Multipart) receipt.getContent();
        boolean pdf = false;
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getFileName()).startsWith("bien-nhan-").endsWith(".pdf");
                assertThat(part.getContentType()).startsWith("application/pdf");
                pdf = true;
            }
        }
        assertThat(pdf).isTrue();
        assertThat(Arrays.stream(mails).anyMatch(m -> {
                    try {
                        return m.getSubject().startsWith("Cảm ơn tấm lòng của bạn");
                    } catch (Exception e) {
                        return false;
                    }
                }))
                .isTrue();
    }

    @Test
    void theListFiltersAndReversingNeedsAReason() throws Exception {
        Campaign campaign = DonationMother.campaign(campaigns, "24640", today().minusDays(5), today().plusDays(5));
        long id = recordCashOnThePage(campaign, "Hoàng Danh Sách", "");
        mvc.perform(get("/donations?campaign=" + campaign.id().value()).with(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hoàng Danh Sách")))
                .andExpect(content().string(containsString("/public/qr/campaigns/")));
        mvc.perform(get("/donations?q=hoang+danh+sach")
                        .header("HX-Request", "true")
                        .with(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hoàng Danh Sách")));
        mvc.perform(post("/donations/" + id + "/reverse")
                        .with(officer())
                        .with(csrf())
                        .param("reason", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(reversed(id)).isFalse();
        mvc.perform(post("/donations/" + id + "/reverse")
                        .with(officer())
                        .with(csrf())
                        .param("reason", "Trùng với biên nhận khác"))
                .andExpect(status().is3xxRedirection());
        assertThat(reversed(id)).isTrue();
        mvc.perform(get("/donations/" + id).with(officer()))
                .andExpect(content().string(containsString("gift-reversed")));
    }

    @Test
    void thePagesOpenForOfficersSupervisorsAndAdministrators() throws Exception {
        var supervisor = user(users.loadUserByUsername("giamsat.lamdong"));
        mvc.perform(get("/donations").with(supervisor))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("href=\"/donations/new\""))));
        mvc.perform(get("/donations/new").with(supervisor)).andExpect(status().isForbidden());
        mvc.perform(get("/donations/statements").with(supervisor)).andExpect(status().isForbidden());
        mvc.perform(get("/donations/statements/queue").with(supervisor)).andExpect(status().isOk());
        var admin = user(users.loadUserByUsername("admin"));
        mvc.perform(get("/donations/new?unit=24640").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"unit\"")));
        mvc.perform(get("/donations/statements").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("B-PageId")))
                .andExpect(content().string(containsString("A-TNXDate")));
        mvc.perform(get("/donations/statements/layouts/new").with(officer())).andExpect(status().isOk());
        mvc.perform(get("/donations/statements/queue").with(officer())).andExpect(status().isOk());
    }

    @Test
    void donorsMayNotSeeTheOfficersList() throws Exception {
        mvc.perform(get("/donations")).andExpect(status().is3xxRedirection());
    }

    private boolean reversed(long id) {
        return jdbc.sql("select reversed_at is not null from donation where id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
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
