package vn.chungtay.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class NeedApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationManagement organisation;

    private String village(String commune) {
        return organisation.villages(commune, organisation.today()).stream()
                .filter(v -> v.validTo() == null)
                .findFirst()
                .orElseThrow()
                .code();
    }

    private static String season() {
        return "Đợt " + UUID.randomUUID().toString().substring(0, 8);
    }

    private int year() {
        return organisation.today().getYear();
    }

    private long create(String user, String body) throws Exception {
        String response = mvc.perform(post("/api/v1/needs")
                        .with(httpBasic(user, "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Long.parseLong(response.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
    }

    private long needsWithSeason(String season) {
        return jdbc.sql("select count(*) from need where season = :s")
                .param("s", season)
                .query(Long.class)
                .single();
    }

    @Test
    void communeOfficerRecordsADraftWithItsTotalInWholeDong() throws Exception {
        String season = season();
        mvc.perform(post("/api/v1/needs")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NeedMother.json(village("24640"), "HOC_TAP", year(), season, "3", "333333")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.total").value(999_999))
                .andExpect(jsonPath("$.communeCode").value("24640"))
                .andExpect(jsonPath("$.provinceCode").value("68"));
        var audit = jdbc.sql("select a.action from audit_entry a join need n on a.entity_id = n.id::text"
                        + " where a.entity_type = 'Need' and n.season = :s")
                .param("s", season)
                .query(String.class)
                .list();
        assertThat(audit).containsExactly("CREATE");
    }

    @Test
    void badInputIsRefusedWithAVietnameseMessageNamingTheFieldAndNothingIsWritten() throws Exception {
        String season = season();
        mvc.perform(post("/api/v1/needs")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NeedMother.json(village("24640"), "DO_AM", year(), season, "0", "100000")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("quantity"))
                .andExpect(jsonPath("$.message").value("Số lượng phải là số nguyên từ 1 đến 1.000.000."));
        mvc.perform(post("/api/v1/needs")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NeedMother.json(village("24640"), "KHONG_CO", year(), season, "2", "12.5")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("categoryCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("unitCost")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("Đơn giá"))));
        mvc.perform(post("/api/v1/needs")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"target\": \"VILLAGE\", \"quantity\": {\"x\": 1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("quantity"));
        assertThat(needsWithSeason(season)).isZero();
    }

    @Test
    void officersCannotRecordNeedsOutsideTheirCommune() throws Exception {
        String season = season();
        mvc.perform(post("/api/v1/needs")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NeedMother.json(village("24649"), "DO_AM", year(), season, "2", "100000")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/needs")
                        .with(httpBasic("giamsat.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NeedMother.json(village("24640"), "DO_AM", year(), season, "2", "100000")))
                .andExpect(status().isForbidden());
        assertThat(needsWithSeason(season)).isZero();
        long id = create("xa.namdong", NeedMother.json(village("24649"), "DO_AM", year(), season, "2", "100000"));
        mvc.perform(get("/api/v1/needs/" + id).with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/needs/" + id + "/submit").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isForbidden());
    }

    @Test
    void warnsOfADuplicateAndRecordsItOnlyWhenConfirmed() throws Exception {
        String season = season();
        String body = NeedMother.json(village("24640"), "QUAN_AO", year(), season, "5", "200000");
        long first = create("xa.cujut", body);
        mvc.perform(post("/api/v1/needs")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("duplicate"))
                .andExpect(jsonPath("$.duplicates[0]").value(first))
                .andExpect(jsonPath("$.message", containsString("trùng")));
        assertThat(needsWithSeason(season)).isEqualTo(1);
        create(
                "xa.cujut",
                body.replace("\"childrenServed\": 12", "\"childrenServed\": 12, \"confirmDuplicate\": true"));
        assertThat(needsWithSeason(season)).isEqualTo(2);
        // another category or a cancelled need is no duplicate
        create("xa.cujut", NeedMother.json(village("24640"), "HOC_TAP", year(), season, "5", "200000"));
    }

    @Test
    void communeSubmitsProvinceApprovesCommunePublishesAndIllegalStepsAreRefused() throws Exception {
        long id = create("xa.cujut", NeedMother.json(village("24640"), "SUC_KHOE", year(), season(), "4", "150000"));
        mvc.perform(post("/api/v1/needs/" + id + "/publish").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("onlyApprovedNeedsArePublished"))
                .andExpect(jsonPath("$.message").value("Chỉ công bố được nhu cầu đã được duyệt."));
        mvc.perform(post("/api/v1/needs/" + id + "/approve").with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("onlySubmittedDraftsAreApproved"));
        mvc.perform(post("/api/v1/needs/" + id + "/submit").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submitted").value(true));
        mvc.perform(post("/api/v1/needs/" + id + "/approve").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/needs/" + id + "/approve").with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(post("/api/v1/needs/" + id + "/publish").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(post("/api/v1/needs/" + id + "/deliver").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("onlyFundedNeedsAreDelivered"));
        mvc.perform(post("/api/v1/needs/" + id + "/cancel")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        var actions = jdbc.sql("select action from audit_entry where entity_type = 'Need' and entity_id = :id"
                        + " order by id")
                .param("id", Long.toString(id))
                .query(String.class)
                .list();
        assertThat(actions).containsExactly("CREATE", "SUBMIT", "APPROVE", "PUBLISH");
        var after = jdbc.sql("select after::text from audit_entry where entity_type = 'Need' and entity_id = :id")
                .param("id", Long.toString(id))
                .query(String.class)
                .list();
        assertThat(after).noneMatch(a -> a.contains("childId"));
    }

    @Test
    void listsNeedsOfTheCallersScopeByCommuneAndStatus() throws Exception {
        mvc.perform(get("/api/v1/needs?commune=24640&status=PUBLISHED&size=5").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].communeCode").value("24640"))
                .andExpect(jsonPath("$.content[0].status").value("PUBLISHED"));
        mvc.perform(get("/api/v1/needs?commune=24649").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/needs?status=NOPE").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("status"));
    }
}
