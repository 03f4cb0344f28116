package vn.chungtay.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;

@IntegrationTest
class LedgerApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

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

    private ResultActions post(String user, String path, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(httpBasic(user, "demo12345"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private long entries(Campaign campaign) {
        return jdbc.sql("select count(*) from ledger_entry where campaign_id = :c")
                .param("c", campaign.id().value())
                .query(Long.class)
                .single();
    }

    @Test
    void officerAllocatesToANeedAndGets201WithTheEntry() throws Exception {
        Campaign campaign = mother.campaign("24640");
        NeedView need = mother.publishedNeed("24640", 10, 100_000);
        mother.receipt(campaign, 700_000, null);

        post("xa.cujut", "/api/v1/allocations", """
                        {"campaignId": %d, "needId": %d, "amount": 500000}""".formatted(
                                campaign.id().value(), need.id().value()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/ledger/entries/")))
                .andExpect(jsonPath("$.sequence").value(2))
                .andExpect(jsonPath("$.kind").value("ALLOCATION"))
                .andExpect(jsonPath("$.toAccount").value("NEED:" + need.id().value()))
                .andExpect(jsonPath("$.amount").value(500_000))
                .andExpect(jsonPath("$.hash").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")));
        assertThat(mother.need(need.id()).funded()).isEqualTo(Vnd.of(500_000));
        mvc.perform(get("/api/v1/ledger/campaigns/" + campaign.id().value()).with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value(700_000))
                .andExpect(jsonPath("$.allocated").value(500_000))
                .andExpect(jsonPath("$.unallocated").value(200_000));
    }

    @Test
    void allocationAboveWhatWasReceivedIs422WithAVietnameseMessageAndWritesNothing() throws Exception {
        Campaign campaign = mother.campaign("24640");
        NeedView need = mother.publishedNeed("24640", 10, 100_000);
        mother.receipt(campaign, 300_000, null);

        post("xa.cujut", "/api/v1/allocations", """
                        {"campaignId": %d, "needId": %d, "amount": 300001}""".formatted(
                                campaign.id().value(), need.id().value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rule").value("allocatedAtMostReceived"))
                .andExpect(jsonPath("$.field").value("amount"))
                .andExpect(jsonPath("$.message")
                        .value("Không thể phân bổ 300.001 ₫: quỹ chung của chiến dịch chỉ còn 300.000 ₫ chưa phân bổ"
                                + " (không được phân bổ nhiều hơn số đã nhận)."));
        assertThat(entries(campaign)).isEqualTo(1);
        assertThat(mother.need(need.id()).funded()).isEqualTo(Vnd.ZERO);
    }

    @Test
    void allocatesToACommuneAndCategoryTransfersAndReversesOnce() throws Exception {
        Campaign province = mother.campaign("68");
        LedgerEntry gift = ledger.postReceipt(new ReceiptPosting(
                province.id(), "68", mother.today(), Vnd.of(1_000_000), null, 5L, "Công ty A", null, null));
        post("tinh.lamdong", "/api/v1/transfers", """
                        {"campaignId": %d, "fromUnitCode": "68", "toUnitCode": "24640", "amount": 600000, "note": "về xã"}""".formatted(province.id().value()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.toAccount").value("POOL:24640"));
        String body = post("xa.cujut", "/api/v1/allocations", """
                        {"campaignId": %d, "fromUnitCode": "24640", "communeCode": "24640", "categoryCode": "HOC_TAP",
                         "amount": 250000}""".formatted(
                                province.id().value()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.toAccount").value("COMMUNE:24640:HOC_TAP"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long allocationId = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));

        post("xa.cujut", "/api/v1/ledger/entries/" + allocationId + "/reversal", "{\"reason\": \"Nhầm nhóm hỗ trợ\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("REVERSAL"))
                .andExpect(jsonPath("$.reverses").value(allocationId))
                .andExpect(jsonPath("$.toAccount").value("POOL:24640"));
        post("xa.cujut", "/api/v1/ledger/entries/" + allocationId + "/reversal", "{\"reason\": \"Lần nữa\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rule").value("reversedAtMostOnce"));
        // the commune officer may not spend the province's pool
        post("xa.cujut", "/api/v1/allocations", """
                        {"campaignId": %d, "communeCode": "24640", "amount": 1000}""".formatted(province.id().value()))
                .andExpect(status().isForbidden());
        assertThat(ledger.totals(province.id()).received()).isEqualTo(gift.amount());
        assertThat(ledger.totals(province.id()).unallocated()).isEqualTo(Vnd.of(1_000_000));
    }

    @Test
    void officersOfAnotherCommuneGet403AndNothingIsWritten() throws Exception {
        Campaign campaign = mother.campaign("24640");
        mother.receipt(campaign, 300_000, null);
        post("xa.namdong", "/api/v1/allocations", """
                        {"campaignId": %d, "communeCode": "24640", "amount": 1000}""".formatted(campaign.id().value()))
                .andExpect(status().isForbidden());
        post("giamsat.lamdong", "/api/v1/allocations", """
                        {"campaignId": %d, "communeCode": "24640", "amount": 1000}""".formatted(
                                campaign.id().value()))
                .andExpect(status().isForbidden());
        assertThat(entries(campaign)).isEqualTo(1);
    }

    @Test
    void badInputIsNamedAndUnknownCampaignsAre404() throws Exception {
        Campaign campaign = mother.campaign("24640");
        post("xa.cujut", "/api/v1/allocations", """
                        {"campaignId": 99999999, "communeCode": "24640", "amount": 1000}""")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("campaignId"));
        post("xa.cujut", "/api/v1/allocations", """
                        {"campaignId": %d, "communeCode": "24640", "amount": "nhiều"}""".formatted(campaign.id().value()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("amount"))
                .andExpect(jsonPath("$.message").value("Giá trị của trường amount không hợp lệ."));
        post("xa.cujut", "/api/v1/allocations", """
                        {"campaignId": %d, "communeCode": "24640", "amount": -5}""".formatted(campaign.id().value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("amount"));
        post("xa.cujut", "/api/v1/allocations", """
                        {"campaignId": %d, "amount": 5000}""".formatted(campaign.id().value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value("Cần chọn nơi nhận: một nhu cầu, một xã hoặc một nhóm hỗ trợ."));
        post("xa.cujut", "/api/v1/ledger/entries/0/reversal", "{\"reason\": \"x\"}")
                .andExpect(status().isNotFound());
        assertThat(entries(campaign)).isZero();
    }
}
