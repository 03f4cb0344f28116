package vn.chungtay.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class PrivacyRequestIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    PrivacyManagement privacy;

    @Autowired
    UserDetailsService users;

    private long child(String name) throws Exception {
        return PrivacyMother.register(mvc, json, organisation, "xa.cujut", "24640", name);
    }

    private JsonNode receive(String officer, String kind, long childId, LocalDate receivedOn, String requester)
            throws Exception {
        String body = """
                {"kind": "%s", "childId": %d, "receivedOn": "%s", "channel": "PAPER",
                 "requesterName": "%s", "requesterRelationship": "Bà ngoại", "details": "Theo đơn"}""".formatted(kind, childId, receivedOn, requester);
        var response = mvc.perform(post("/api/v1/privacy/requests")
                        .with(httpBasic(officer, "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse();
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode step(String officer, long id, String step, String note) throws Exception {
        var request = post("/api/v1/privacy/requests/" + id + "/" + step).with(httpBasic(officer, "demo12345"));
        if (note != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"" + note + "\"}");
        }
        String body = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private List<String> auditActions(long id) {
        return jdbc.sql("select action from audit_entry where entity_type = 'PrivacyRequest' and entity_id = :id"
                        + " order by id")
                .param("id", Long.toString(id))
                .query(String.class)
                .list();
    }

    @Test
    void requestIsDueAfterTheConfiguredDaysAndEveryStepIsAuditedWithoutTheRequesterName() throws Exception {
        long childId = child(PrivacyMother.uniqueName("Y Thị"));
        String requester = PrivacyMother.uniqueName("Bà");
        LocalDate received = organisation.today().minusDays(3);
        JsonNode created = receive("xa.cujut", "CORRECTION", childId, received, requester);
        long id = created.get("id").get("value").asLong();

        assertThat(privacy.requestDays()).isEqualTo(30);
        assertThat(created.get("dueOn").asText())
                .isEqualTo(received.plusDays(30).toString());
        assertThat(created.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(created.get("communeCode").asText()).isEqualTo("24640");

        assertThat(step("xa.cujut", id, "start", null).get("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode done = step("xa.cujut", id, "complete", "Đã sửa ngày sinh");
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("finishedOn").asText())
                .isEqualTo(organisation.today().toString());

        assertThat(auditActions(id)).containsExactly("RECEIVE", "START", "DONE");
        String audited = jdbc.sql("select string_agg(coalesce(before::text, '') || coalesce(after::text, ''), ' ')"
                        + " from audit_entry where entity_type = 'PrivacyRequest' and entity_id = :id")
                .param("id", Long.toString(id))
                .query(String.class)
                .single();
        assertThat(audited).doesNotContain(requester).contains("IN_PROGRESS", "DONE");
        // the child was read through the registry (audited there) to check scope
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'Child' and entity_id = :id"
                                + " and action = 'READ'")
                        .param("id", Long.toString(childId))
                        .query(Long.class)
                        .single())
                .isPositive();

        // a finished request cannot be refused or completed again, and nothing changes
        mvc.perform(post("/api/v1/privacy/requests/" + id + "/refuse")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"muộn\"}"))
                .andExpect(status().isBadRequest());
        assertThat(auditActions(id)).hasSize(3);
    }

    @Test
    void officersOutsideTheChildsCommuneAndOtherRolesAreRefused() throws Exception {
        long childId = child(PrivacyMother.uniqueName("H'Hen Niê"));
        long id = receive("xa.cujut", "ACCESS", childId, organisation.today(), "Người Thử")
                .get("id")
                .get("value")
                .asLong();

        mvc.perform(get("/api/v1/privacy/requests/" + id).with(httpBasic("xa.namdong", "demo12345")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/privacy/requests/" + id).with(httpBasic("giamsat.lamdong", "demo12345")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/privacy/requests/" + id).with(user(users.loadUserByUsername("xa.namdong"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/privacy/requests/" + id).with(user(users.loadUserByUsername("giamsat.lamdong"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/privacy/requests/" + id + "/start").with(httpBasic("xa.namdong", "demo12345")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/privacy/requests/" + id + "/export.xlsx").with(user(users.loadUserByUsername("xa.namdong"))))
                .andExpect(status().isForbidden());
        // the outside officer's list does not contain it, the province's does
        String outside = mvc.perform(
                        get("/api/v1/privacy/requests?size=200").with(httpBasic("xa.namdong", "demo12345")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(outside).get("items").findValuesAsString("communeCode"))
                .doesNotContain("24640");
        mvc.perform(get("/api/v1/privacy/requests/" + id).with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk());
        // a request for a child of another commune cannot be recorded (the child is not found for them)
        mvc.perform(post("/api/v1/privacy/requests")
                        .with(httpBasic("xa.namdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"ACCESS\", \"childId\": " + childId + ", \"channel\": \"PAPER\","
                                + " \"requesterName\": \"A\", \"requesterRelationship\": \"Mẹ\"}"))
                .andExpect(status().is4xxClientError());
        assertThat(jdbc.sql("select count(*) from privacy_request where child_id = :c")
                        .param("c", childId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        long before = jdbc.sql("select count(*) from privacy_request")
                .query(Long.class)
                .single();
        var response = mvc.perform(post("/api/v1/privacy/requests")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"WHATEVER\", \"childId\": 1, \"channel\": \"PAPER\"}"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse();
        JsonNode error = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(error.get("field").asText()).isEqualTo("kind");
        assertThat(error.get("message").asText()).contains("Loại yêu cầu");
        mvc.perform(post("/api/v1/privacy/requests")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"ACCESS\", \"childId\": 1, \"channel\": \"PAPER\","
                                + " \"receivedOn\": \"2099-01-01\", \"requesterName\": \"A\","
                                + " \"requesterRelationship\": \"B\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/privacy/requests")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": [1,2]"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from privacy_request")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void anOverdueRequestIsListedFirstAndFlagged() throws Exception {
        long childId = child(PrivacyMother.uniqueName("Lò Văn"));
        LocalDate received = organisation.today().minusDays(45);
        long overdue = receive("xa.cujut", "OBJECTION", childId, received, "Người Thử")
                .get("id")
                .get("value")
                .asLong();
        long fresh = receive("xa.cujut", "ACCESS", childId, organisation.today(), "Người Thử")
                .get("id")
                .get("value")
                .asLong();

        String all = mvc.perform(get("/api/v1/privacy/requests?size=200").with(httpBasic("xa.cujut", "demo12345")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode items = json.readTree(all).get("items");
        assertThat(items.get(0).get("overdue").asBoolean()).isTrue();
        List<Long> ids = items.findValues("id").stream()
                .map(n -> n.get("value").asLong())
                .toList();
        assertThat(ids.indexOf(overdue)).isLessThan(ids.indexOf(fresh));

        String onlyOverdue = mvc.perform(
                        get("/api/v1/privacy/requests?overdue=true&size=200").with(httpBasic("xa.cujut", "demo12345")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Long> overdueIds = json.readTree(onlyOverdue).get("items").findValues("id").stream()
                .map(n -> n.get("value").asLong())
                .toList();
        assertThat(overdueIds).contains(overdue).doesNotContain(fresh);

        var page = mvc.perform(get("/privacy/requests").with(user(users.loadUserByUsername("xa.cujut"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Quá hạn").contains("/privacy/requests/" + overdue);
    }

    @Test
    void aDeletionRequestErasesTheChildThroughTheRegistry() throws Exception {
        String name = PrivacyMother.uniqueName("Ksor Thị");
        long childId = child(name);
        long id = receive("xa.cujut", "DELETION", childId, organisation.today(), "Người Thử")
                .get("id")
                .get("value")
                .asLong();
        // not done before it was started
        mvc.perform(post("/api/v1/privacy/requests/" + id + "/complete").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isBadRequest());
        assertThat(childStatus(childId)).isEqualTo("ACTIVE");

        step("xa.cujut", id, "start", null);
        // the page needs the confirmation box
        mvc.perform(post("/privacy/requests/" + id + "/complete")
                        .with(user(users.loadUserByUsername("xa.cujut")))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(childStatus(childId)).isEqualTo("ACTIVE");
        mvc.perform(post("/privacy/requests/" + id + "/complete")
                        .param("confirm", "true")
                        .with(user(users.loadUserByUsername("xa.cujut")))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(childStatus(childId)).isEqualTo("ERASED");
        assertThat(jdbc.sql("select count(*) from child where id = :id and full_name is null and date_of_birth is null"
                                + " and guardian_name is null")
                        .param("id", childId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from child where full_name = :n")
                        .param("n", name)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(auditActions(id)).containsExactly("RECEIVE", "START", "DONE");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'Child' and entity_id = :id"
                                + " and action = 'ERASE' and actor = 'xa.cujut'")
                        .param("id", Long.toString(childId))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anAccessRequestGivesTheGuardianACopyOfTheRecordAndTheDownloadIsAudited() throws Exception {
        String name = PrivacyMother.uniqueName("Rơ Mah");
        long childId = child(name);
        long id = receive("xa.cujut", "ACCESS", childId, organisation.today(), "Người Thử")
                .get("id")
                .get("value")
                .asLong();
        byte[] xlsx = mvc.perform(get("/privacy/requests/" + id + "/export.xlsx")
                        .with(user(users.loadUserByUsername("xa.cujut"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                row.forEach(cell -> text.append(cell.getStringCellValue()).append('|'));
            }
        }
        assertThat(text).contains(name).contains("Hen suyễn").contains("Họ và tên");
        assertThat(auditActions(id)).contains("EXPORT");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'Child' and entity_id = :id"
                                + " and action = 'READ' and after ->> 'reason' like 'privacy access request%'")
                        .param("id", Long.toString(childId))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void pagesShowTheFormAndTheRequest() throws Exception {
        long childId = child(PrivacyMother.uniqueName("Đinh Thị"));
        var officer = user(users.loadUserByUsername("xa.cujut"));
        String form = mvc.perform(get("/privacy/requests/new?child=" + childId).with(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("value=\"" + childId + "\"");
        String location = mvc.perform(post("/privacy/requests")
                        .with(officer)
                        .with(csrf())
                        .param("kind", "CORRECTION")
                        .param("childId", Long.toString(childId))
                        .param("channel", "PHONE")
                        .param("requesterName", "Người Gọi")
                        .param("requesterRelationship", "Cha"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/privacy/requests/\\d+");
        String detail = mvc.perform(get(location).with(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("Người Gọi").contains("Chỉnh sửa dữ liệu");
        // a missing name re-shows the form with the field named
        String invalid = mvc.perform(post("/privacy/requests")
                        .with(officer)
                        .with(csrf())
                        .param("kind", "ACCESS")
                        .param("childId", Long.toString(childId))
                        .param("channel", "PHONE")
                        .param("requesterRelationship", "Cha"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(invalid).contains("Họ tên người yêu cầu: bắt buộc nhập");
    }

    private String childStatus(long id) {
        return jdbc.sql("select status from child where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
