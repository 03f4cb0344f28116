package vn.chungtay.organisation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;

@IntegrationTest
class OrgUnitApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void lamDongTodayHas124Communes() throws Exception {
        mvc.perform(get("/api/v1/org-units/68").with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Tỉnh Lâm Đồng"))
                .andExpect(jsonPath("$.validFrom").value("2025-07-01"))
                .andExpect(jsonPath("$.children", hasSize(124)))
                .andExpect(jsonPath("$.predecessors[*].code", containsInAnyOrder("60", "67", "68")));
        mvc.perform(get("/api/v1/org-units").param("parent", "68").with(httpBasic("admin", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(124)));
    }

    @Test
    void cuJutDistrictIn2020HadEightUnitsAndLivesOnInThreeCommunes() throws Exception {
        mvc.perform(get("/api/v1/org-units/662").param("date", "2020-01-01").with(httpBasic("admin", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Huyện Cư Jút"))
                .andExpect(jsonPath("$.type").value("Huyện"))
                .andExpect(jsonPath("$.parentCode").value("67"))
                .andExpect(jsonPath("$.validTo").value("2025-06-30"))
                .andExpect(jsonPath("$.children", hasSize(8)))
                .andExpect(jsonPath("$.successors[*].code", containsInAnyOrder("24640", "24646", "24649")))
                .andExpect(jsonPath("$.successors[*].validFrom", hasItem("2025-07-01")));
    }

    @Test
    void code24640IsXaCuJutTodayFormedFromFourOldUnits() throws Exception {
        mvc.perform(get("/api/v1/org-units/24640").param("date", "2026-01-01").with(httpBasic("admin", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Xã Cư Jút"))
                .andExpect(jsonPath("$.parentCode").value("68"))
                .andExpect(jsonPath("$.validTo").value(nullValue()))
                .andExpect(jsonPath("$.predecessors[*].code", contains("24640", "24655", "24658", "24661")))
                .andExpect(jsonPath("$.predecessors[0].name").value("Thị trấn Ea T'Ling"))
                .andExpect(jsonPath("$.predecessors[0].validTo").value("2025-06-30"));
    }

    @Test
    void theSameCodeWasAnotherUnitBeforeTheReform() throws Exception {
        mvc.perform(get("/api/v1/org-units/24640").param("date", "2024-06-01").with(httpBasic("admin", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Thị trấn Ea T'Ling"))
                .andExpect(jsonPath("$.parentCode").value("662"))
                .andExpect(jsonPath("$.successors[*].code", contains("24640")));
    }

    @Test
    void anOldPartiallySplitUnitNamesEverySuccessorAsPartial() throws Exception {
        String oldCode = partiallySplitOldCommune();
        mvc.perform(get("/api/v1/org-units/" + oldCode)
                        .param("date", "2025-06-30")
                        .with(httpBasic("admin", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.successors[*].partial", hasItems(true)));
    }

    @Test
    void searchIgnoresDiacriticsAndDStroke() throws Exception {
        mvc.perform(get("/api/v1/org-units/search").param("q", "cu jut").with(httpBasic("admin", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("24640"));
        mvc.perform(get("/api/v1/org-units/search").param("q", "dak wil").with(httpBasic("admin", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("24646"))
                .andExpect(jsonPath("$[0].fullName").value("Xã Đắk Wil"));
        mvc.perform(get("/api/v1/org-units/search")
                        .param("q", "cu jut")
                        .param("date", "2020-01-01")
                        .with(httpBasic("admin", "demo12345")))
                .andExpect(jsonPath("$[*].fullName", hasItem("Huyện Cư Jút")));
    }

    @Test
    void unknownCodeOrDateIs404() throws Exception {
        mvc.perform(get("/api/v1/org-units/99999").with(httpBasic("admin", "demo12345")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/org-units/662").with(httpBasic("admin", "demo12345")))
                .andExpect(status().isNotFound());
    }

    @Test
    void apiNeedsCredentials() throws Exception {
        mvc.perform(get("/api/v1/org-units/68")).andExpect(status().isUnauthorized());
    }

    @Test
    void subtreeOfAProvinceOnADate() throws Exception {
        mvc.perform(get("/api/v1/org-units/67/subtree")
                        .param("date", "2020-01-01")
                        .with(httpBasic("admin", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("67"))
                .andExpect(jsonPath("$[*].code", hasItems("662", "24640", "24661")));
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String partiallySplitOldCommune() {
        return jdbc.sql("""
                        select p.code from org_unit_succession s join org_unit p on p.id = s.predecessor_id
                        where s.partial and p.level = 3 order by p.code limit 1""").query(String.class).single();
    }
}
