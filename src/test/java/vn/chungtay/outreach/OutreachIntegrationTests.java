package vn.chungtay.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.chungtay.outreach.OutreachMother.CU_JUT;
import static vn.chungtay.outreach.OutreachMother.NAM_DONG;
import static vn.chungtay.outreach.OutreachMother.PROVINCE;
import static vn.chungtay.outreach.OutreachMother.as;
import static vn.chungtay.outreach.OutreachMother.form;
import static vn.chungtay.outreach.OutreachMother.freshVillage;
import static vn.chungtay.outreach.OutreachMother.json;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.reporting.FigureScope;
import vn.chungtay.reporting.IndicatorProvider;
import vn.chungtay.shared.security.OutsideScope;

@IntegrationTest
class OutreachIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OutreachManagement outreach;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<IndicatorProvider> providers;

    @Autowired
    UserDetailsService users;

    private RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    private LocalDate today() {
        return organisation.today();
    }

    private long activities() {
        return jdbc.sql("select count(*) from outreach_activity")
                .query(Long.class)
                .single();
    }

    private Coverage.VillageCoverage villageIn(Coverage coverage, String code) {
        return coverage.villages().stream()
                .filter(v -> v.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    // ---- validation --------------------------------------------------------------------------

    @Test
    void rejectsMoreHouseholdsThanPeopleNamingTheFieldAndWritesNothing() throws Exception {
        OrgUnitView village = freshVillage(organisation, CU_JUT, false);
        long before = activities();
        mvc.perform(post("/api/v1/outreach")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("24640", village.code(), today().toString(), 10, 12)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("householdsReached"))
                .andExpect(jsonPath("$.message").value("Số hộ (12) không được lớn hơn số người (10)."));
        assertThat(activities()).isEqualTo(before);
    }

    @Test
    void rejectsAVillageOfAnotherCommune() throws Exception {
        OrgUnitView namDongVillage = freshVillage(organisation, NAM_DONG, false);
        mvc.perform(post("/api/v1/outreach")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("24640", namDongVillage.code(), today().toString(), 10, 5)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("villageCodes"))
                .andExpect(
                        jsonPath("$.message").value(containsString(namDongVillage.fullName() + " thuộc Xã Nam Dong")))
                .andExpect(jsonPath("$.message").value(containsString("không thuộc Xã Cư Jút")));
    }

    @Test
    void rejectsADateInTheFuture() throws Exception {
        OrgUnitView village = freshVillage(organisation, CU_JUT, false);
        mvc.perform(post("/api/v1/outreach")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(
                                "24640", village.code(), today().plusDays(1).toString(), 10, 5)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("date"))
                .andExpect(jsonPath("$.message").value("Ngày tổ chức không được ở tương lai."));
    }

    @Test
    void namesEveryWrongFieldAtOnce() {
        ActivityForm empty = new ActivityForm("", "24640", List.of(), "", List.of(), "", "", "nhiều", "-1", "xx", "");
        assertThatThrownBy(() -> as(CU_JUT, () -> outreach.record(empty)))
                .isInstanceOfSatisfying(
                        InvalidOutreachInput.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidOutreachInput.Problem::field)
                                .contains(
                                        "date",
                                        "villageCodes",
                                        "method",
                                        "topics",
                                        "organisers",
                                        "peopleReached",
                                        "householdsReached",
                                        "language"));
    }

    @Test
    void recordsThroughTheApiWithAnEthnicMinorityLanguage() throws Exception {
        OrgUnitView village = freshVillage(organisation, CU_JUT, true);
        mvc.perform(post("/api/v1/outreach")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("24640", village.code(), today().toString(), 40, 18)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.villageCodes[0]").value(village.code()))
                .andExpect(jsonPath("$.provinceCode").value("68"))
                .andExpect(jsonPath("$.language").value("12"))
                .andExpect(jsonPath("$.topics.length()").value(2));
        mvc.perform(get("/api/v1/outreach?village=" + village.code()).with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].peopleReached").value(40));
    }

    // ---- coverage ----------------------------------------------------------------------------

    @Test
    void coverageShowsAVillageReachedOnlyOnceAnActivityIsRecorded() {
        OrgUnitView village = freshVillage(organisation, CU_JUT, false);
        int year = today().getYear();
        Coverage before = as(CU_JUT, () -> outreach.coverage("24640", year));
        assertThat(villageIn(before, village.code()).reached()).isFalse();
        assertThat(before.notReached())
                .extracting(Coverage.VillageCoverage::code)
                .contains(village.code());

        as(CU_JUT, () -> outreach.record(form("24640", village.code(), today(), 37, 20)));

        Coverage after = as(CU_JUT, () -> outreach.coverage("24640", year));
        assertThat(villageIn(after, village.code()).activities()).isEqualTo(1);
        assertThat(villageIn(after, village.code()).lastActivity()).isEqualTo(today());
        assertThat(after.notReached())
                .extracting(Coverage.VillageCoverage::code)
                .doesNotContain(village.code());
        int month = today().getMonthValue();
        assertThat(after.months().get(month - 1).people()
                        - before.months().get(month - 1).people())
                .isEqualTo(37);
        assertThat(after.totalActivities() - before.totalActivities()).isEqualTo(1);
    }

    @Test
    void especiallyDifficultVillagesAreFlaggedAndListedFirstAmongTheUnreached() throws Exception {
        OrgUnitView difficult = freshVillage(organisation, CU_JUT, true);
        Coverage coverage = as(CU_JUT, () -> outreach.coverage("24640", today().getYear()));
        assertThat(villageIn(coverage, difficult.code()).especiallyDifficult()).isTrue();
        assertThat(coverage.notReached().get(0).especiallyDifficult()).isTrue();
        assertThat(coverage.difficultVillages()).isGreaterThan(coverage.difficultReached());
        mvc.perform(get("/api/v1/outreach/coverage?commune=24640&year=" + today().getYear())
                        .with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notReached[?(@.code == '" + difficult.code() + "')].especiallyDifficult")
                        .value(true));
    }

    @Test
    void demoDataLeavesSomeEspeciallyDifficultVillagesUnreachedIn2026() {
        Coverage coverage = as(CU_JUT, () -> outreach.coverage("24640", 2026));
        assertThat(coverage.reached())
                .extracting(Coverage.VillageCoverage::name)
                .contains("Buôn Trum", "Buôn Buôr");
        assertThat(coverage.villages())
                .filteredOn(v -> v.name().equals("Buôn Nui"))
                .singleElement()
                .satisfies(v -> assertThat(v.especiallyDifficult()).isTrue());
        long demo = jdbc.sql("select count(*) from outreach_activity where commune_code in ('24640', '24649')"
                        + " and created_by in ('xa.cujut', 'xa.namdong')")
                .query(Long.class)
                .single();
        assertThat(demo).isGreaterThanOrEqualTo(30);
    }

    @Test
    void provinceOfficersSeeCoveragePerCommuneOfTheirProvince() throws Exception {
        ProvinceCoverage coverage = as(PROVINCE, () -> outreach.provinceCoverage("68", 2026));
        assertThat(coverage.communes())
                .extracting(ProvinceCoverage.CommuneRow::code)
                .contains("24640", "24649");
        ProvinceCoverage.CommuneRow cuJut = coverage.communes().stream()
                .filter(c -> c.code().equals("24640"))
                .findFirst()
                .orElseThrow();
        assertThat(cuJut.villagesReached()).isPositive().isLessThan(cuJut.villages());
        assertThat(cuJut.activities()).isGreaterThanOrEqualTo(8);
        mvc.perform(get("/api/v1/outreach/coverage?province=68&year=2026").with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.communes[?(@.code == '24649')].villages").isNotEmpty());
        mvc.perform(get("/api/v1/outreach/coverage?province=68&year=2026").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isForbidden());
    }

    // ---- scope -------------------------------------------------------------------------------

    @Test
    void officersOfAnotherCommuneGet403() throws Exception {
        OrgUnitView village = freshVillage(organisation, CU_JUT, false);
        ActivityView activity = as(CU_JUT, () -> outreach.record(form("24640", village.code(), today(), 12, 6)));
        mvc.perform(get("/api/v1/outreach/" + activity.id()).with(httpBasic("xa.namdong", "demo12345")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/outreach/coverage?commune=24640").with(httpBasic("xa.namdong", "demo12345")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/outreach")
                        .with(httpBasic("xa.namdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("24640", village.code(), today().toString(), 10, 5)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/outreach?commune=24640").with(httpBasic("xa.namdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/outreach/" + activity.id()).with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk());
        assertThatThrownBy(() -> as(NAM_DONG, () -> {
                    outreach.delete(activity.id(), "nhầm");
                    return null;
                }))
                .isInstanceOf(OutsideScope.class);
    }

    // ---- photos ------------------------------------------------------------------------------

    @Test
    void photosAreRecognisedByTheirBytesStoredWithTheirHashAndServedOnlyWithinScope() throws Exception {
        OrgUnitView village = freshVillage(organisation, CU_JUT, false);
        byte[] png = OutreachMother.png();
        ActivityView activity = as(
                CU_JUT,
                () -> outreach.record(
                        form("24640", village.code(), today(), 20, 9), new PhotoUpload("hop-thon.txt", png)));
        assertThat(activity.photos()).singleElement().satisfies(p -> {
            assertThat(p.contentType()).isEqualTo("image/png");
            assertThat(p.sha256())
                    .isEqualTo(java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(png)));
        });
        long photoId = activity.photos().get(0).id();
        String url = "/outreach/" + activity.id() + "/photos/" + photoId;
        mvc.perform(get(url).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(png))
                .andExpect(result ->
                        assertThat(result.getResponse().getContentType()).isEqualTo("image/png"));
        mvc.perform(get(url).with(signedIn("xa.namdong"))).andExpect(status().isForbidden());
        mvc.perform(get(url)).andExpect(status().is3xxRedirection());

        ActivityView withJpeg =
                as(CU_JUT, () -> outreach.addPhoto(activity.id(), new PhotoUpload("anh", OutreachMother.jpeg())));
        assertThat(withJpeg.photos())
                .extracting(ActivityView.PhotoView::contentType)
                .contains("image/jpeg");
        assertThatThrownBy(() -> as(CU_JUT, () -> outreach.addPhoto(activity.id(), new PhotoUpload("lai.png", png))))
                .isInstanceOfSatisfying(
                        InvalidOutreachInput.class,
                        e -> assertThat(e.first().messageKey()).isEqualTo("outreach.photo.duplicate"));
    }

    @Test
    void rejectsAFileThatIsNotAnImageAndAPhotoOverTenMegabytesWritingNothing() {
        OrgUnitView village = freshVillage(organisation, CU_JUT, false);
        long before = activities();
        byte[] text = "<html>không phải ảnh</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> as(
                        CU_JUT,
                        () -> outreach.record(
                                form("24640", village.code(), today(), 20, 9), new PhotoUpload("anh.jpg", text))))
                .isInstanceOfSatisfying(
                        InvalidOutreachInput.class,
                        e -> assertThat(e.first().messageKey()).isEqualTo("outreach.photo.notAnImage"));
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(OutreachMother.jpeg(), 0, huge, 0, 4);
        assertThatThrownBy(() -> as(
                        CU_JUT,
                        () -> outreach.record(
                                form("24640", village.code(), today(), 20, 9), new PhotoUpload("to.jpg", huge))))
                .isInstanceOfSatisfying(
                        InvalidOutreachInput.class,
                        e -> assertThat(e.first().messageKey()).isEqualTo("outreach.photo.tooLarge"));
        assertThat(activities()).isEqualTo(before);
    }

    // ---- correction and deletion -------------------------------------------------------------

    @Test
    void correctionIsAuditedAndDeletionNeedsAReasonAndRemovesTheActivityFromCoverage() throws Exception {
        OrgUnitView village = freshVillage(organisation, CU_JUT, false);
        ActivityView activity = as(CU_JUT, () -> outreach.record(form("24640", village.code(), today(), 30, 15)));
        as(CU_JUT, () -> outreach.correct(activity.id(), form("24640", village.code(), today(), 34, 15)));
        String after = jdbc.sql("select cast(after as text) from audit_entry where entity_type = 'OutreachActivity'"
                        + " and entity_id = :id and action = 'UPDATE'")
                .param("id", activity.id().toString())
                .query(String.class)
                .single();
        assertThat(after).contains("\"peopleReached\": 34");

        mvc.perform(delete("/api/v1/outreach/" + activity.id()).with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(delete("/api/v1/outreach/" + activity.id() + "?reason=Ghi trùng")
                        .with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/outreach/" + activity.id()).with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isNotFound());
        Coverage coverage = as(CU_JUT, () -> outreach.coverage("24640", today().getYear()));
        assertThat(villageIn(coverage, village.code()).reached()).isFalse();
    }

    // ---- indicators --------------------------------------------------------------------------

    @Test
    void indicatorsCountActivitiesPeopleHouseholdsAndDifficultVillagesReachedInTheScope() {
        OrgUnitView difficult = freshVillage(organisation, CU_JUT, true);
        OrgUnitView plain = freshVillage(organisation, CU_JUT, false);
        LocalDate day = today();
        as(CU_JUT, () -> outreach.record(form("24640", difficult.code(), day, 40, 20)));
        as(CU_JUT, () -> outreach.record(form("24640", plain.code(), day, 25, 10)));
        ActivityView deleted = as(CU_JUT, () -> outreach.record(form("24640", plain.code(), day, 99, 50)));
        as(CU_JUT, () -> {
            outreach.delete(deleted.id(), "Ghi nhầm");
            return null;
        });
        IndicatorProvider provider = providers.stream()
                .filter(p -> p.indicators().stream().anyMatch(i -> i.code().equals("outreach.activities")))
                .findFirst()
                .orElseThrow();
        var figures = provider.figures(
                new FigureScope("24640", Set.of(difficult.code(), plain.code()), day.withDayOfYear(1), day));
        assertThat(figures)
                .containsEntry("outreach.activities", 2L)
                .containsEntry("outreach.people", 65L)
                .containsEntry("outreach.households", 30L)
                .containsEntry("outreach.dbkk_villages_reached", 1L);
        var earlier = provider.figures(new FigureScope(
                "24640", Set.of(difficult.code()), day.minusYears(1).withDayOfYear(1), day.minusDays(1)));
        assertThat(earlier).containsEntry("outreach.activities", 0L);
    }
}
