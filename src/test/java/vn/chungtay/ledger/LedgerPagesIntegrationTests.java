package vn.chungtay.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;

@IntegrationTest
class LedgerPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    NeedManagement needs;

    @Autowired
    OrganisationManagement organisation;

    LedgerMother mother;

    @BeforeEach
    void setUp() {
        mother = new LedgerMother(campaigns, needs, organisation, ledger);
    }

    private RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void officerSeesTheCampaignLedgerAndAllocatesToANeedFromTheForm() throws Exception {
        Campaign campaign = mother.campaign("24640");
        NeedView need = mother.publishedNeed("24640", 10, 100_000);
        mother.receipt(campaign, 400_000, "ung ho");
        String page = "/ledger/campaigns/" + campaign.id().value();

        mvc.perform(get(page).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"allocation-form\"")))
                .andExpect(content().string(containsString("Quỹ Xã Cư Jút")))
                .andExpect(
                        content().string(containsString("value=\"" + need.id().value() + "\"")));
        mvc.perform(post(page + "/allocations")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("target", "NEED")
                        .param("needId", Long.toString(need.id().value()))
                        .param("amount", "250.000"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("flashSuccess", "Đã phân bổ 250.000 ₫ (bút toán số 2)."));
        mvc.perform(post(page + "/allocations")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("target", "COMMUNE")
                        .param("communeCode", "24640")
                        .param("amount", "150001"))
                .andExpect(flash().attribute("flashError", containsString("chỉ còn 150.000 ₫")));
        assertThat(ledger.totals(campaign.id()).allocated()).isEqualTo(Vnd.of(250_000));

        mvc.perform(get(page).with(signedIn("xa.namdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"allocation-form\""))));
    }

    @Test
    void officerReversesAnEntryWithAReasonFromThePage() throws Exception {
        Campaign campaign = mother.campaign("24640");
        LedgerEntry receipt = mother.receipt(campaign, 100_000, null);
        String page = "/ledger/campaigns/" + campaign.id().value();
        mvc.perform(post("/ledger/entries/" + receipt.id().value() + "/reversal")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("reason", "Ghi trùng"))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("flashSuccess", "Đã đảo bút toán số 1 bằng bút toán số 2."));
        mvc.perform(post("/ledger/entries/" + receipt.id().value() + "/reversal")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("reason", "Lại"))
                .andExpect(flash().attribute("flashError", containsString("đã được đảo rồi")));
        mvc.perform(get(page).with(signedIn("xa.cujut")))
                .andExpect(content().string(containsString("Lý do: Ghi trùng")))
                .andExpect(content().string(containsString("Đã đảo")));
        mvc.perform(post(page + "/verification").with(signedIn("xa.cujut")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "Chuỗi băm nguyên vẹn: đã kiểm tra 2 bút toán."));
    }

    @Test
    void officersListTheirCampaignsAndTheLedgerPagesNeedASignIn() throws Exception {
        Campaign campaign = mother.campaign("24640");
        mvc.perform(get("/ledger").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(campaign.code())));
        mvc.perform(get("/ledger/campaigns/" + campaign.id().value())).andExpect(status().is3xxRedirection());
    }

    @Test
    void aChangedEntryRaisesAnAlertThatAdministratorsSee() throws Exception {
        Campaign campaign = mother.campaign("24640");
        mother.receipt(campaign, 100_000, null);
        LedgerEntry second = mother.receipt(campaign, 200_000, null);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update ledger_entry set public_message = 'sửa lén' where id = :id")
                    .param("id", second.id().value())
                    .update();
        });

        mvc.perform(post("/admin/ledger/alerts/check").with(signedIn("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/ledger/alerts"))
                .andExpect(flash().attribute("flashError", containsString("chuỗi băm bị thay đổi")));
        mvc.perform(get("/admin/ledger/alerts").with(signedIn("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("CT" + campaign.id().value())))
                .andExpect(content().string(containsString("the stored fields of entry 2 no longer give its hash")));
        mvc.perform(get("/admin/ledger/alerts").with(signedIn("xa.cujut"))).andExpect(status().isForbidden());
        mvc.perform(post("/ledger/campaigns/" + campaign.id().value() + "/verification")
                        .with(signedIn("xa.cujut"))
                        .with(csrf()))
                .andExpect(flash().attribute("flashError", containsString("bút toán số 2")));
    }
}
