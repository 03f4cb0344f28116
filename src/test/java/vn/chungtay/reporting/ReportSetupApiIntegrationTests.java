package vn.chungtay.reporting;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class ReportSetupApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationManagement organisation;

    private static String period(String programme, String code, String start, String end) {
        return """
                {"programmeCode": "%s", "code": "%s", "name": "năm kiểm thử", "startsOn": "%s", "endsOn": "%s"}""".formatted(programme, code, start, end);
    }

    @Test
    void administratorsSetUpTheNextProgrammeWithoutCode() throws Exception {
        String programme = ReportingMother.unique("NEXT");
        mvc.perform(put("/api/v1/reporting/templates/" + programme)
                        .with(httpBasic("admin", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "Kết quả thực hiện chương trình giai đoạn 2026–2030",
                                 "indicators": ["need.published", "donation.cash"], "sections": ["results", "proposals"]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicatorCodes.length()").value(2))
                .andExpect(jsonPath("$.sections[1]").value("PROPOSALS"));
        mvc.perform(post("/api/v1/reporting/periods")
                        .with(httpBasic("admin", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(period(programme, "2024", "2024-07-01", "2025-06-30")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.deadlines.COMMUNE").value("2025-07-10"))
                .andExpect(jsonPath("$.deadlines.DISTRICT").value("2025-07-20"))
                .andExpect(jsonPath("$.closingDays").value(15));
        mvc.perform(post("/api/v1/reporting/periods")
                        .with(httpBasic("admin", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(period(programme, "2026", "2026-07-01", "2027-06-30")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.deadlines.COMMUNE").value("2027-07-10"))
                .andExpect(jsonPath("$.deadlines.DISTRICT").doesNotExist());
        mvc.perform(post("/api/v1/reporting/periods")
                        .with(httpBasic("admin", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(period(programme, "2026", "2026-07-01", "2027-06-30")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("code"));
        mvc.perform(post("/api/v1/reporting/periods")
                        .with(httpBasic("admin", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(period(programme, "2027", "2027-07-01", "30/06/2028")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("endsOn"))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("Ngày")));
        mvc.perform(post("/api/v1/reporting/periods")
                        .with(httpBasic("tinh.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(period(programme, "2028", "2028-07-01", "2029-06-30")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/reporting/periods").with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.programme == '%s')].code".formatted(programme))
                        .value(Matchers.containsInAnyOrder("2024", "2026")));
        mvc.perform(get("/api/v1/reports?unit=24640&period=2026&programme=" + programme)
                        .with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void theProvinceGrantsExtensionsAndKeepsAddressesWithinItsScope() throws Exception {
        String commune = organisation.children("68", organisation.today()).stream()
                .filter(u -> u.isCommune() && !u.code().startsWith("246"))
                .skip(1)
                .findFirst()
                .orElseThrow()
                .code();
        mvc.perform(put("/api/v1/reporting/addresses/" + commune)
                        .with(httpBasic("tinh.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"khong-hop-le\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("email"));
        mvc.perform(put("/api/v1/reporting/addresses/" + commune)
                        .with(httpBasic("tinh.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"mttq." + commune + "@example.vn\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(put("/api/v1/reporting/addresses/01")
                        .with(httpBasic("tinh.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"hanoi@example.vn\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/reporting/addresses").with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.unitCode == '%s')].email".formatted(commune))
                        .value(Matchers.contains("mttq." + commune + "@example.vn")));

        String programme = ReportingMother.unique("EXT");
        mvc.perform(put("/api/v1/reporting/templates/" + programme)
                        .with(httpBasic("admin", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Kết quả kiểm thử\"}"))
                .andExpect(status().isOk());
        String location = mvc.perform(post("/api/v1/reporting/periods")
                        .with(httpBasic("admin", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(period(programme, "P", "2025-07-01", "2026-06-30")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        mvc.perform(post(location + "/extensions")
                        .with(httpBasic("tinh.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unit\": \"24640\", \"closesOn\": \"2026-12-31\", \"reason\": \"Bão lũ\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post(location + "/extensions")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unit\": \"24640\", \"closesOn\": \"2027-12-31\", \"reason\": \"Tự gia hạn\"}"))
                .andExpect(status().isForbidden());
    }
}
