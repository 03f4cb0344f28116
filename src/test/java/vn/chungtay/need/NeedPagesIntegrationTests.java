package vn.chungtay.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class NeedPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrganisationManagement organisation;

    private RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void listShowsTheCommunesNeedsWithFilters() throws Exception {
        // the demo gifts fund some needs: take a need that is still only published
        String published = jdbc.sql("select description from need where commune_code = '24640'"
                        + " and status = 'PUBLISHED' order by id desc limit 1")
                .query(String.class)
                .single();
        mvc.perform(get("/needs?status=PUBLISHED").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"needs\"")))
                .andExpect(content()
                        .string(containsString(org.springframework.web.util.HtmlUtils.htmlEscape(published, "UTF-8"))));
        // other tests add needs that name Buôn Buôr in their description: the newest match may be one of them
        String newestMatch = jdbc.sql("select description from need where commune_code = '24640'"
                        + " and (description_folded || ' ' || village_folded) like '%buon%'"
                        + " and (description_folded || ' ' || village_folded) like '%buor%' order by id desc limit 1")
                .query(String.class)
                .single();
        String fragment = mvc.perform(
                        get("/needs?q=buon+buor").header("HX-Request", "true").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(fragment.contains("Buôn Buôr")
                        || fragment.contains(org.springframework.web.util.HtmlUtils.htmlEscape(newestMatch, "UTF-8")))
                .as("the search answers with needs of Buôn Buôr")
                .isTrue();
    }

    @Test
    void formShowsErrorsNextToTheFieldsAndSavesNothing() throws Exception {
        mvc.perform(get("/needs/new").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Buôn Buôr")));
        mvc.perform(post("/needs")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("target", "VILLAGE")
                        .param("unitCode", "")
                        .param("categoryCode", "DO_AM")
                        .param("description", "")
                        .param("quantity", "mười")
                        .param("unit", "cái")
                        .param("unitCost", "100000")
                        .param("season", "Mùa đông")
                        .param("priority", "HIGH")
                        .param("childrenServed", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("Vui lòng chọn thôn, buôn, bon hoặc xã.")))
                .andExpect(content().string(containsString("Số lượng phải là số nguyên")))
                .andExpect(content().string(containsString("Vui lòng nhập nội dung nhu cầu.")));
    }

    @Test
    void officerRecordsANeedOnThePageAndSeesItsLifecycleButtons() throws Exception {
        String village =
                organisation.villages("24640", organisation.today()).get(0).code();
        String season = "Đợt trang " + UUID.randomUUID().toString().substring(0, 6);
        var result = mvc.perform(post("/needs")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("target", "VILLAGE")
                        .param("unitCode", village)
                        .param("categoryCode", "HOC_TAP")
                        .param("description", "Cặp sách cho học sinh lớp 1")
                        .param("quantity", "12")
                        .param("unit", "chiếc")
                        .param("unitCost", "150.000")
                        .param("season", season)
                        .param("priority", "MEDIUM")
                        .param("childrenServed", "12"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", containsString("dự thảo")))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1.800.000 ₫")))
                .andExpect(content().string(containsString("/submit")))
                .andExpect(content().string(not(containsString("/approve"))));
        mvc.perform(post(location + "/submit").with(signedIn("xa.cujut")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", containsString("gửi")));
        mvc.perform(get(location).with(signedIn("tinh.lamdong")))
                .andExpect(content().string(containsString("/approve")));
        mvc.perform(get(location).with(signedIn("xa.namdong"))).andExpect(status().isForbidden());
        // the same need again: a warning with a box to confirm
        mvc.perform(post("/needs")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("target", "VILLAGE")
                        .param("unitCode", village)
                        .param("categoryCode", "HOC_TAP")
                        .param("description", "Cặp sách")
                        .param("quantity", "1")
                        .param("unit", "chiếc")
                        .param("unitCost", "1000")
                        .param("season", season)
                        .param("childrenServed", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"duplicate-warning\"")))
                .andExpect(content().string(containsString("confirmDuplicate")));
    }

    @Test
    void administratorsAddSupportCategoriesAndOthersCannot() throws Exception {
        String code = "THU_"
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '_');
        mvc.perform(post("/admin/support-categories")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("code", code)
                        .param("nameVi", "Thử")
                        .param("nameEn", "Test"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/support-categories")
                        .with(signedIn("admin"))
                        .with(csrf())
                        .param("code", code)
                        .param("nameVi", "Xe đạp đến trường")
                        .param("nameEn", "Bicycles to school"))
                .andExpect(flash().attribute("flashSuccess", containsString("Xe đạp đến trường")));
        mvc.perform(get("/admin/support-categories").with(signedIn("admin")))
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(containsString("DO_AM")));
    }
}
