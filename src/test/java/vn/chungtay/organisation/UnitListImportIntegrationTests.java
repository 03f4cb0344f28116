package vn.chungtay.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

@IntegrationTest
class UnitListImportIntegrationTests {

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private static byte[] resource(String file) throws IOException {
        return new ClassPathResource("reference/dvhc/" + file).getContentAsByteArray();
    }

    private static byte[] csv(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        CurrentActor.runAs(Actor.SYSTEM, () -> result.set(work.get()));
        return result.get();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void loadingTheShippedListsAgainChangesNothing() throws IOException {
        long units = count("select count(*) from org_unit");
        long links = count("select count(*) from org_unit_succession");
        byte[] units2024 = resource("units-2024.csv");
        byte[] units2025 = resource("units-2025.csv");
        byte[] mergers = resource("mergers-2025.csv");

        ImportReport snapshot = asAdmin(() -> organisation.importSnapshot(
                "dvhc-2024-again", "units-2024.csv", units2024, null, LocalDate.of(2025, 6, 30)));
        ImportReport change = asAdmin(() -> organisation.importChangeList(
                "dvhc-2025-again", LocalDate.of(2025, 7, 1), "units-2025.csv", units2025, "mergers-2025.csv", mergers));

        assertThat(snapshot.unitsInserted()).isZero();
        assertThat(snapshot.unitsUnchanged()).isEqualTo(10_794);
        assertThat(change.unitsInserted()).isZero();
        assertThat(change.unitsUnchanged()).isEqualTo(3_355);
        assertThat(change.linksInserted()).isZero();
        assertThat(change.linksExisting()).isEqualTo(10_629);
        assertThat(change.skipped()).hasSize(6).allMatch(p -> p.messageKey().equals("organisation.import.notAUnit"));
        assertThat(count("select count(*) from org_unit")).isEqualTo(units);
        assertThat(count("select count(*) from org_unit_succession")).isEqualTo(links);
    }

    @Test
    void theShippedListsWereLoadedWhole() {
        assertThat(count("select count(*) from org_unit where valid_to = date '2025-06-30' and code !~ '-'"))
                .isEqualTo(10_794);
        assertThat(count("select count(*) from org_unit where valid_from = date '2025-07-01' and code !~ '-'"))
                .isEqualTo(3_355);
        assertThat(organisation.provinces(LocalDate.of(2024, 1, 1))).hasSize(63);
    }

    @Test
    void aListWithBadRowsIsRejectedWholeNamingEveryRow() {
        byte[] units = csv("""
                code,name,full_name,level,parent_code,unit_type
                98,Thử Sai,Tỉnh Thử Sai,1,,Tỉnh
                98001,,Xã Không Tên,2,98,Xã
                98002,Lạc,Xã Lạc,2,97,Xã
                9x003,Sai Mã,Xã Sai Mã,2,98,Xã
                98004,Lạ,Xã Lạ,2,98,Làng Xã
                """);
        assertThatThrownBy(() -> asAdmin(() -> organisation.importChangeList(
                        "bad-list", LocalDate.of(2026, 1, 1), "units.csv", units, null, null)))
                .isInstanceOfSatisfying(
                        UnitListRejected.class,
                        e -> assertThat(e.report().errors())
                                .extracting(ImportReport.RowProblem::line, ImportReport.RowProblem::messageKey)
                                .containsExactlyInAnyOrder(
                                        org.assertj.core.groups.Tuple.tuple(3L, "organisation.import.nameMissing"),
                                        org.assertj.core.groups.Tuple.tuple(4L, "organisation.import.parentMissing"),
                                        org.assertj.core.groups.Tuple.tuple(5L, "organisation.import.badCode"),
                                        org.assertj.core.groups.Tuple.tuple(6L, "organisation.import.badType")));
        assertThat(count("select count(*) from org_unit where code = '98'")).isZero();
    }

    @Test
    void aLaterMergerEndsTheOldCommunesLinksThemAndMovesTheirVillages() {
        byte[] province = csv("""
                code,name,full_name,level,parent_code,unit_type
                99,Thử Nghiệm,Tỉnh Thử Nghiệm,1,,Tỉnh
                99001,Suối Đá,Xã Suối Đá,2,99,Xã
                99002,Đồi Thông,Xã Đồi Thông,2,99,Xã
                """);
        asAdmin(() -> organisation.importChangeList(
                "test-province", LocalDate.of(2026, 1, 1), "province.csv", province, null, null));
        OrgUnitView village =
                asAdmin(() -> organisation.createVillage("99001", new VillageForm("Buôn Suối", "Buôn", true)));

        LocalDate merger = LocalDate.of(2031, 1, 1);
        byte[] units = csv("""
                code,name,full_name,level,parent_code,unit_type
                99003,Hợp Nhất,Xã Hợp Nhất,2,99,Xã
                """);
        byte[] mergers = csv("""
                new_code,new_name,old_code,old_name,old_level,match
                99003,Xã Hợp Nhất,99001,Xã Suối Đá,2,exact
                99003,Xã Hợp Nhất,99002,Xã Đồi Thông,2,exact
                """);
        ImportReport report = asAdmin(
                () -> organisation.importChangeList("test-merger", merger, "units.csv", units, "mergers.csv", mergers));

        assertThat(report.unitsInserted()).isEqualTo(1);
        assertThat(report.unitsClosed()).isEqualTo(2);
        assertThat(report.linksInserted()).isEqualTo(2);
        assertThat(report.villagesMoved()).isEqualTo(1);
        assertThat(organisation.get("99001", LocalDate.of(2030, 12, 31)).validTo())
                .isEqualTo(LocalDate.of(2030, 12, 31));
        assertThat(organisation.find("99001", merger)).isEmpty();
        assertThat(organisation.predecessors("99003", merger))
                .extracting(Succession::code)
                .containsExactly("99001", "99002");
        assertThat(organisation.currentSuccessors(organisation.get("99001", LocalDate.of(2030, 1, 1))))
                .extracting(Succession::code)
                .containsExactly("99003");
        assertThat(organisation.get(village.code(), merger).parentCode()).isEqualTo("99003");
        assertThat(organisation.get(village.code(), LocalDate.of(2030, 12, 31)).parentCode())
                .isEqualTo("99001");
        assertThat(organisation.isWithin(village.code(), "99", merger)).isTrue();

        ImportReport again = asAdmin(
                () -> organisation.importChangeList("test-merger", merger, "units.csv", units, "mergers.csv", mergers));
        assertThat(again.unitsInserted()).isZero();
        assertThat(again.unitsClosed()).isZero();
        assertThat(again.linksInserted()).isZero();
    }

    @Test
    void theAdminPageShowsRejectedRowsInVietnamese() throws Exception {
        MockMultipartFile units = new MockMultipartFile("units", "don-vi.csv", "text/csv", csv("""
                        code,name,full_name,level,parent_code,unit_type
                        97001,Lạc,Xã Lạc,2,96999,Xã
                        """));
        mvc.perform(multipart("/admin/org-units/import")
                        .file(units)
                        .param("effectiveDate", "2026-01-01")
                        .with(csrf())
                        .with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Không tìm thấy đơn vị cấp trên mã 96999")))
                .andExpect(content().string(containsString("don-vi.csv")));
        assertThat(count("select count(*) from org_unit where code = '97001'")).isZero();
    }

    @Test
    void onlyAdministratorsImport() throws Exception {
        mvc.perform(multipart("/admin/org-units/import")
                        .file(new MockMultipartFile("units", "x.csv", "text/csv", csv("code\n")))
                        .param("effectiveDate", "2026-01-01")
                        .with(csrf())
                        .with(user(users.loadUserByUsername("tinh.lamdong"))))
                .andExpect(status().isForbidden());
    }
}
