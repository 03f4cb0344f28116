package vn.chungtay.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class PlanIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    UserDetailsService users;

    private String village(String commune, int index) {
        return organisation.villages(commune, organisation.today()).stream()
                .filter(v -> v.validTo() == null)
                .toList()
                .get(index)
                .code();
    }

    private long openPlan(String user, String commune, int year) throws Exception {
        String body = mvc.perform(post("/api/v1/plans")
                        .with(httpBasic(user, "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communeCode\": \"%s\", \"year\": %d}".formatted(commune, year)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
    }

    private void need(String user, String village, String category, int year, String quantity, String cost)
            throws Exception {
        mvc.perform(post("/api/v1/needs")
                        .with(httpBasic(user, "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NeedMother.json(village, category, year, "Cả năm " + year, quantity, cost)))
                .andExpect(status().isCreated());
    }

    @Test
    void communeSubmitsProvinceReturnsWithCommentsThenApprovesAndTotalsAreWholeDong() throws Exception {
        int year = organisation.today().getYear() + 1;
        long plan = openPlan("xa.cujut", "24640", year);
        mvc.perform(post("/api/v1/plans/" + plan + "/submit").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("planNeedsAtLeastOneNeed"));
        need("xa.cujut", village("24640", 0), "DO_AM", year, "3", "333333");
        need("xa.cujut", village("24640", 1), "DO_AM", year, "7", "150001");
        need("xa.cujut", village("24640", 2), "SUC_KHOE", year, "1", "1");
        mvc.perform(post("/api/v1/plans")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communeCode\": \"24640\", \"year\": %d}".formatted(year)))
                .andExpect(status().isConflict());

        mvc.perform(post("/api/v1/plans/" + plan + "/submit").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.total").value(999_999 + 1_050_007 + 1))
                .andExpect(jsonPath("$.categories[?(@.code == 'DO_AM')].total").value(2_050_006))
                .andExpect(jsonPath("$.categories[?(@.code == 'DO_AM')].childrenServed")
                        .value(24));
        assertThat(statuses("24640", year)).containsOnly("DRAFT/true");

        mvc.perform(post("/api/v1/plans/" + plan + "/approve").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/plans/" + plan + "/return")
                        .with(httpBasic("tinh.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("comment"));
        mvc.perform(post("/api/v1/plans/" + plan + "/return")
                        .with(httpBasic("tinh.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": \"Bổ sung nhu cầu dinh dưỡng\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.comment").value("Bổ sung nhu cầu dinh dưỡng"));
        assertThat(statuses("24640", year)).containsOnly("DRAFT/false");

        need("xa.cujut", village("24640", 3), "DINH_DUONG", year, "100", "20000");
        mvc.perform(post("/api/v1/plans/" + plan + "/submit").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/plans/" + plan + "/approve").with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.needs").value(4));
        assertThat(statuses("24640", year)).containsOnly("APPROVED/true");
        mvc.perform(post("/api/v1/plans/" + plan + "/return")
                        .with(httpBasic("tinh.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": \"muộn\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("onlySubmittedPlansAreDecided"));
        mvc.perform(get("/api/v1/plans?commune=24640&year=" + year).with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("APPROVED"));
        var actions = jdbc.sql(
                        "select action from audit_entry where entity_type = 'Plan' and entity_id = :id order by id")
                .param("id", Long.toString(plan))
                .query(String.class)
                .list();
        assertThat(actions).containsExactly("CREATE", "SUBMIT", "RETURN", "SUBMIT", "APPROVE");
    }

    @Test
    void planPageShowsTotalsPerCategoryAndOffersTheProvinceTheDecision() throws Exception {
        int year = organisation.today().getYear();
        mvc.perform(get("/plans").with(user(users.loadUserByUsername("xa.cujut"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"plan-totals\"")))
                .andExpect(content().string(Matchers.containsString("Đồ ấm")));
        int next = year + 2;
        long plan = openPlan("xa.namdong", "24649", next);
        need("xa.namdong", village("24649", 0), "VUI_CHOI", next, "2", "500000");
        mvc.perform(post("/plans/" + plan + "/submit")
                        .with(user(users.loadUserByUsername("xa.namdong")))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", Matchers.containsString("Nam Dong")));
        mvc.perform(get("/plans?commune=24649&year=" + next).with(user(users.loadUserByUsername("tinh.lamdong"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/plans/" + plan + "/return")));
        mvc.perform(post("/plans/" + plan + "/return")
                        .with(user(users.loadUserByUsername("tinh.lamdong")))
                        .with(csrf())
                        .param("comment", "Thiếu đơn giá chi tiết"))
                .andExpect(flash().attribute("flashSuccess", Matchers.containsString("trả lại")));
        mvc.perform(get("/plans?commune=24649&year=" + next).with(user(users.loadUserByUsername("xa.namdong"))))
                .andExpect(content().string(Matchers.containsString("Thiếu đơn giá chi tiết")));
    }

    private java.util.List<String> statuses(String commune, int year) {
        return jdbc.sql("select status || '/' || submitted from need where commune_code = :c and year = :y")
                .param("c", commune)
                .param("y", year)
                .query(String.class)
                .list();
    }
}
