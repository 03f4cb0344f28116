package vn.chungtay.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.chungtay.IntegrationTest;
import vn.chungtay.shared.money.Vnd;

@IntegrationTest
class CampaignPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    CampaignManagement campaigns;

    private RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    private Campaign newCampaign(String unit) {
        return campaigns.create(new CampaignForm(
                "Chiến dịch thử " + UUID.randomUUID().toString().substring(0, 8),
                unit,
                LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 1, 31),
                10_000_000L,
                2026,
                List.of(),
                List.of()));
    }

    @Test
    void theCommuneSeesItsOwnAndTheProvincesCampaignOf17October() throws Exception {
        mvc.perform(get("/campaigns?year=2026").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"campaigns\"")))
                .andExpect(content().string(containsString("Ngày vì người nghèo 17/10 năm 2026 – Xã Cư Jút")))
                .andExpect(content().string(containsString("Ngày vì người nghèo 17/10 năm 2026 – Tỉnh Lâm Đồng")));
    }

    @Test
    void officerAdjustsTargetsAndBadNumbersAreShownNextToTheFieldWithNothingSaved() throws Exception {
        Campaign campaign = newCampaign("24640");
        mvc.perform(post("/campaigns/{id}/targets", campaign.id().value())
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("targetDong", "50.000.000")
                        .param("turns.DO_AM", "120")
                        .param("amount.DO_AM", "21.600.000")
                        .param("turns.HOC_TAP", "40"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/campaigns/" + campaign.id()));
        CampaignDetails saved = campaigns.details(campaign.id());
        assertThat(saved.campaign().target()).isEqualTo(Vnd.of(50_000_000));
        assertThat(saved.targets())
                .containsExactlyInAnyOrder(
                        new CampaignTarget("HOC_TAP", 40, Vnd.ZERO),
                        new CampaignTarget("DO_AM", 120, Vnd.of(21_600_000)))
                .hasSize(2);

        mvc.perform(post("/campaigns/{id}/targets", campaign.id().value())
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("targetDong", "50000000")
                        .param("turns.DO_AM", "mười"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("Vui lòng nhập số nguyên")));
        mvc.perform(post("/campaigns/{id}/targets", campaign.id().value())
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("targetDong", "1000000")
                        .param("amount.DO_AM", "2000000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("nhỏ hơn tổng tiền các loại hỗ trợ")));
        assertThat(campaigns.details(campaign.id()).targets()).hasSize(2);
        assertThat(campaigns.details(campaign.id()).campaign().target()).isEqualTo(Vnd.of(50_000_000));
    }

    @Test
    void targetsRejectNegativeTurnsUnknownOrRepeatedCategoriesAndMoneyAboveTheTarget() {
        Campaign campaign = newCampaign("24640");
        CampaignId id = campaign.id();
        assertThatThrownBy(() -> campaigns.setTargets(
                        id, new CampaignTargetsForm(0L, List.of(new CampaignTargetsForm.Category("DO_AM", -1, 0L)))))
                .isInstanceOfSatisfying(
                        InvalidCampaign.class, e -> assertThat(e.field()).isEqualTo("turns.DO_AM"));
        assertThatThrownBy(() -> campaigns.setTargets(
                        id, new CampaignTargetsForm(0L, List.of(new CampaignTargetsForm.Category("KHONG_CO", 5, 0L)))))
                .isInstanceOfSatisfying(
                        InvalidCampaign.class, e -> assertThat(e.field()).isEqualTo("categoryCode"));
        assertThatThrownBy(() -> campaigns.setTargets(
                        id,
                        new CampaignTargetsForm(
                                0L,
                                List.of(
                                        new CampaignTargetsForm.Category("DO_AM", 5, 0L),
                                        new CampaignTargetsForm.Category("DO_AM", 6, 0L)))))
                .isInstanceOfSatisfying(
                        InvalidCampaign.class,
                        e -> assertThat(e.messageKey()).isEqualTo("campaign.error.categoryTwice"));
        assertThatThrownBy(() -> campaigns.setTargets(
                        id,
                        new CampaignTargetsForm(1_000L, List.of(new CampaignTargetsForm.Category("DO_AM", 5, 1_001L)))))
                .isInstanceOfSatisfying(
                        InvalidCampaign.class, e -> assertThat(e.field()).isEqualTo("targetDong"));
        assertThatThrownBy(() -> campaigns.setTargets(id, new CampaignTargetsForm(-5L, List.of())))
                .isInstanceOf(InvalidCampaign.class);
        assertThat(campaigns.details(id).targets()).isEmpty();
        assertThat(campaigns
                        .setTargets(
                                id,
                                new CampaignTargetsForm(
                                        1_001L, List.of(new CampaignTargetsForm.Category("DO_AM", 5, 1_001L))))
                        .targets())
                .containsExactly(new CampaignTarget("DO_AM", 5, Vnd.of(1_001)));
    }

    @Test
    void anotherCommuneMayNeitherChangeTargetsNorAddAccounts() throws Exception {
        Campaign campaign = newCampaign("24640");
        mvc.perform(post("/campaigns/{id}/targets", campaign.id().value())
                        .with(signedIn("xa.namdong"))
                        .with(csrf())
                        .param("targetDong", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/campaigns/{id}/accounts", campaign.id().value())
                        .with(signedIn("xa.namdong"))
                        .with(csrf())
                        .param("bankBin", "970415")
                        .param("bankName", "VietinBank")
                        .param("accountNumber", "104002345678")
                        .param("accountName", "UB MTTQ XA NAM DONG"))
                .andExpect(status().isForbidden());
    }

    @Test
    void officerOpensACampaignWithAnAccountAndAddsASecondOne() throws Exception {
        String name = "Học bổng cho em " + UUID.randomUUID().toString().substring(0, 6);
        String location = mvc.perform(post("/campaigns")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("name", name)
                        .param("unitCode", "24640")
                        .param("receivingFrom", "2026-12-01")
                        .param("receivingTo", "2027-02-28")
                        .param("targetDong", "30.000.000")
                        .param("programmeCode", "")
                        .param("bankBin", "970436")
                        .param("bankName", "Vietcombank")
                        .param("accountNumber", "0631 0004 56789")
                        .param("accountName", "UB MTTQ XA CU JUT"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/campaigns/{id}/accounts", id)
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("bankBin", "970415")
                        .param("bankName", "VietinBank")
                        .param("accountNumber", "104001234567")
                        .param("accountName", "UB MTTQ XA CU JUT"))
                .andExpect(status().is3xxRedirection());
        Campaign campaign = campaigns.get(new CampaignId(id));
        assertThat(campaign.accounts())
                .extracting(BankAccount::accountNumber)
                .containsExactly("0631000456789", "104001234567");
        assertThat(campaigns.details(campaign.id()).programme())
                .map(Programme::code)
                .contains("HOTRO_TRE_EM_2026_2030");
        mvc.perform(get("/campaigns/{id}", id).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("104001234567")))
                .andExpect(content().string(containsString("id=\"targets-form\"")));

        mvc.perform(post("/campaigns")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("name", "")
                        .param("unitCode", "24640")
                        .param("receivingFrom", "2026-12-01")
                        .param("receivingTo", "2026-11-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
    }

    @Test
    void dashboardAndPublicPageShowProgressWithoutPersonalData() throws Exception {
        Campaign campaign = campaigns.list("24640", 2026).stream()
                .filter(c -> c.name().contains("17/10"))
                .findFirst()
                .orElseThrow();
        mvc.perform(get("/campaigns/{id}/dashboard", campaign.id().value()).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-chart=")))
                .andExpect(content().string(containsString("chart-money")))
                .andExpect(content().string(containsString("/js/campaign-dashboard")))
                .andExpect(content().string(containsString("id=\"villages-not-reached\"")))
                .andExpect(content().string(containsString("Buôn Buôr")));
        mvc.perform(get("/public/campaigns/{id}", campaign.id().value()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ngày vì người nghèo 17/10 năm 2026 – Xã Cư Jút")))
                .andExpect(content().string(containsString("id=\"campaign-progress\"")))
                .andExpect(content().string(not(containsString("Y Thử"))));
        mvc.perform(get("/campaigns/{id}/dashboard", campaign.id().value()).with(signedIn("xa.namdong")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/public/campaigns/999999999")).andExpect(status().isNotFound());
    }

    @Autowired
    vn.chungtay.ledger.Ledger ledger;

    @Autowired
    vn.chungtay.organisation.OrganisationManagement organisation;

    @Test
    void dashboardCountsTheLedgerNetOfReversalsPerCommuneCategoryAndVillage() throws Exception {
        Campaign campaign = campaigns.create(new CampaignForm(
                "Bảng theo dõi thử " + UUID.randomUUID().toString().substring(0, 8),
                "24640",
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 31),
                10_000_000L,
                2026,
                List.of(),
                List.of()));
        campaigns.setTargets(
                campaign.id(),
                new CampaignTargetsForm(10_000_000L, List.of(new CampaignTargetsForm.Category("DO_AM", 40, 0L))));
        var village = organisation.villages("24640", organisation.today()).get(0);
        LocalDate day = LocalDate.of(2026, 11, 2);
        ledger.postReceipt(new vn.chungtay.ledger.ReceiptPosting(
                campaign.id(), "24640", day, Vnd.of(5_000_000), null, 990_001L, "Ẩn danh", "ung ho", "test-1"));
        var mistaken = ledger.postReceipt(new vn.chungtay.ledger.ReceiptPosting(
                campaign.id(), "24640", day, Vnd.of(1_000_000), null, 990_002L, "Ẩn danh", "nham", "test-2"));
        ledger.reverse(mistaken.id(), "Ghi nhầm chiến dịch");
        var destination = new vn.chungtay.ledger.Destination(null, "24640", village.code(), "DO_AM");
        ledger.allocate(new vn.chungtay.ledger.AllocationPosting(
                campaign.id(), "24640", destination, day, Vnd.of(2_000_000), null, "áo ấm"));
        ledger.deliver(new vn.chungtay.ledger.DeliveryPosting(
                campaign.id(), destination, day, Vnd.of(1_500_000), null, 10, "test-delivery"));

        mvc.perform(get("/campaigns/{id}/dashboard", campaign.id().value()).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã nhận 5.000.000 ₫ / mục tiêu 10.000.000 ₫ (50%)")))
                .andExpect(content().string(containsString("Đã phân bổ 2.000.000 ₫, đã trao 1.500.000 ₫")))
                .andExpect(content().string(containsString("Đã hỗ trợ 10 / 40 lượt trẻ em")))
                .andExpect(content().string(containsString("id=\"by-commune\"")));
        String page = mvc.perform(
                        get("/campaigns/{id}/dashboard", campaign.id().value()).with(signedIn("xa.cujut")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String notReached = page.substring(page.indexOf("id=\"villages-not-reached\""));
        assertThat(notReached).doesNotContain(">" + village.fullName() + "<");
        mvc.perform(get("/public/campaigns/{id}", campaign.id().value()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã nhận 5.000.000 ₫")))
                .andExpect(content().string(not(containsString("990001"))));
    }
}
