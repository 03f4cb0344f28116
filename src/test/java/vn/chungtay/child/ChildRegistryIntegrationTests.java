package vn.chungtay.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.text.VietnameseText;

@IntegrationTest
@RecordApplicationEvents
class ChildRegistryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    ChildManagement children;

    @Autowired
    ChildDirectory directory;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApplicationEvents events;

    private RequestPostProcessor signedIn(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(username));
    }

    private LocalDate today() {
        return organisation.today();
    }

    private long createViaApi(String name, LocalDate born, String guardian) throws Exception {
        String body = mvc.perform(post("/api/v1/children")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ChildMother.json(
                                name, born, ChildMother.village(organisation, "24640"), guardian, true)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.publicCode")
                        .value(org.hamcrest.Matchers.matchesPattern("TE-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}")))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*$", "$1").trim());
    }

    private ChildView as(Actor actor, java.util.function.Supplier<ChildView> work) {
        AtomicReference<ChildView> result = new AtomicReference<>();
        CurrentActor.runAs(actor, () -> result.set(work.get()));
        return result.get();
    }

    @Test
    void officerCreatesAChildThroughTheApiAnotherCommuneCannotReadItAndBothReadsAreAudited() throws Exception {
        String name = ChildMother.uniqueName("Thị Hạnh");
        long id = createViaApi(name, ChildMother.randomBirthDate(today(), 8, 14), ChildMother.uniqueName("Điểu"));

        mvc.perform(get("/api/v1/children/{id}", id).with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value(name))
                .andExpect(jsonPath("$.communeCode").value("24640"));
        mvc.perform(get("/api/v1/children/{id}", id).with(httpBasic("xa.namdong", "demo12345")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(name))));

        List<String> reads = jdbc.sql("select actor || '|' || action || '|' || coalesce(unit_code, '') from audit_entry"
                        + " where entity_type = 'Child' and entity_id = :id and action like 'READ%' order by id")
                .param("id", String.valueOf(id))
                .query(String.class)
                .list();
        assertThat(reads).containsExactly("xa.cujut|READ|24640", "xa.namdong|READ_DENIED|24640");
        String everything = jdbc.sql("select string_agg(coalesce(before::text, '') || coalesce(after::text, ''), ' ')"
                        + " from audit_entry where entity_type = 'Child' and entity_id = :id")
                .param("id", String.valueOf(id))
                .query(String.class)
                .single();
        assertThat(everything).doesNotContain(name);
    }

    @Test
    void childOfSevenOrOverNeedsTheirOwnConsentAndNothingIsWritten() throws Exception {
        String name = ChildMother.uniqueName("Y Bril");
        mvc.perform(post("/api/v1/children")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ChildMother.json(
                                name,
                                today().minusYears(9),
                                ChildMother.village(organisation, "24640"),
                                ChildMother.uniqueName("H'Bliêng"),
                                false)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("childConsent.givenBy"))
                .andExpect(jsonPath("$.message").value(containsString("trẻ")));
        assertThat(countNamed(name)).isZero();

        mvc.perform(post("/api/v1/children")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ChildMother.json(
                                name,
                                today().minusYears(5),
                                ChildMother.village(organisation, "24640"),
                                ChildMother.uniqueName("H'Bliêng"),
                                false)))
                .andExpect(status().isCreated());
    }

    @Test
    void badInputIsRefusedWithAVietnameseMessageNamingTheField() throws Exception {
        String body = ChildMother.json(
                        ChildMother.uniqueName("Lò Văn"),
                        today().minusYears(4),
                        ChildMother.village(organisation, "24640"),
                        ChildMother.uniqueName("Lò Thị"),
                        false)
                .replace("\"ethnicGroupCode\": \"20\"", "\"ethnicGroupCode\": \"77\"");
        mvc.perform(post("/api/v1/children")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("ethnicGroupCode"))
                .andExpect(jsonPath("$.message").value(containsString("Mã dân tộc")));
        mvc.perform(post("/api/v1/children")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"sex\": \"FEMALE\"", "\"sex\": \"GIRL\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("sex"));
    }

    @Test
    void officerCannotRegisterInAnotherCommune() throws Exception {
        String name = ChildMother.uniqueName("Vàng Thị");
        mvc.perform(post("/api/v1/children")
                        .with(httpBasic("xa.namdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ChildMother.json(
                                name,
                                today().minusYears(3),
                                ChildMother.village(organisation, "24640"),
                                ChildMother.uniqueName("Vàng A"),
                                false)))
                .andExpect(status().isForbidden());
        assertThat(countNamed(name)).isZero();
    }

    @Test
    void draftWithoutConsentIsSeenOnlyByTheCommuneAndUsedForNothing() throws Exception {
        String name = ChildMother.uniqueName("Giàng A");
        String village = ChildMother.village(organisation, "24640");
        ChildForm draft = new ChildForm(
                name,
                today().minusYears(6),
                Sex.MALE,
                "08",
                village,
                ChildMother.uniqueName("Giàng Thị"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                true,
                false);
        ChildView created = as(ChildMother.CU_JUT, () -> children.register(draft));
        assertThat(created.status()).isEqualTo(ChildStatus.DRAFT);

        assertThat(directory.anonymousProfile(new ChildId(created.id()))).isEmpty();
        assertThat(directory.findByPublicCode(created.publicCode())).isEmpty();
        mvc.perform(get("/api/v1/children/{id}", created.id())
                        .param("reason", "kiểm tra định kỳ")
                        .with(httpBasic("giamsat.lamdong", "demo12345")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/children/{id}", created.id()).with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/children").param("q", name).with(httpBasic("giamsat.lamdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/children/{id}", created.id()).with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));

        ChildView consented = as(
                ChildMother.CU_JUT,
                () -> children.recordConsent(
                        created.id(),
                        new ConsentForm(
                                "Giàng Thị Mỷ",
                                today(),
                                ConsentMethod.VERBAL_WITNESSED,
                                java.util.Set.of(ConsentPurpose.PROCESSING, ConsentPurpose.ANONYMOUS_MENTION),
                                null,
                                null)));
        assertThat(consented.status()).isEqualTo(ChildStatus.ACTIVE);
        assertThat(directory.anonymousProfile(new ChildId(created.id()))).get().satisfies(p -> {
            assertThat(p.ethnicGroupName()).isEqualTo("HMông");
            assertThat(p.ageYears()).isEqualTo(6);
        });
    }

    @Test
    void supervisorReadsOnlyWithAReasonThatIsAudited() throws Exception {
        long id = createViaApi(
                ChildMother.uniqueName("Hoàng Văn"),
                ChildMother.randomBirthDate(today(), 8, 12),
                ChildMother.uniqueName("Hoàng Thị"));
        mvc.perform(get("/api/v1/children/{id}", id).with(httpBasic("giamsat.lamdong", "demo12345")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(get("/api/v1/children/{id}", id)
                        .param("reason", "Xác minh phản ánh của người dân")
                        .with(httpBasic("giamsat.lamdong", "demo12345")))
                .andExpect(status().isOk());
        String reason = jdbc.sql("select after ->> 'reason' from audit_entry where entity_type = 'Child'"
                        + " and entity_id = :id and actor = 'giamsat.lamdong' and action = 'READ'")
                .param("id", String.valueOf(id))
                .query(String.class)
                .single();
        assertThat(reason).isEqualTo("Xác minh phản ánh của người dân");
    }

    @Test
    void withdrawingAnonymousMentionStopsItAtOnceAndTellsOtherModules() {
        String village = ChildMother.village(organisation, "24640");
        ChildView child = as(
                ChildMother.CU_JUT,
                () -> children.register(ChildMother.consented(
                        ChildMother.uniqueName("Nông Thị"),
                        ChildMother.randomBirthDate(today(), 3, 6),
                        village,
                        today())));
        ChildId id = new ChildId(child.id());
        assertThat(directory.anonymousProfile(id)).isPresent();

        as(ChildMother.CU_JUT, () -> children.withdrawConsent(child.id(), ConsentPurpose.ANONYMOUS_MENTION));

        assertThat(directory.anonymousProfile(id)).isEmpty();
        assertThat(directory.canUse(ChildMother.CU_JUT, id)).isTrue();
        assertThat(events.stream(ChildDataWithdrawn.class)).contains(new ChildDataWithdrawn(id, false));

        as(ChildMother.CU_JUT, () -> children.withdrawConsent(child.id(), null));
        assertThat(directory.canUse(ChildMother.CU_JUT, id)).isFalse();
        assertThat(directory.findByPublicCode(child.publicCode())).isEmpty();
    }

    @Test
    void erasureRemovesPersonalFieldsKeepsAnonymousCountsAndTellsOtherModules() {
        String village = ChildMother.village(organisation, "24640");
        String name = ChildMother.uniqueName("Triệu Tài");
        LocalDate born = ChildMother.randomBirthDate(today(), 3, 6);
        ChildView child =
                as(ChildMother.CU_JUT, () -> children.register(ChildMother.consented(name, born, village, today())));
        long before = countInVillage(village);

        ChildView erased = as(ChildMother.CU_JUT, () -> children.erase(child.id()));

        assertThat(erased.status()).isEqualTo(ChildStatus.ERASED);
        assertThat(erased.fullName()).isNull();
        var row = jdbc.sql("select full_name, name_folded, date_of_birth, guardian_name, guardian_phone, school_name,"
                        + " health_notes, birth_year, sex, ethnic_group_code, village_code, circumstances::text"
                        + " from child where id = :id")
                .param("id", child.id())
                .query((rs, n) -> new Object[] {
                    rs.getString(1), rs.getString(2), rs.getObject(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10),
                    rs.getString(11), rs.getString(12)
                })
                .single();
        assertThat(java.util.Arrays.asList(row).subList(0, 7)).containsOnlyNulls();
        assertThat(row[7]).isEqualTo(born.getYear());
        assertThat(row[8]).isEqualTo("FEMALE");
        assertThat(row[9]).isEqualTo("12");
        assertThat(row[10]).isEqualTo(village);
        assertThat(row[11]).isEqualTo("{HCDB04}");
        assertThat(countInVillage(village)).isEqualTo(before);
        assertThat(events.stream(ChildDataWithdrawn.class))
                .contains(new ChildDataWithdrawn(new ChildId(child.id()), true));
        assertThat(directory.anonymousProfile(new ChildId(child.id()))).isEmpty();
    }

    @Test
    void likelyDuplicateInAnotherCommuneIsWarnedWithoutItsDetailsAndCanBeConfirmed() throws Exception {
        String name = ChildMother.uniqueName("Nguyễn Văn");
        LocalDate born = ChildMother.randomBirthDate(today(), 2, 6);
        String guardian = ChildMother.uniqueName("Trần Thị");
        createViaApi(name, born, guardian);

        String folded = VietnameseText.fold(name).toUpperCase();
        String body = ChildMother.json(folded, born, ChildMother.village(organisation, "24649"), "Khác Hẳn", false);
        mvc.perform(post("/api/v1/children")
                        .with(httpBasic("xa.namdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.duplicates[0].communeCode").value("24640"))
                .andExpect(jsonPath("$.message").value(containsString("Cư Jút")))
                .andExpect(content().string(not(containsString(name))))
                .andExpect(content().string(not(containsString(guardian))))
                .andExpect(content().string(not(containsString(born.toString()))));
        mvc.perform(post("/api/v1/children")
                        .with(httpBasic("xa.namdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"sex\"", "\"confirmDuplicate\": true, \"sex\"")))
                .andExpect(status().isCreated());
    }

    @Test
    void likelyDuplicateRegisteredUnderAUnitThatHasSinceMergedIsFound() throws Exception {
        LocalDate today = today();
        OrgUnitView oldCommune = java.util.stream.Stream.of("24640", "24649", "24646")
                .flatMap(c -> organisation.predecessors(c, today).stream())
                .filter(s -> organisation.find(s.code(), today).isEmpty())
                .map(s -> organisation.versions(s.code()).stream()
                        .reduce((a, b) -> b)
                        .orElseThrow())
                .findFirst()
                .orElseThrow();
        String guardian = ChildMother.uniqueName("Lương Thị");
        LocalDate born = ChildMother.randomBirthDate(today, 3, 9);
        jdbc.sql("""
                        insert into child (public_code, status, full_name, name_folded, date_of_birth, birth_year, sex,
                            ethnic_group_code, village_code, commune_code, guardian_name, guardian_folded, created_by)
                        values (:code, 'ACTIVE', 'Lương Văn Cũ',
                            'luong van cu', :born, :year, 'MALE', '07', :village, :commune, :guardian, :folded, 'test')""")
                .param("code", vn.chungtay.child.internal.PublicCodes.next())
                .param("born", born)
                .param("year", born.getYear())
                .param("village", oldCommune.code() + "-01")
                .param("commune", oldCommune.code())
                .param("guardian", guardian)
                .param("folded", VietnameseText.fold(guardian))
                .update();

        String body = ChildMother.json(
                ChildMother.uniqueName("Lương Văn"), born, ChildMother.village(organisation, "24640"), guardian, true);
        mvc.perform(post("/api/v1/children")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.duplicates[0].communeCode").value(oldCommune.code()))
                .andExpect(jsonPath("$.duplicates[0].communeName").value(oldCommune.fullName()));
    }

    @Test
    void searchIgnoresDiacriticsAndStaysInTheCallersScope() throws Exception {
        String name = ChildMother.uniqueName("Nguyễn Văn");
        createViaApi(name, ChildMother.randomBirthDate(today(), 2, 6), ChildMother.uniqueName("Phạm Thị"));
        String folded = VietnameseText.fold(name);
        assertThat(folded).startsWith("nguyen van ");

        mvc.perform(get("/api/v1/children").param("q", folded).with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].fullName").value(name));
        mvc.perform(get("/api/v1/children").param("q", "nguyen van").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.fullName == '%s')]".formatted(name))
                        .exists());
        mvc.perform(get("/api/v1/children").param("q", folded).with(httpBasic("xa.namdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void officerRegistersThroughThePageAndSeesTheRecord() throws Exception {
        String name = ChildMother.uniqueName("Y Sơn Mlô");
        LocalDate born = today().minusYears(8);
        String location = mvc.perform(post("/children")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("fullName", name)
                        .param("dateOfBirth", born.toString())
                        .param("sex", "MALE")
                        .param("ethnicGroupCode", "12")
                        .param("villageCode", ChildMother.village(organisation, "24640"))
                        .param("guardianName", "H'Luyến Byă")
                        .param("householdPoverty", "POOR")
                        .param("guardianConsentBy", "H'Luyến Byă")
                        .param("guardianConsentDate", today().toString())
                        .param("guardianConsentMethod", "WRITTEN")
                        .param("consentPurposes", "PROCESSING", "ANONYMOUS_MENTION")
                        .param("childConsentBy", name)
                        .param("childConsentDate", today().toString())
                        .param("confirmDuplicate", "true"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/children/\\d+");
        mvc.perform(get(location).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
        mvc.perform(get("/children").param("q", VietnameseText.fold(name)).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
        mvc.perform(get(location).with(signedIn("giamsat.lamdong")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(name))))
                .andExpect(content().string(containsString("name=\"reason\"")));
        mvc.perform(get("/children/new").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"fullName\"")));
    }

    @Test
    void pageFormShowsErrorsNextToFieldsAndWritesNothing() throws Exception {
        mvc.perform(post("/children")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("fullName", "")
                        .param("dateOfBirth", today().minusYears(3).toString())
                        .param("villageCode", ChildMother.village(organisation, "24640")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vui lòng nhập họ và tên của trẻ")))
                .andExpect(content().string(containsString("is-invalid")));
    }

    @Test
    void childrenAreNeverShownToAnonymousVisitorsOrOnPublicPages() throws Exception {
        List<String> demoNames = jdbc.sql("select full_name from child where created_by = 'system' limit 20")
                .query(String.class)
                .list();
        assertThat(demoNames).isNotEmpty();
        mvc.perform(get("/children")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/children/1")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/children/export.xlsx")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/children")).andExpect(status().isUnauthorized());
        String home = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(demoNames).noneMatch(home::contains);
    }

    @Test
    void demoDataHasAboutOneHundredFiftyChildrenInTheThreeCommunesWithSomeDrafts() {
        var counts = jdbc.sql("select commune_code, status, count(*) from child where created_by = 'system'"
                        + " group by commune_code, status")
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3))
                .list();
        int total = counts.stream()
                .mapToInt(c -> Integer.parseInt(c.split("\\|")[2]))
                .sum();
        assertThat(total).isBetween(130, 170);
        assertThat(counts).anyMatch(c -> c.startsWith("24646|ACTIVE"));
        assertThat(counts).anyMatch(c -> c.contains("|DRAFT|"));
    }

    private long countNamed(String name) {
        return jdbc.sql("select count(*) from child where full_name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    private long countInVillage(String village) {
        return jdbc.sql("select count(*) from child where village_code = :v")
                .param("v", village)
                .query(Long.class)
                .single();
    }
}
