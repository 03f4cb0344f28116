package vn.chungtay.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.chungtay.outreach.OutreachMother.CU_JUT;
import static vn.chungtay.outreach.OutreachMother.freshVillage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class OutreachPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrganisationManagement organisation;

    private RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void listShowsActivitiesWithFiltersAndAnEmptyState() throws Exception {
        mvc.perform(get("/outreach?year=2026&method=VILLAGE_MEETING").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"activities\"")))
                .andExpect(content().string(containsString("Họp thôn, buôn")))
                .andExpect(content().string(containsString("Buôn Trum")));
        mvc.perform(get("/outreach?year=2019").header("HX-Request", "true").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"outreach-empty\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void formOffersTheCommunesVillagesWithTheirDifficultFlag() throws Exception {
        mvc.perform(get("/outreach/new").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Buôn Nui")))
                .andExpect(content().string(containsString("ĐBKK")))
                .andExpect(content().string(containsString("Tiếng Ê-đê")));
        mvc.perform(get("/outreach/new").with(signedIn("tinh.lamdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Xã Cư Jút")));
    }

    @Test
    void formShowsErrorsNextToTheFieldsAndSavesNothing() throws Exception {
        OrgUnitView village = freshVillage(organisation, CU_JUT, false);
        mvc.perform(multipart("/outreach")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("date", organisation.today().plusDays(3).toString())
                        .param("communeCode", "24640")
                        .param("villageCodes", village.code())
                        .param("method", "LOUDSPEAKER")
                        .param("topics", "CARE")
                        .param("organisers", "Ban Công tác Mặt trận")
                        .param("peopleReached", "5")
                        .param("householdsReached", "9")
                        .param("language", "vi"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("Ngày tổ chức không được ở tương lai.")))
                .andExpect(content().string(containsString("Số hộ (9) không được lớn hơn số người (5).")));
    }

    @Test
    void officerRecordsOnThePageWithAPhotoAndSeesTheVillageReachedOnTheCoveragePage() throws Exception {
        OrgUnitView village = freshVillage(organisation, CU_JUT, true);
        int year = organisation.today().getYear();
        mvc.perform(get("/outreach/coverage").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"villages-not-reached\"")))
                .andExpect(content().string(containsString("data-village=\"" + village.code() + "\"")))
                .andExpect(content().string(containsString("outreach-months-chart")))
                .andExpect(content().string(containsString("/js/outreach-coverage")));
        var result = mvc.perform(multipart("/outreach")
                        .file(new MockMultipartFile("photo", "hop.png", "image/png", OutreachMother.png()))
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("date", organisation.today().toString())
                        .param("communeCode", "24640")
                        .param("villageCodes", village.code())
                        .param("method", "VILLAGE_MEETING")
                        .param("topics", "CARE", "ABUSE_PREVENTION")
                        .param("organisers", "Ban Công tác Mặt trận thôn")
                        .param("peopleReached", "1.200")
                        .param("householdsReached", "300")
                        .param("language", "12"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/outreach/*"))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(village.fullName())))
                .andExpect(content().string(containsString("Tiếng Ê-đê")))
                .andExpect(content().string(containsString("1.200 người, 300 hộ")))
                .andExpect(content().string(containsString("/photos/")));
        String page = mvc.perform(
                        get("/outreach/coverage?commune=24640&year=" + year).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String reachedTable = page.substring(page.indexOf("id=\"villages-reached-table\""));
        assertThat(reachedTable).contains("data-village=\"" + village.code() + "\"");
    }

    @Test
    void provinceOfficersSeeOneRowPerCommuneAndOthersGet403() throws Exception {
        mvc.perform(get("/outreach/coverage?year=2026").with(signedIn("tinh.lamdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"communes-coverage\"")))
                .andExpect(content().string(containsString("Xã Nam Dong")));
        mvc.perform(get("/outreach/coverage?commune=24640").with(signedIn("xa.namdong")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/outreach/999999999/delete")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("reason", "x"))
                .andExpect(status().isNotFound());
    }
}
