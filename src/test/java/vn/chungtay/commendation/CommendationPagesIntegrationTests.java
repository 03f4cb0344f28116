package vn.chungtay.commendation;

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

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.chungtay.IntegrationTest;

@IntegrationTest
class CommendationPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    CommendationManagement commendations;

    @Autowired
    JdbcClient jdbc;

    private RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theProvinceSeesItsRulesAndSetsOneTheCommuneMayNot() throws Exception {
        mvc.perform(get("/commendations?year=2026").with(signedIn("tinh.lamdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"rules\"")))
                .andExpect(content().string(containsString("Giấy khen")))
                .andExpect(content().string(containsString("id=\"rule-form\"")));
        // a year no other test has rules for
        int year = jdbc.sql("select y from generate_series(2040, 2100) y"
                        + " where not exists (select 1 from commendation_rule r where r.year = y)"
                        + " order by random() limit 1")
                .query(Integer.class)
                .single();
        mvc.perform(post("/commendations/rules")
                        .with(signedIn("tinh.lamdong"))
                        .with(csrf())
                        .param("unitCode", "68")
                        .param("year", Integer.toString(year))
                        .param("level", "COMMUNE")
                        .param("form", "GIAY_KHEN")
                        .param("donorGroup", "COLLECTIVE")
                        .param("origin", "DOMESTIC")
                        .param("thresholdDong", "25.000.000")
                        .param("basis", "DELIVERED"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", "Đã lưu quy định khen thưởng."));
        assertThat(commendations.applicableRules("24640", ProposingLevel.COMMUNE, year))
                .singleElement()
                .satisfies(r -> assertThat(r.threshold().dong()).isEqualTo(25_000_000));
        mvc.perform(post("/commendations/rules")
                        .with(signedIn("tinh.lamdong"))
                        .with(csrf())
                        .param("unitCode", "68")
                        .param("year", Integer.toString(year))
                        .param("level", "COMMUNE")
                        .param("form", "GIAY_KHEN")
                        .param("donorGroup", "COLLECTIVE")
                        .param("origin", "DOMESTIC")
                        .param("thresholdDong", "hai mươi triệu")
                        .param("basis", "DELIVERED"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", "Ngưỡng phải là số đồng lớn hơn 0."));
        mvc.perform(get("/commendations?year=2026").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"rule-form\""))))
                .andExpect(content().string(containsString("id=\"generate-form\"")));
        mvc.perform(post("/commendations/rules")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("unitCode", "68")
                        .param("year", Integer.toString(year))
                        .param("level", "COMMUNE")
                        .param("form", "BANG_KHEN")
                        .param("donorGroup", "COLLECTIVE")
                        .param("origin", "DOMESTIC")
                        .param("thresholdDong", "1")
                        .param("basis", "DELIVERED"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theProvinceApprovesOnThePageAndTheCommuneSeesTheDecision() throws Exception {
        LocalDate from =
                LocalDate.of(2026, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(300));
        long id = CommendationMother.draft(
                jdbc,
                "24640",
                "COMMUNE",
                2026,
                from,
                from.plusDays(1 + ThreadLocalRandom.current().nextInt(5000)),
                List.of(CommendationMother.NHUNG));
        mvc.perform(get("/commendations/proposals/{id}", id).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Trình cấp trên")))
                .andExpect(content().string(containsString("Loại khỏi danh sách")));
        mvc.perform(post("/commendations/proposals/{id}/submit", id)
                        .with(signedIn("xa.cujut"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        long candidate = commendations.get(id).candidates().get(0).id();
        mvc.perform(get("/commendations/proposals/{id}", id).with(signedIn("tinh.lamdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã trình cấp trên")))
                .andExpect(content().string(containsString("decide-form")));
        mvc.perform(post("/commendations/candidates/{id}/reject", candidate)
                        .with(signedIn("tinh.lamdong"))
                        .with(csrf()))
                .andExpect(flash().attribute("flashError", "Cần nhập lý do (tối đa 500 ký tự)."));
        mvc.perform(post("/commendations/candidates/{id}/approve", candidate)
                        .with(signedIn("tinh.lamdong"))
                        .with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "Đã đồng ý khen thưởng."));
        mvc.perform(get("/commendations/proposals/{id}", id).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã xét duyệt")))
                .andExpect(content().string(containsString("letter.pdf")))
                .andExpect(content().string(not(containsString("decide-form"))));
        mvc.perform(get("/commendations/proposals/{id}", id).with(signedIn("xa.namdong")))
                .andExpect(status().isForbidden());
    }
}
