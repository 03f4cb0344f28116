package vn.chungtay.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;

@IntegrationTest
class CampaignApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CampaignManagement campaigns;

    @Test
    void communeOfficerOpensACampaignAndFindsItByUnitYearAndPaymentCode() throws Exception {
        String body = """
                {"name": "Áo ấm cho em 2026", "unitCode": "24640", "receivingFrom": "2026-11-01",
                 "receivingTo": "2026-12-31", "targetDong": 50000000,
                 "accounts": [{"bankBin": "970436", "bankName": "Vietcombank", "accountNumber": "0011001932418",
                               "accountName": "UB MTTQ XA CU JUT"}]}""";
        String location = mvc.perform(post("/api/v1/campaigns")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.startsWith("CT")))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        mvc.perform(get("/api/v1/campaigns")
                        .param("unit", "24640")
                        .param("year", "2026")
                        .with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].receivingFrom").value("2026-11-01"))
                .andExpect(
                        jsonPath("$[?(@.id == " + id + ")].accounts[0].bankBin").value("970436"));
        assertThat(campaigns.findByCode(" ct" + id + " ")).map(Campaign::name).contains("Áo ấm cho em 2026");
        assertThat(campaigns.byAccount("0011001932418"))
                .extracting(Campaign::id)
                .contains(new CampaignId(id));
    }

    @Test
    void rejectsAWindowThatEndsBeforeItStartsAndACampaignOutsideTheScope() throws Exception {
        mvc.perform(post("/api/v1/campaigns")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "X", "unitCode": "24640", "receivingFrom": "2026-12-01", "receivingTo": "2026-11-01"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("receivingTo"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("không được trước")));
        mvc.perform(post("/api/v1/campaigns")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "X", "unitCode": "24649", "receivingFrom": "2026-11-01", "receivingTo": "2026-12-01"}"""))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAccountsWithoutAHolderNameWithAnOverlongBankNameOrTwiceAndOpensNothing() throws Exception {
        String name = "Chiến dịch tài khoản sai " + System.nanoTime();
        String[][] cases = {
            {"Vietcombank", "", "0011001932419", "accountName"},
            {"V".repeat(20_000), "UB MTTQ XA CU JUT", "0011001932419", "bankName"},
        };
        for (String[] c : cases) {
            mvc.perform(post("/api/v1/campaigns")
                            .with(httpBasic("xa.cujut", "demo12345"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"name": "%s", "unitCode": "24640", "receivingFrom": "2026-11-01",
                                     "receivingTo": "2026-12-31",
                                     "accounts": [{"bankBin": "970436", "bankName": "%s", "accountNumber": "%s",
                                                   "accountName": "%s"}]}""".formatted(name, c[0], c[2], c[1])))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value(c[3]));
        }
        String account =
                "{\"bankBin\": \"970436\", \"bankName\": \"Vietcombank\", \"accountNumber\": \"0011001932420\","
                        + " \"accountName\": \"UB MTTQ XA CU JUT\"}";
        mvc.perform(post("/api/v1/campaigns")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name
                                + "\", \"unitCode\": \"24640\", \"receivingFrom\": \"2026-11-01\","
                                + " \"receivingTo\": \"2026-12-31\", \"accounts\": [" + account + ", " + account
                                + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("accountNumber"));
        assertThat(campaigns.byAccount("0011001932419")).isEmpty();
        assertThat(campaigns.byAccount("0011001932420")).isEmpty();
    }
}
