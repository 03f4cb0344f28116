package vn.chungtay.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class ReportPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ReportingSetup setup;

    @Autowired
    ReportingManagement reports;

    @Autowired
    OrganisationManagement organisation;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private long openThroughThePage(PeriodView period) throws Exception {
        String location = mvc.perform(post("/reports/open")
                        .with(as("xa.cujut"))
                        .with(csrf())
                        .param("unit", "24640")
                        .param("period", Long.toString(period.id().value())))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/reports/\\d+");
        return Long.parseLong(location.substring("/reports/".length()));
    }

    @Test
    void theCommuneWritesAdjustsAndSubmitsAndTheProvinceAcceptsFromItsInbox() throws Exception {
        PeriodView period = ReportingMother.current(setup, organisation.today(), null);
        mvc.perform(get("/reports").with(as("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(period.name())))
                .andExpect(content().string(Matchers.containsString("id=\"my-reports\"")));
        long id = openThroughThePage(period);

        mvc.perform(post("/reports/" + id + "/figures")
                        .with(as("xa.cujut"))
                        .with(csrf())
                        .param("code", "need.published")
                        .param("value", "4321")
                        .param("action", "adjust"))
                .andExpect(flash().attributeExists("flashError"));
        mvc.perform(post("/reports/" + id + "/figures")
                        .with(as("xa.cujut"))
                        .with(csrf())
                        .param("code", "need.published")
                        .param("value", "4321")
                        .param("note", "Theo sổ theo dõi")
                        .param("action", "adjust"))
                .andExpect(flash().attributeExists("flashSuccess"));
        mvc.perform(post("/reports/" + id + "/narrative")
                        .with(as("xa.cujut"))
                        .with(csrf())
                        .param("number", "21")
                        .param("section.RESULTS", "Kết quả tốt ở buôn Buôr")
                        .param("section.DIFFICULTIES", "")
                        .param("section.PROPOSALS", "Thêm học bổng"))
                .andExpect(redirectedUrl("/reports/" + id))
                .andExpect(flash().attributeExists("flashSuccess"));
        mvc.perform(get("/reports/" + id).with(as("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("4.321")))
                .andExpect(content().string(Matchers.containsString("Theo sổ theo dõi")))
                .andExpect(content().string(Matchers.containsString("Kết quả tốt ở buôn Buôr")))
                .andExpect(content().string(Matchers.containsString("id=\"submit-report\"")));
        mvc.perform(post("/reports/" + id + "/submit").with(as("xa.cujut")).with(csrf()))
                .andExpect(flash().attributeExists("flashSuccess"));

        mvc.perform(get("/reports/inbox").with(as("tinh.lamdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"" + id + "\"")));
        mvc.perform(post("/reports/" + id + "/return").with(as("tinh.lamdong")).with(csrf()))
                .andExpect(flash().attributeExists("flashError"));
        mvc.perform(post("/reports/inbox/accept")
                        .with(as("tinh.lamdong"))
                        .with(csrf())
                        .param("ids", Long.toString(id)))
                .andExpect(redirectedUrl("/reports/inbox"))
                .andExpect(flash().attributeExists("flashSuccess"));
        mvc.perform(get("/reports/" + id).with(as("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Đã khóa")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"submit-report\""))));
        mvc.perform(get("/reports/" + id).with(as("tinh.lamdong")))
                .andExpect(content().string(Matchers.containsString("id=\"reopen\"")));
    }

    @Test
    void reportsDownloadAsDocxXlsxAndPdf() throws Exception {
        PeriodView period = ReportingMother.current(setup, organisation.today(), null);
        long id = openThroughThePage(period);
        mvc.perform(get("/reports/" + id + ".docx").with(as("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ReportDocuments.DOCX))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("bao-cao-24640-P1.docx")));
        mvc.perform(get("/reports/" + id + ".xlsx").with(as("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ReportDocuments.XLSX));
        mvc.perform(get("/reports/" + id + ".pdf").with(as("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get("/reports/" + id + ".pdf").with(as("xa.namdong"))).andExpect(status().isForbidden());
        mvc.perform(get("/reports/consolidated.xlsx?unit=68&period=P1&programme=" + period.programmeCode())
                        .with(as("tinh.lamdong")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString("tong-hop-68-P1.xlsx")));
    }

    @Test
    void theProvinceKeepsTheUnitsAddressesAndCommunesCannot() throws Exception {
        String commune = organisation.children("68", organisation.today()).stream()
                .filter(u -> u.isCommune() && !u.code().startsWith("246"))
                .findFirst()
                .orElseThrow()
                .code();
        mvc.perform(post("/reports/addresses")
                        .with(as("tinh.lamdong"))
                        .with(csrf())
                        .param("unitCode", commune)
                        .param("email", "not-an-address"))
                .andExpect(flash().attributeExists("flashError"));
        mvc.perform(post("/reports/addresses")
                        .with(as("tinh.lamdong"))
                        .with(csrf())
                        .param("unitCode", commune)
                        .param("email", "Xa." + commune + "@Example.org"))
                .andExpect(flash().attributeExists("flashSuccess"));
        mvc.perform(get("/reports/addresses").with(as("tinh.lamdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("xa." + commune + "@example.org")));
        mvc.perform(post("/reports/addresses")
                        .with(as("xa.cujut"))
                        .with(csrf())
                        .param("unitCode", commune)
                        .param("email", "x@example.org"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDemoShowsLastYearsReportsAndTheCurrentPeriodOpen() throws Exception {
        mvc.perform(get("/reports").with(as("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("năm 2026–2027")))
                .andExpect(content().string(Matchers.containsString("Xã Trúc Sơn")));
        mvc.perform(get("/reports/consolidated?unit=68&period=2025").with(as("tinh.lamdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Xã Nam Dong")));
        mvc.perform(get("/reports/consolidated?unit=68&period=2024").with(as("tinh.lamdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-place=\"24640\"")))
                .andExpect(content().string(Matchers.containsString("data-place=\"24646\"")))
                .andExpect(content().string(Matchers.containsString("data-place=\"24649\"")));
        mvc.perform(get("/reports/inbox").with(as("tinh.lamdong"))).andExpect(status().isOk());
        mvc.perform(get("/reports/dashboard?period=2025").with(as("tinh.lamdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"count-late\">1<")));
        mvc.perform(get("/reports?lang=en").with(as("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("results reports")));
    }
}
