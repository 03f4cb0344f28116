package vn.chungtay.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;

@IntegrationTest
class VillageManagementIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    /** Signed in through the web form's session, as the real principal of the account. */
    private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(username));
    }

    private static String uniqueName() {
        return "Thôn Thử " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String json(String name, String type, boolean difficult) {
        return """
                {"name": "%s", "type": "%s", "especiallyDifficult": %s}""".formatted(name, type, difficult);
    }

    @Test
    void communeOfficerCreatesAVillageWithTheNextCodeAndItIsAudited() throws Exception {
        String name = uniqueName();
        String body = mvc.perform(post("/api/v1/org-units/24640/villages")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(name, "Buôn", true)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code", matchesPattern("24640-\\d{2,}")))
                .andExpect(jsonPath("$.fullName").value("Buôn " + name))
                .andExpect(jsonPath("$.type").value("Buôn"))
                .andExpect(jsonPath("$.parentCode").value("24640"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String code = body.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");

        var village = organisation.get(code, organisation.today());
        assertThat(organisation.isEspeciallyDifficult(village, organisation.today()))
                .isTrue();
        var audit = jdbc.sql("select actor, action, unit_code, after ->> 'fullName' from audit_entry"
                        + " where entity_type = 'OrgUnit' and entity_id = :code")
                .param("code", code)
                .query((rs, n) ->
                        rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
                .list();
        assertThat(audit).containsExactly("xa.cujut|CREATE|24640|Buôn " + name);
    }

    @Test
    void villageCodesAreNeverReusedAndFollowTheCommuneCode() {
        var codes = jdbc.sql("select code from org_unit where parent_code = '24646' order by code")
                .query(String.class)
                .list();
        assertThat(codes).allMatch(c -> c.matches("24646-\\d{2}")).doesNotHaveDuplicates();
    }

    @Test
    void officerOfOneCommuneCannotWriteUnderAnother() throws Exception {
        String name = uniqueName();
        mvc.perform(post("/api/v1/org-units/24649/villages")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(name, "Thôn", false)))
                .andExpect(status().isForbidden());
        Long count = jdbc.sql("select count(*) from org_unit where name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
        assertThat(count).isZero();
    }

    @Test
    void supervisorsReadButCannotWrite() throws Exception {
        mvc.perform(post("/api/v1/org-units/24640/villages")
                        .with(httpBasic("giamsat.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(uniqueName(), "Thôn", false)))
                .andExpect(status().isForbidden());
    }

    @Test
    void provinceOfficerMayCreateVillagesAnywhereInTheProvince() throws Exception {
        mvc.perform(post("/api/v1/org-units/24649/villages")
                        .with(httpBasic("tinh.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(uniqueName(), "Bon", false)))
                .andExpect(status().isCreated());
    }

    @Test
    void rejectsAnEmptyNameAnUnknownTypeAndADuplicateWithAVietnameseMessage() throws Exception {
        mvc.perform(post("/api/v1/org-units/24640/villages")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("   ", "Thôn", false)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.message").value("Vui lòng nhập tên thôn, buôn, bon."));
        mvc.perform(post("/api/v1/org-units/24640/villages")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("Thôn Mới", "Phường", false)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("type"));
        mvc.perform(post("/api/v1/org-units/24640/villages")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("buon trum", "Buôn", false)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("Buôn Trum")));
    }

    @Test
    void villagesCannotBeAddedUnderAProvince() throws Exception {
        mvc.perform(post("/api/v1/org-units/68/villages")
                        .with(httpBasic("admin", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(uniqueName(), "Thôn", false)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void officerRenamesAndRetiresAVillageFromTheUnitPage() throws Exception {
        String name = uniqueName();
        mvc.perform(post("/org-units/24640/villages")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("name", name)
                        .param("type", "Thôn"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/org-units/24640#villages"))
                .andExpect(flash().attribute("flashSuccess", containsString(name)));
        String code = jdbc.sql("select code from org_unit where name = :name")
                .param("name", name)
                .query(String.class)
                .single();

        String renamed = name + " Mới";
        mvc.perform(post("/org-units/24640/villages/" + code + "/rename")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("name", renamed)
                        .param("especiallyDifficult", "false"))
                .andExpect(flash().attribute("flashSuccess", containsString(renamed)));
        mvc.perform(post("/org-units/24640/villages/" + code + "/retire")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("lastDay", organisation.today().toString()))
                .andExpect(flash().attribute("flashSuccess", containsString(renamed)));

        assertThat(organisation.find(code, organisation.today().plusDays(1))).isEmpty();
        var actions = jdbc.sql("select action from audit_entry where entity_id = :code order by id")
                .param("code", code)
                .query(String.class)
                .list();
        assertThat(actions).containsExactly("CREATE", "UPDATE", "RETIRE");
    }

    @Test
    void formPostsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/org-units/24640/villages")
                        .with(signedIn("xa.cujut"))
                        .param("name", uniqueName())
                        .param("type", "Thôn"))
                .andExpect(status().isForbidden());
    }

    @Test
    void communePageListsVillagesAndOffersTheFormOnlyToItsOfficers() throws Exception {
        mvc.perform(get("/org-units/24640").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Buôn Trum")))
                .andExpect(content().string(containsString("id=\"new-village\"")));
        mvc.perform(get("/org-units/24640").with(signedIn("xa.namdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Buôn Trum")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"new-village\""))));
    }

    @Test
    void provinceOfficerClassesACommuneForAPeriodAndCommuneOfficersCannot() throws Exception {
        mvc.perform(post("/org-units/24649/classification")
                        .with(signedIn("tinh.lamdong"))
                        .with(csrf())
                        .param("period", "2026-2030")
                        .param("area", "III")
                        .param("document", "Quyết định thử 01/QĐ"))
                .andExpect(flash().attribute("flashSuccess", containsString("III")));
        var commune = organisation.get("24649", organisation.today());
        assertThat(organisation.classifications(commune))
                .extracting(
                        OrganisationManagement.Classification::periodCode, OrganisationManagement.Classification::value)
                .contains(org.assertj.core.groups.Tuple.tuple("2026-2030", "III"));

        mvc.perform(post("/org-units/24649/classification")
                        .with(signedIn("xa.namdong"))
                        .with(csrf())
                        .param("period", "2026-2030")
                        .param("area", "I"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/org-units/24649/classification")
                        .with(signedIn("tinh.lamdong"))
                        .with(csrf())
                        .param("period", "2026-2030")
                        .param("area", "IV"))
                .andExpect(flash().attribute("flashError", "Khu vực phải là I, II hoặc III."));
    }
}
