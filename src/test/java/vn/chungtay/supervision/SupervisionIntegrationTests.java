package vn.chungtay.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.chungtay.supervision.SupervisionMother.CU_JUT;
import static vn.chungtay.supervision.SupervisionMother.NAM_DONG;
import static vn.chungtay.supervision.SupervisionMother.SUPERVISOR;
import static vn.chungtay.supervision.SupervisionMother.as;
import static vn.chungtay.supervision.SupervisionMother.freshVillage;
import static vn.chungtay.supervision.SupervisionMother.issue;
import static vn.chungtay.supervision.SupervisionMother.planWithVisit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.chungtay.IntegrationTest;
import vn.chungtay.TestSmtp;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.reporting.FigureScope;
import vn.chungtay.reporting.IndicatorProvider;
import vn.chungtay.shared.security.OutsideScope;

@IntegrationTest
class SupervisionIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    MockMvc mvc;

    @Autowired
    SupervisionManagement supervision;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    MailOutbox outbox;

    @Autowired
    UserDetailsService users;

    @Autowired
    List<IndicatorProvider> providers;

    private RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    private LocalDate today() {
        return organisation.today();
    }

    private static String address() {
        return "kiennghi-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    // ---- overdue -----------------------------------------------------------------------------

    @Test
    void overdueIsComputedFromTheDueDateAndTodayAndNeverForDoneRecommendations() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        LocalDate yesterday = today.minusDays(1);
        assertThat(FollowUpStatus.effective(FollowUpStatus.OPEN, yesterday, today))
                .isEqualTo(FollowUpStatus.OVERDUE);
        assertThat(FollowUpStatus.effective(FollowUpStatus.IN_PROGRESS, yesterday, today))
                .isEqualTo(FollowUpStatus.OVERDUE);
        assertThat(FollowUpStatus.effective(FollowUpStatus.OPEN, today, today)).isEqualTo(FollowUpStatus.OPEN);
        assertThat(FollowUpStatus.effective(FollowUpStatus.DONE, yesterday, today))
                .isEqualTo(FollowUpStatus.DONE);
    }

    @Test
    void theOverdueListShowsRecommendationsPastTheirDueDateToTheSupervisingLevelAndTheUnit() throws Exception {
        OrgUnitView village = freshVillage(organisation, "24640");
        var planned = planWithVisit(supervision, village.code(), today(), 30);
        RecommendationView late = issue(supervision, planned, village.code(), today().minusDays(2));
        RecommendationView onTime = issue(supervision, planned, village.code(), today().plusDays(10));
        assertThat(late.statusOn(today())).isEqualTo(FollowUpStatus.OVERDUE);

        assertThat(as(SUPERVISOR, supervision::overdue))
                .extracting(RecommendationView::id)
                .contains(late.id())
                .doesNotContain(onTime.id());
        assertThat(as(CU_JUT, supervision::overdue))
                .extracting(RecommendationView::id)
                .contains(late.id());
        assertThat(as(NAM_DONG, supervision::overdue))
                .extracting(RecommendationView::id)
                .doesNotContain(late.id());
        mvc.perform(get("/api/v1/supervision/recommendations?status=OVERDUE")
                        .with(httpBasic("giamsat.lamdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) late.id().value())))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) onTime.id().value()))))
                .andExpect(jsonPath("$[0].status").value("OVERDUE"));
        mvc.perform(get("/api/v1/supervision/recommendations?status=LATE")
                        .with(httpBasic("giamsat.lamdong", "demo12345")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("status"));
        mvc.perform(get("/supervision/overdue").with(signedIn("giamsat.lamdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/supervision/recommendations/" + late.id())))
                .andExpect(content().string(not(containsString("/supervision/recommendations/" + onTime.id() + "\""))));

        as(CU_JUT, () -> supervision.followUp(late.id(), new FollowUpForm("DONE", "Đã cập nhật sổ."), null));
        assertThat(as(SUPERVISOR, supervision::overdue))
                .extracting(RecommendationView::id)
                .doesNotContain(late.id());
    }

    @Test
    void demoPlanHasVisitsAndExactlyOneOverdueRecommendation() throws Exception {
        PlanView demo = as(
                SUPERVISOR,
                () -> supervision.plans(0, 200).items().stream()
                        .filter(p -> p.subject().startsWith("Giám sát việc vận động"))
                        .findFirst()
                        .orElseThrow());
        assertThat(as(SUPERVISOR, () -> supervision.visits(demo.id()))).hasSize(2);
        List<RecommendationView> recommendations = as(SUPERVISOR, () -> supervision.recommendations(demo.id()));
        assertThat(recommendations).hasSize(4);
        assertThat(recommendations).filteredOn(r -> r.overdueOn(today())).hasSize(1);
        assertThat(recommendations)
                .extracting(RecommendationView::recordedStatus)
                .contains(FollowUpStatus.DONE, FollowUpStatus.IN_PROGRESS);
        mvc.perform(get("/supervision/plans/" + demo.id()).with(signedIn("giamsat.lamdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Quá hạn")))
                .andExpect(content().string(containsString("mttq.cujut@example.vn")))
                .andExpect(content().string(containsString("id=\"recommendation-form\"")));
        mvc.perform(get("/supervision").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(demo.subject())));
        mvc.perform(get("/api/v1/supervision/plans").with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].subject", hasItem(demo.subject())));
    }

    // ---- notification ------------------------------------------------------------------------

    @Test
    void theResponsibleUnitIsToldByEmailWhenARecommendationIsIssued() throws Exception {
        OrgUnitView village = freshVillage(organisation, "24649");
        String to = address();
        as(SUPERVISOR, () -> supervision.setContact(village.code(), to));
        var planned = planWithVisit(supervision, village.code(), today(), 3);

        RecommendationView issued = issue(supervision, planned, village.code(), today().plusDays(30));
        assertThat(issued.notifiedEmail()).isEqualTo(to);

        outbox.sendDue();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo(to).size() == 1);
        MimeMessage mail = mailsTo(to).get(0);
        assertThat(mail.getSubject()).isEqualTo("[ChungTay] Kiến nghị giám sát gửi " + village.fullName());
        String body = greenMailBody(mail);
        assertThat(body).contains("Cập nhật sổ sách tiếp nhận.");
        assertThat(body)
                .contains("Hạn hoàn thành: "
                        + today().plusDays(30).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(body).contains("/supervision/recommendations/" + issued.id());
    }

    @Test
    void aUnitWithoutAContactAddressIsNotNotifiedButTheRecommendationStands() {
        OrgUnitView village = freshVillage(organisation, "24649");
        var planned = planWithVisit(supervision, village.code(), today(), 3);
        RecommendationView issued = issue(supervision, planned, village.code(), today().plusDays(5));
        // a village without an address falls back to its commune's (the demo set one for Nam Dong)
        assertThat(issued.notifiedEmail()).isEqualTo("mttq.namdong@example.vn");
        OrgUnitView outside = as(
                new vn.chungtay.shared.security.Actor("system", vn.chungtay.shared.security.Role.ADMIN, null),
                () -> organisation.createVillage(
                        "24646",
                        new vn.chungtay.organisation.VillageForm(
                                "Thôn Không Thư " + UUID.randomUUID().toString().substring(0, 6), "Thôn", false)));
        var plannedOutside = planWithVisit(supervision, outside.code(), today(), 3);
        assertThat(issue(supervision, plannedOutside, outside.code(), today().plusDays(5))
                        .notifiedEmail())
                .isNull();
    }

    private static String greenMailBody(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            collect(multipart, text);
            return text.toString();
        }
        return content.toString();
    }

    private static void collect(jakarta.mail.Multipart multipart, StringBuilder text) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (part instanceof jakarta.mail.Multipart nested) {
                collect(nested, text);
            } else {
                text.append(part).append('\n');
            }
        }
    }

    // ---- roles and scope ---------------------------------------------------------------------

    @Test
    void onlyTheResponsibleUnitsOfficersRecordTheFollowUpWithEvidence() throws Exception {
        OrgUnitView village = freshVillage(organisation, "24640");
        var planned = planWithVisit(supervision, village.code(), today(), 10);
        RecommendationView recommendation = issue(supervision, planned, village.code(), today().plusDays(10));
        assertThatThrownBy(() -> as(
                        NAM_DONG, () -> supervision.followUp(recommendation.id(), new FollowUpForm("DONE", "x"), null)))
                .isInstanceOf(OutsideScope.class);
        assertThatThrownBy(() -> as(
                        SUPERVISOR,
                        () -> supervision.followUp(recommendation.id(), new FollowUpForm("DONE", "x"), null)))
                .isInstanceOf(OutsideScope.class);
        mvc.perform(get("/api/v1/supervision/recommendations/" + recommendation.id())
                        .with(httpBasic("xa.namdong", "demo12345")))
                .andExpect(status().isForbidden());

        mvc.perform(multipart("/supervision/recommendations/" + recommendation.id() + "/follow-up")
                        .file(new MockMultipartFile(
                                "evidence", "bien-ban.txt", "text/plain", "không phải PDF".getBytes()))
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("status", "DONE")
                        .param("note", "Đã xong"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tệp minh chứng phải là PDF, JPEG hoặc PNG.")));
        assertThat(as(CU_JUT, () -> supervision.recommendation(recommendation.id()))
                        .recordedStatus())
                .isEqualTo(FollowUpStatus.OPEN);

        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes();
        mvc.perform(multipart("/supervision/recommendations/" + recommendation.id() + "/follow-up")
                        .file(new MockMultipartFile("evidence", "bien-ban.pdf", "application/pdf", pdf))
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("status", "DONE")
                        .param("note", "Đã cập nhật sổ sách, kèm biên bản."))
                .andExpect(status().is3xxRedirection());
        RecommendationView done = as(CU_JUT, () -> supervision.recommendation(recommendation.id()));
        assertThat(done.recordedStatus()).isEqualTo(FollowUpStatus.DONE);
        assertThat(done.resolvedOn()).isEqualTo(today());
        FollowUpView step =
                as(CU_JUT, () -> supervision.followUps(recommendation.id())).get(0);
        assertThat(step.evidenceContentType()).isEqualTo("application/pdf");
        mvc.perform(get("/supervision/recommendations/" + recommendation.id() + "/evidence/" + step.id())
                        .with(signedIn("giamsat.lamdong")))
                .andExpect(status().isOk())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(pdf));
        mvc.perform(get("/supervision/recommendations/" + recommendation.id() + "/evidence/" + step.id())
                        .with(signedIn("xa.namdong")))
                .andExpect(status().isForbidden());
    }

    @Test
    void communeOfficersDoNotPlanAndSupervisorsPlanOnlyWithinTheirScope() throws Exception {
        mvc.perform(post("/api/v1/supervision/plans")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"subject": "Tự giám sát", "supervisingUnit": "24640", "supervisedUnits": ["24640-01"],
                                 "plannedFrom": "2026-01-01", "plannedTo": "2026-02-01", "members": "Xã"}"""))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/supervision/plans")
                        .with(httpBasic("giamsat.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"subject": "Ngoài tỉnh", "supervisingUnit": "01", "supervisedUnits": ["00004"],
                                 "plannedFrom": "2026-01-01", "plannedTo": "2026-02-01", "members": "Tỉnh"}"""))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/supervision/plans")
                        .with(httpBasic("giamsat.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"subject": "Xã ngoài tỉnh", "supervisingUnit": "68", "supervisedUnits": ["00004"],
                                 "plannedFrom": "2026-03-01", "plannedTo": "2026-02-01", "members": "Tỉnh"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("supervisedUnits")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("plannedTo")));
        mvc.perform(post("/api/v1/supervision/plans")
                        .with(httpBasic("tinh.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"subject": "Giám sát quý IV", "supervisedUnits": ["24640", "24649"],
                                 "plannedFrom": "2026-10-01", "plannedTo": "2026-12-31", "members": "Ban Thường trực tỉnh"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.supervisingUnit").value("68"))
                .andExpect(jsonPath("$.supervisedUnits.length()").value(2));
    }

    @Test
    void recommendationsAreCheckedAgainstThePlanAndTheVisit() {
        OrgUnitView village = freshVillage(organisation, "24640");
        var planned = planWithVisit(supervision, village.code(), today(), 10);
        assertThatThrownBy(() -> as(
                        SUPERVISOR,
                        () -> supervision.issue(
                                planned.plan().id(),
                                new RecommendationForm(
                                        Long.toString(planned.visit().id()),
                                        "24649",
                                        "Nội dung",
                                        today().minusDays(20).toString()))))
                .isInstanceOfSatisfying(
                        InvalidSupervisionInput.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidSupervisionInput.Problem::field)
                                .containsExactlyInAnyOrder("responsibleUnit", "dueDate"));
        assertThatThrownBy(() -> as(
                        SUPERVISOR,
                        () -> supervision.recordVisit(
                                planned.plan().id(),
                                new VisitForm("24649", today().plusDays(1).toString(), null, ""))))
                .isInstanceOfSatisfying(
                        InvalidSupervisionInput.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidSupervisionInput.Problem::field)
                                .containsExactlyInAnyOrder("unitCode", "date", "findings"));
    }

    // ---- indicators --------------------------------------------------------------------------

    @Test
    void indicatorsCountVisitsResolvedAndOpenRecommendationsOfTheScope() {
        OrgUnitView village = freshVillage(organisation, "24640");
        var planned = planWithVisit(supervision, village.code(), today(), 10);
        RecommendationView resolved = issue(supervision, planned, village.code(), today().plusDays(5));
        issue(supervision, planned, village.code(), today().plusDays(5));
        as(CU_JUT, () -> supervision.followUp(resolved.id(), new FollowUpForm("DONE", "Xong"), null));
        IndicatorProvider provider = providers.stream()
                .filter(p -> p.indicators().stream().anyMatch(i -> i.code().equals("supervision.visits")))
                .findFirst()
                .orElseThrow();
        var figures =
                provider.figures(new FigureScope("24640", Set.of(village.code()), today().minusDays(30), today()));
        assertThat(figures)
                .containsEntry("supervision.visits", 1L)
                .containsEntry("supervision.recommendations_resolved", 1L)
                .containsEntry("supervision.recommendations_open", 1L);
        var before = provider.figures(
                new FigureScope("24640", Set.of(village.code()), today().minusDays(60), today().minusDays(11)));
        assertThat(before)
                .containsEntry("supervision.visits", 0L)
                .containsEntry("supervision.recommendations_open", 0L);
    }
}
