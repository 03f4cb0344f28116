package vn.chungtay.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class DonationApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    OrganisationManagement organisation;

    private LocalDate today() {
        return organisation.today();
    }

    private Campaign cuJut() {
        return DonationMother.campaign(campaigns, "24640", today().minusDays(30), today().plusDays(30));
    }

    private long donationsOf(long campaignId) {
        return jdbc.sql("select count(*) from donation where campaign_id = ?")
                .param(campaignId)
                .query(Long.class)
                .single();
    }

    @Test
    void recordsACashGiftWithAReceiptNumberAndAReceiptEntryInTheLedger() throws Exception {
        Campaign campaign = cuJut();
        String body = mvc.perform(post("/api/v1/donations")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DonationMother.json(
                                campaign.id().value(), "Nguyễn Văn Tiền", "CASH", 1_500_000, today())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.receiptNumber", matchesPattern("\\d+/\\d{4}/BN-24640")))
                .andExpect(jsonPath("$.amount").value(1_500_000))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
        var ledger = jdbc.sql("select kind, amount_dong from ledger_entry where source_ref = ?")
                .param(Long.toString(id))
                .query((rs, n) -> rs.getString(1) + ":" + rs.getLong(2))
                .list();
        assertThat(ledger).containsExactly("RECEIPT:1500000");
        var audit = jdbc.sql("select action from audit_entry where entity_type = 'Donation' and entity_id = ?")
                .param(Long.toString(id))
                .query(String.class)
                .list();
        assertThat(audit).containsExactly("CREATE");
    }

    @Test
    void earmarkedGiftIsAllocatedToTheNeedInTheSameTransaction() throws Exception {
        Campaign campaign = cuJut();
        long needId = DonationTestNeeds.openNeed(jdbc, "24640");
        long fundedBefore = DonationTestNeeds.funded(jdbc, needId);
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"campaignId": %d, "donor": {"name": "Lê Thị Nhu Cầu", "kind": "INDIVIDUAL", "domestic": true},
                                 "channel": "BANK_TRANSFER", "amount": 10000, "receivedOn": "%s", "needId": %d}""".formatted(campaign.id().value(), today(), needId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.needId").value(needId));
        assertThat(DonationTestNeeds.funded(jdbc, needId)).isEqualTo(fundedBefore + 10_000);
        var kinds = jdbc.sql("select e.kind from ledger_entry e join donation d on e.source_ref = d.id::text"
                        + " where d.campaign_id = ? order by e.id")
                .param(campaign.id().value())
                .query(String.class)
                .list();
        assertThat(kinds).containsExactly("RECEIPT");
        assertThat(jdbc.sql("select count(*) from ledger_entry where campaign_id = ? and kind = 'ALLOCATION'"
                                + " and need_id = ?")
                        .params(campaign.id().value(), needId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void refusesAGiftOutsideTheCampaignWindowNamingTheDayAndWritesNothing() throws Exception {
        Campaign campaign = DonationMother.campaign(campaigns, "24640", today().minusDays(60), today().minusDays(31));
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DonationMother.json(campaign.id().value(), "Trễ Hạn", "CASH", 100_000, today())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("receivedOn"))
                .andExpect(jsonPath("$.message", containsString("không nhận ủng hộ vào ngày")));
        assertThat(donationsOf(campaign.id().value())).isZero();
    }

    @Test
    void refusesAZeroAmountAndAnUnknownChannelNamingTheFields() throws Exception {
        Campaign campaign = cuJut();
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DonationMother.json(campaign.id().value(), "Không Đồng", "CASH", 0, today())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("amount"))
                .andExpect(jsonPath("$.message", containsString("lớn hơn 0")));
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DonationMother.json(campaign.id().value(), "Sai Kênh", "CHEQUE", 1000, today())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("channel"));
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"campaignId\": \"abc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("campaignId"));
        assertThat(donationsOf(campaign.id().value())).isZero();
    }

    @Test
    void anotherCommunesOfficerMayNotReceiveForTheCampaign() throws Exception {
        Campaign campaign = cuJut();
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic("xa.namdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DonationMother.json(campaign.id().value(), "Ngoài Phạm Vi", "CASH", 100_000, today())))
                .andExpect(status().isForbidden());
        assertThat(donationsOf(campaign.id().value())).isZero();
    }

    @Test
    void communeOfficerReceivesForTheProvinceCampaignIntoTheCommunePool() throws Exception {
        Campaign province = DonationMother.campaign(campaigns, "68", today().minusDays(10), today().plusDays(10));
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DonationMother.json(province.id().value(), "Người Ở Xã", "CASH", 200_000, today())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.receivingUnitCode").value("24640"))
                .andExpect(jsonPath("$.receiptNumber", matchesPattern("\\d+/\\d{4}/BN-24640")));
    }

    @Test
    void recordsGoodsInKindWithTheirEstimatedValue() throws Exception {
        Campaign campaign = cuJut();
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"campaignId": %d, "donor": {"name": "Công ty May Tây Nguyên", "kind": "BUSINESS", "domestic": true},
                                 "channel": "IN_KIND", "receivedOn": "%s",
                                 "items": [{"name": "Áo ấm", "quantity": 40, "unit": "cái", "value": 6000000, "condition": "Mới"},
                                           {"name": "Sữa hộp", "quantity": 10, "unit": "thùng", "estimatedValue": 3200000,
                                            "expiresOn": "%s"}]}""".formatted(campaign.id().value(), today(), today().plusMonths(6))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value(9_200_000))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[1].expiresOn")
                        .value(today().plusMonths(6).toString()));
        var items = jdbc.sql("select e.item_name || ':' || e.item_quantity from ledger_entry e"
                        + " where e.campaign_id = ? and e.kind = 'RECEIPT' order by e.id")
                .param(campaign.id().value())
                .query(String.class)
                .list();
        assertThat(items).containsExactly("Áo ấm:40", "Sữa hộp:10");
        mvc.perform(post("/api/v1/donations")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"campaignId": %d, "donor": {"name": "Thiếu Hàng"}, "channel": "IN_KIND", "receivedOn": "%s",
                                 "items": [{"name": "", "quantity": 0, "unit": "cái", "value": 1000}]}""".formatted(campaign.id().value(), today())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
    }

    @Test
    void reversingAGiftPostsTheOppositeEntriesAndKeepsTheReceipt() throws Exception {
        Campaign campaign = cuJut();
        String body = mvc.perform(post("/api/v1/donations")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DonationMother.json(campaign.id().value(), "Nhầm Lẫn", "CASH", 300_000, today())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
        mvc.perform(post("/api/v1/donations/" + id + "/reverse")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Ghi nhầm số tiền\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reversed").value(true));
        assertThat(jdbc.sql("select count(*) from ledger_entry where campaign_id = ? and kind = 'REVERSAL'")
                        .param(campaign.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(post("/api/v1/donations/" + id + "/reverse")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Lần nữa\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/donations/" + id).with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reverseReason").value("Ghi nhầm số tiền"));
    }

    @Test
    void listsTheGiftsOfACampaignWithinScope() throws Exception {
        Campaign campaign = cuJut();
        for (int i = 1; i <= 3; i++) {
            mvc.perform(post("/api/v1/donations")
                            .with(httpBasic("xa.cujut", "demo12345"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(DonationMother.json(
                                    campaign.id().value(), "Danh Sách " + i, "CASH", i * 1000, today())))
                    .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/v1/donations?campaign=" + campaign.id().value() + "&page=0")
                        .with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.content.length()").value(3));
        mvc.perform(get("/api/v1/donations?campaign=" + campaign.id().value())
                        .with(httpBasic("xa.namdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
    }
}
