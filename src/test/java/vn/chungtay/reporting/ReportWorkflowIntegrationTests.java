package vn.chungtay.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.IntegrationTest;
import vn.chungtay.TestSmtp;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class ReportWorkflowIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

    static final String PROVINCE_MAIL = "mttq.lamdong@example.vn";

    @Autowired
    MockMvc mvc;

    @Autowired
    ReportingSetup setup;

    @Autowired
    ReportingManagement reports;

    @Autowired
    NeedManagement needs;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private long open(String user, String unit, PeriodView period) throws Exception {
        JsonNode report = body(mvc.perform(post("/api/v1/reports")
                        .with(httpBasic(user, "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unit\": \"%s\", \"period\": \"%s\", \"programme\": \"%s\"}"
                                .formatted(unit, period.code(), period.programmeCode())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT")));
        return report.get("id").asLong();
    }

    private static long figure(JsonNode report, String code, String field) {
        for (JsonNode f : report.get("figures")) {
            if (f.get("code").asText().equals(code)) {
                return f.get(field).asLong();
            }
        }
        throw new AssertionError("no figure " + code);
    }

    private ResultActions step(String user, long id, String step, String jsonBody) throws Exception {
        var request = post("/api/v1/reports/" + id + "/" + step).with(httpBasic(user, "demo12345"));
        if (jsonBody != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(jsonBody);
        }
        return mvc.perform(request);
    }

    @Test
    void communeSubmitsWithFiguresFromTheRecordsProvinceReturnsThenAcceptsAndTheReportIsLocked() throws Exception {
        LocalDate today = organisation.today();
        PeriodView period = ReportingMother.current(setup, today, null);
        ReportingMother.run(ReportingMother.ADMIN, () -> setup.setAddress("68", PROVINCE_MAIL));
        long id = open("xa.cujut", "24640", period);
        JsonNode before = body(mvc.perform(get("/api/v1/reports/" + id).with(httpBasic("xa.cujut", "demo12345"))));

        ReportingMother.need(needs, "24640", today.getYear(), false, false);
        ReportingMother.need(needs, "24640", today.getYear(), true, false);
        ReportingMother.need(needs, "24640", today.getYear(), true, true);

        JsonNode filled = body(mvc.perform(get("/api/v1/reports/" + id).with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk()));
        assertThat(figure(filled, "need.published", "computed"))
                .isEqualTo(figure(before, "need.published", "computed") + 3);
        assertThat(figure(filled, "need.funded", "computed")).isEqualTo(figure(before, "need.funded", "computed") + 2);
        assertThat(figure(filled, "need.delivered", "computed"))
                .isEqualTo(figure(before, "need.delivered", "computed") + 1);
        long published = figure(filled, "need.published", "value");

        mvc.perform(post("/api/v1/reports/" + id + "/narrative")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"sections": {"RESULTS": "Đã tuyên truyền đến 12 thôn, buôn.",
                                 "DIFFICULTIES": "Đường xa.", "PROPOSALS": "Hỗ trợ thêm áo ấm."}, "number": "15"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.narrative.RESULTS").value("Đã tuyên truyền đến 12 thôn, buôn."))
                .andExpect(jsonPath("$.number").value("15"));

        step("xa.cujut", id, "submit", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.timeliness").value("ON_TIME"));
        outbox.sendDue();
        MimeMessage mail = awaitMail(PROVINCE_MAIL, period.name());
        assertThat(attachmentNames(mail)).containsExactlyInAnyOrder("bao-cao-24640-P1.docx", "bao-cao-24640-P1.pdf");

        step("tinh.lamdong", id, "return", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("comment"));
        step("tinh.lamdong", id, "return", "{\"comment\": \"Bổ sung số trẻ em theo thôn.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.comment").value("Bổ sung số trẻ em theo thôn."));
        step("xa.cujut", id, "submit", null).andExpect(jsonPath("$.status").value("SUBMITTED"));
        step("tinh.lamdong", id, "accept", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"));

        mvc.perform(post("/api/v1/reports/" + id + "/narrative")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sections\": {\"RESULTS\": \"Sửa sau khi khóa\"}}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("acceptedReportsAreLocked"));
        step("xa.cujut", id, "submit", null).andExpect(status().isConflict());

        ReportingMother.need(needs, "24640", today.getYear(), false, false);
        JsonNode snapshot = body(mvc.perform(get("/api/v1/reports/" + id).with(httpBasic("xa.cujut", "demo12345"))));
        assertThat(figure(snapshot, "need.published", "value")).isEqualTo(published);

        List<String> audited = jdbc.sql(
                        "select action from audit_entry where entity_type = 'Report' and entity_id = :id"
                                + " order by id")
                .param("id", Long.toString(id))
                .query(String.class)
                .list();
        assertThat(audited).containsSubsequence("CREATE", "SUBMIT", "RETURN", "SUBMIT", "ACCEPT");
    }

    @Test
    void adjustingAFigureNeedsANoteAndKeepsTheComputedValueBesideIt() throws Exception {
        PeriodView period = ReportingMother.current(setup, organisation.today(), null);
        long id = open("xa.cujut", "24640", period);
        long computed = figure(
                body(mvc.perform(get("/api/v1/reports/" + id).with(httpBasic("xa.cujut", "demo12345")))),
                "need.published",
                "computed");

        mvc.perform(post("/api/v1/reports/" + id + "/figures/need.published")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\": \"" + (computed + 40) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("note"));
        mvc.perform(post("/api/v1/reports/" + id + "/figures/need.published")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\": \"abc\", \"note\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("value"));
        JsonNode adjusted = body(mvc.perform(post("/api/v1/reports/" + id + "/figures/need.published")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\": \"" + (computed + 40) + "\", \"note\": \"Cộng số liệu sổ giấy quý I\"}"))
                .andExpect(status().isOk()));
        assertThat(figure(adjusted, "need.published", "computed")).isEqualTo(computed);
        assertThat(figure(adjusted, "need.published", "adjusted")).isEqualTo(computed + 40);
        assertThat(figure(adjusted, "need.published", "value")).isEqualTo(computed + 40);

        step("xa.cujut", id, "submit", null).andExpect(status().isOk());
        ReportView submitted = ReportingMother.as(ReportingMother.CU_JUT, () -> reports.get(new ReportId(id)));
        FigureView f = submitted.figure("need.published").orElseThrow();
        assertThat(f.computed()).isEqualTo(computed);
        assertThat(f.value()).isEqualTo(computed + 40);
        assertThat(f.note()).isEqualTo("Cộng số liệu sổ giấy quý I");
    }

    @Test
    void onlyTheLevelAboveDecidesAndOtherCommunesCannotReadTheReport() throws Exception {
        PeriodView period = ReportingMother.current(setup, organisation.today(), null);
        long id = open("xa.cujut", "24640", period);
        step("xa.cujut", id, "submit", null).andExpect(status().isOk());
        step("xa.cujut", id, "accept", null).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/reports/" + id).with(httpBasic("xa.namdong", "demo12345")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/reports/" + id).with(httpBasic("giamsat.lamdong", "demo12345")))
                .andExpect(status().isOk());
        step("xa.namdong", id, "return", "{\"comment\": \"không được\"}").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/reports/999999999").with(httpBasic("admin", "demo12345")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports?unit=24640&period=NOPE").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isNotFound());
    }

    @Test
    void reopeningNeedsTheLevelAboveAndAReasonAndTheDatabaseKeepsAcceptedReportsLocked() throws Exception {
        PeriodView period = ReportingMother.current(setup, organisation.today(), null);
        long id = open("xa.cujut", "24640", period);
        step("xa.cujut", id, "submit", null).andExpect(status().isOk());
        step("tinh.lamdong", id, "accept", null).andExpect(jsonPath("$.status").value("ACCEPTED"));

        assertThatThrownBy(() -> jdbc.sql("insert into report_narrative (report_id, section, body)"
                                + " values (:id, 'RESULTS', 'lén sửa')")
                        .param("id", id)
                        .update())
                .hasMessageContaining("locked");

        step("xa.cujut", id, "reopen", "{\"reason\": \"Sai số liệu\"}").andExpect(status().isForbidden());
        step("tinh.lamdong", id, "reopen", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        step("tinh.lamdong", id, "reopen", "{\"reason\": \"Số liệu nhu cầu chưa khớp sổ sách\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.comment").value("Số liệu nhu cầu chưa khớp sổ sách"));
        mvc.perform(post("/api/v1/reports/" + id + "/narrative")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sections\": {\"RESULTS\": \"Đã sửa\"}}"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'Report' and entity_id = :id"
                                + " and action = 'REOPEN'")
                        .param("id", Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void bulkAcceptAcceptsTheSubmittedReportsOnly() throws Exception {
        PeriodView period = ReportingMother.current(setup, organisation.today(), null);
        long cuJut = open("xa.cujut", "24640", period);
        long namDong = open("xa.namdong", "24649", period);
        long dakWil = open("tinh.lamdong", "24646", period);
        step("xa.cujut", cuJut, "submit", null).andExpect(status().isOk());
        step("xa.namdong", namDong, "submit", null).andExpect(status().isOk());

        mvc.perform(post("/api/v1/reports/accept")
                        .with(httpBasic("tinh.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": [%d, %d, %d]}".formatted(cuJut, namDong, dakWil)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2));
        mvc.perform(get("/api/v1/reports?unit=68&period=P1&programme=" + period.programmeCode())
                        .with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[?(@.unitCode == '24640')].status").value("ACCEPTED"))
                .andExpect(jsonPath("$[?(@.unitCode == '24646')].status").value("DRAFT"));
    }

    @Test
    void dataEntryClosesAfterTheDueDateUntilTheProvinceGrantsAnExtension() throws Exception {
        LocalDate today = organisation.today();
        PeriodView period = ReportingMother.period(
                setup, today.minusDays(120), today.minusDays(40), null, List.of(), today.minusDays(30));
        long id = open("xa.cujut", "24640", period);
        step("xa.cujut", id, "submit", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("dataEntryClosed"));
        ReportingMother.run(
                ReportingMother.PROVINCE,
                () -> setup.grantExtension(
                        period.id(), "24640", today.plusDays(5).toString(), "Mất điện kéo dài"));
        step("xa.cujut", id, "submit", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeliness").value("LATE"));
    }

    @Test
    void communesReportToTheDistrictBeforeTheReformAndToTheProvinceAfter() {
        PeriodView before = ReportingMother.period(setup, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30), null);
        assertThat(before.deadlines())
                .containsEntry(ReportLevel.COMMUNE, LocalDate.of(2025, 7, 10))
                .containsEntry(ReportLevel.DISTRICT, LocalDate.of(2025, 7, 20));
        ReportView trucSon = ReportingMother.as(ReportingMother.ADMIN, () -> reports.open("24661", before.id()));
        assertThat(trucSon.receiverCode()).isEqualTo("662");
        assertThat(trucSon.unitName()).isEqualTo("Xã Trúc Sơn");

        PeriodView after = ReportingMother.current(setup, organisation.today(), null);
        assertThat(after.deadlines()).containsOnlyKeys(ReportLevel.COMMUNE);
        ReportView cuJut = ReportingMother.as(ReportingMother.ADMIN, () -> reports.open("24640", after.id()));
        assertThat(cuJut.receiverCode()).isEqualTo("68");
        assertThatThrownBy(() -> ReportingMother.as(ReportingMother.ADMIN, () -> reports.open("68", after.id())))
                .isInstanceOf(InvalidReportInput.class);
    }

    private MimeMessage awaitMail(String to, String subjectPart) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> !mails(to, subjectPart).isEmpty());
        List<MimeMessage> found = mails(to, subjectPart);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<MimeMessage> mails(String to, String subjectPart) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                        .anyMatch(a -> a.toString().equalsIgnoreCase(to))
                                && m.getSubject().contains(subjectPart);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    static List<String> attachmentNames(Part part) throws Exception {
        List<String> names = new ArrayList<>();
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName() != null) {
            names.add(part.getFileName());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                names.addAll(attachmentNames(multipart.getBodyPart(i)));
            }
        }
        return names;
    }
}
