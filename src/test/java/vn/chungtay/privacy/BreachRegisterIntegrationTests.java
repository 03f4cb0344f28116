package vn.chungtay.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.IntegrationTest;

@IntegrationTest
class BreachRegisterIntegrationTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    PrivacyManagement privacy;

    @Autowired
    UserDetailsService users;

    @Test
    void theDeadlineIsSeventyTwoHoursAfterDiscovery() {
        OffsetDateTime discovered = OffsetDateTime.of(2026, 2, 27, 22, 15, 0, 0, ZoneOffset.ofHours(7));
        assertThat(Breach.notificationDeadline(discovered))
                .isEqualTo(OffsetDateTime.of(2026, 3, 2, 22, 15, 0, 0, ZoneOffset.ofHours(7)));
        Breach open = new Breach(
                new BreachId(1),
                "68",
                discovered,
                "d",
                "x",
                1,
                null,
                Breach.notificationDeadline(discovered),
                null,
                null,
                null,
                "t");
        assertThat(open.notificationOverdue(discovered.plusHours(71))).isFalse();
        assertThat(open.hoursLeft(discovered.plusHours(70))).isEqualTo(2);
        assertThat(open.notificationOverdue(discovered.plusHours(73))).isTrue();
        assertThat(open.hoursLeft(discovered.plusHours(73))).isNegative();
    }

    private JsonNode record(String user, OffsetDateTime discovered, String description) throws Exception {
        String body = """
                {"discoveredAt": "%s", "description": "%s", "dataAffected": "Họ tên trẻ em",
                 "peopleAffected": 5, "containment": "Đổi mật khẩu"}""".formatted(discovered.format(LOCAL), description);
        String response = mvc.perform(post("/api/v1/privacy/breaches")
                        .with(httpBasic(user, "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(response);
    }

    @Test
    void aBreachNotNotifiedWithinSeventyTwoHoursIsFlaggedAndEveryStepIsAudited() throws Exception {
        String description = "Sự cố thử " + System.nanoTime();
        OffsetDateTime discovered = privacy.now().minusHours(80).withSecond(0).withNano(0);
        JsonNode breach = record("tinh.lamdong", discovered, description);
        long id = breach.get("id").get("value").asLong();
        assertThat(OffsetDateTime.parse(breach.get("notificationDeadline").asText())
                        .toInstant())
                .isEqualTo(discovered.plusHours(72).toInstant());
        assertThat(jdbc.sql("select notification_deadline - discovered_at = interval '72 hours' from privacy_breach"
                                + " where id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        String page = mvc.perform(get("/privacy/breaches").with(user(users.loadUserByUsername("tinh.lamdong"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(description).contains("Quá hạn thông báo");

        // closing before the authority is notified is refused
        mvc.perform(post("/api/v1/privacy/breaches/" + id + "/close").with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/privacy/breaches/" + id + "/authority-notified")
                        .with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/privacy/breaches/" + id + "/close").with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select action from audit_entry where entity_type = 'PrivacyBreach' and entity_id = :id"
                                + " order by id")
                        .param("id", Long.toString(id))
                        .query(String.class)
                        .list())
                .containsExactly("CREATE", "AUTHORITY_NOTIFIED", "CLOSE");
        assertThat(jdbc.sql("select (after ->> 'late')::boolean from audit_entry where entity_type = 'PrivacyBreach'"
                                + " and entity_id = :id and action = 'AUTHORITY_NOTIFIED'")
                        .param("id", Long.toString(id))
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void onlyAdministratorsAndProvinceOfficersSeeTheRegister() throws Exception {
        for (String outsider : new String[] {"xa.cujut", "giamsat.lamdong"}) {
            mvc.perform(get("/api/v1/privacy/breaches").with(httpBasic(outsider, "demo12345")))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/privacy/breaches").with(user(users.loadUserByUsername(outsider))))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/privacy/breaches")
                            .with(httpBasic(outsider, "demo12345"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"discoveredAt\": \"2026-01-01T10:00\", \"description\": \"x\","
                                    + " \"dataAffected\": \"y\", \"peopleAffected\": 1}"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/privacy/breaches").with(httpBasic("admin", "demo12345")))
                .andExpect(status().isOk());
    }

    @Test
    void aBreachDiscoveredInTheFutureOrWithoutDescriptionIsRefused() throws Exception {
        long before = jdbc.sql("select count(*) from privacy_breach")
                .query(Long.class)
                .single();
        mvc.perform(post("/api/v1/privacy/breaches")
                        .with(httpBasic("tinh.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"discoveredAt\": \"2099-01-01T10:00\", \"description\": \"x\","
                                + " \"dataAffected\": \"y\", \"peopleAffected\": 1}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/privacy/breaches")
                        .with(httpBasic("tinh.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"discoveredAt\": \"2026-01-01T10:00\", \"description\": \" \","
                                + " \"dataAffected\": \"y\", \"peopleAffected\": 1}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from privacy_breach")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void theDemoBreachIsClosedAndNotifiedInTime() {
        assertThat(jdbc.sql("select count(*) from privacy_breach where closed_at is not null"
                                + " and authority_notified_at <= notification_deadline")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("select count(*) from privacy_request where commune_code = '24640'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }
}
