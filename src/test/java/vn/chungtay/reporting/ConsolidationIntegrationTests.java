package vn.chungtay.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.OutsideScope;

@IntegrationTest
class ConsolidationIntegrationTests {

    static final LocalDate START_2024 = LocalDate.of(2024, 7, 1);
    static final LocalDate END_2024 = LocalDate.of(2025, 6, 30);

    @Autowired
    ReportingSetup setup;

    @Autowired
    ReportingManagement reports;

    @Autowired
    ReportConsolidation consolidation;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    /** A unit's report with "needs published" reported as {@code published}, submitted, and accepted if asked. */
    private ReportView report(PeriodView period, String unit, long published, boolean accept) {
        return ReportingMother.as(ReportingMother.ADMIN, () -> {
            ReportView report = reports.open(unit, period.id());
            reports.adjust(report.id(), "need.published", Long.toString(published), "Số liệu kiểm thử");
            ReportView submitted = reports.submit(report.id());
            return accept ? reports.accept(submitted.id()) : submitted;
        });
    }

    private void extend(PeriodView period, String... units) {
        LocalDate until = organisation.today().plusDays(5);
        ReportingMother.run(ReportingMother.ADMIN, () -> {
            for (String unit : units) {
                setup.grantExtension(period.id(), unit, until.toString(), "Nhập bổ sung số liệu năm trước");
            }
        });
    }

    private ConsolidatedReport consolidated(vn.chungtay.shared.security.Actor actor, String unit, PeriodView period) {
        return ReportingMother.as(actor, () -> consolidation.consolidated(unit, period));
    }

    @Test
    void provinceTotalsAreTheSumOfItsCommunesAcceptedReports() throws Exception {
        PeriodView period = ReportingMother.current(setup, organisation.today(), "68");
        report(period, "24640", 5, true);
        report(period, "24649", 7, true);
        report(period, "24646", 11, false);

        ConsolidatedReport report = consolidated(ReportingMother.PROVINCE, "68", period);

        long communes = organisation.subtree("68", period.endsOn()).stream()
                .filter(OrgUnitView::isCommune)
                .count();
        assertThat(report.acrossReform()).isFalse();
        assertThat(report.totals()).containsEntry("need.published", 12L);
        assertThat(report.completeness().expected()).isEqualTo((int) communes);
        assertThat(report.completeness().submitted()).isEqualTo(3);
        assertThat(report.completeness().accepted()).isEqualTo(2);
        assertThat(report.completeness().onTime()).isEqualTo(3);
        assertThat(report.completeness().notYet()).isEqualTo((int) communes - 3);
        ConsolidatedReport.Row dakWil = report.rows().stream()
                .filter(r -> r.code().equals("24646"))
                .findFirst()
                .orElseThrow();
        assertThat(dakWil.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(dakWil.counted()).isFalse();
        assertThat(report.narratives()).isEmpty();

        mvc.perform(get("/api/v1/reports/consolidated?unit=68&period=P1&programme=" + period.programmeCode())
                        .with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals['need.published']").value(12))
                .andExpect(jsonPath("$.completeness.accepted").value(2))
                .andExpect(jsonPath("$.rows[?(@.code == '24646')].status").value("SUBMITTED"));
        mvc.perform(get("/api/v1/reports/consolidated?unit=68&period=P1&programme=" + period.programmeCode())
                        .with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isForbidden());
    }

    @Test
    void reportsOfOldCommunesRollUpIntoTodaysProvinceAndShowUnderTodaysCommunes() {
        PeriodView period = ReportingMother.period(setup, START_2024, END_2024, null);
        extend(period, "24661", "24643", "24652");
        report(period, "24661", 3, true); // Xã Trúc Sơn → Xã Cư Jút
        report(period, "24643", 4, true); // Xã Đắk Wil (old) → Xã Đắk Wil
        report(period, "24652", 6, true); // Xã Đắk DRông → Xã Nam Dong

        ConsolidatedReport province = consolidated(ReportingMother.PROVINCE, "68", period);
        assertThat(province.acrossReform()).isTrue();
        assertThat(province.totals()).containsEntry("need.published", 13L);
        assertThat(province.completeness().accepted()).isEqualTo(3);
        Map<String, ConsolidatedReport.PlaceGroup> groups =
                province.byPlace().stream().collect(Collectors.toMap(ConsolidatedReport.PlaceGroup::code, g -> g));
        assertThat(groups.get("24640").name()).isEqualTo("Xã Cư Jút");
        assertThat(groups.get("24640").rows())
                .extracting(ConsolidatedReport.Row::code)
                .containsExactlyInAnyOrder("24640", "24655", "24658", "24661");
        assertThat(groups.get("24640").totals()).containsEntry("need.published", 3L);
        assertThat(groups.get("24646").totals()).containsEntry("need.published", 4L);
        assertThat(groups.get("24649").totals()).containsEntry("need.published", 6L);

        ConsolidatedReport cuJut = consolidated(ReportingMother.CU_JUT, "24640", period);
        assertThat(cuJut.rows())
                .extracting(ConsolidatedReport.Row::name)
                .containsExactlyInAnyOrder("Thị trấn Ea T'Ling", "Xã Tâm Thắng", "Xã Cư Knia", "Xã Trúc Sơn");
        assertThat(cuJut.totals()).containsEntry("need.published", 3L);

        ConsolidatedReport district = consolidated(ReportingMother.ADMIN, "662", period);
        assertThat(district.acrossReform()).isFalse();
        assertThat(district.rows()).hasSize(8);
        assertThat(district.totals()).containsEntry("need.published", 13L);
    }

    @Test
    void anOldCommuneSplitOverTwoNewOnesIsFlaggedAndCountedOnce() {
        PeriodView period = ReportingMother.period(setup, START_2024, END_2024, null);
        extend(period, "00664");
        report(period, "00664", 9, true); // Xã Vĩnh Quỳnh → partly Xã Đại Thanh (00664), partly Xã Thanh Trì (00640)

        ConsolidatedReport hanoi = consolidated(ReportingMother.ADMIN, "01", period);
        assertThat(hanoi.totals()).containsEntry("need.published", 9L);
        ConsolidatedReport.Row vinhQuynh = hanoi.rows().stream()
                .filter(r -> r.code().equals("00664"))
                .findFirst()
                .orElseThrow();
        assertThat(vinhQuynh.partial()).isTrue();
        assertThat(vinhQuynh.counted()).isTrue();
        assertThat(vinhQuynh.placeCode()).isEqualTo("00664");
        Map<String, ConsolidatedReport.PlaceGroup> groups =
                hanoi.byPlace().stream().collect(Collectors.toMap(ConsolidatedReport.PlaceGroup::code, g -> g));
        assertThat(groups.get("00664").rows()).contains(vinhQuynh);
        assertThat(groups.get("00640").rows()).contains(vinhQuynh);
        assertThat(groups.get("00664").totals()).containsEntry("need.published", 9L);
        assertThat(groups.get("00640").totals()).containsEntry("need.published", 0L);

        ConsolidatedReport thanhTri = consolidated(ReportingMother.ADMIN, "00640", period);
        assertThat(thanhTri.rows()).anyMatch(r -> r.code().equals("00664") && r.partial() && !r.counted());
        assertThat(thanhTri.totals()).containsEntry("need.published", 0L);
        assertThat(consolidated(ReportingMother.ADMIN, "00664", period).totals())
                .containsEntry("need.published", 9L);
    }

    @Test
    void theNationalReportHasAProvincePerRowAndEveryCommuneExpected() {
        PeriodView period = ReportingMother.current(setup, organisation.today(), null);
        report(period, "24640", 2, true);

        ConsolidatedReport national = consolidated(ReportingMother.ADMIN, null, period);

        assertThat(national.isNational()).isTrue();
        assertThat(national.rows()).hasSize(34);
        assertThat(national.completeness().expected()).isEqualTo(3321);
        assertThat(national.totals()).containsEntry("need.published", 2L);
        assertThat(national.rows().stream()
                        .filter(r -> r.code().equals("68"))
                        .findFirst()
                        .orElseThrow()
                        .figures())
                .containsEntry("need.published", 2L);
        assertThatThrownBy(() -> consolidated(ReportingMother.PROVINCE, null, period))
                .isInstanceOf(OutsideScope.class);
    }

    @Test
    void theDashboardShowsTimelinessAndDrillsDownFromTheCountryToCommunes() throws Exception {
        PeriodView period = ReportingMother.current(setup, organisation.today(), "68");
        ReportView cuJut = report(period, "24640", 1, false);
        String query = "period=P1&programme=" + period.programmeCode();

        mvc.perform(get("/reports/dashboard?province=68&" + query).with(user(users.loadUserByUsername("tinh.lamdong"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"report-dashboard-chart\"")))
                .andExpect(content().string(Matchers.containsString("/reports/" + cuJut.id())))
                .andExpect(content().string(Matchers.containsString("id=\"count-on-time\">1<")))
                .andExpect(content().string(Matchers.containsString("chart.umd.min.js")));
        mvc.perform(get("/reports/dashboard?" + query).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/reports/dashboard?province=68&amp;")));
        mvc.perform(get("/reports/consolidated?unit=68&" + query).with(user(users.loadUserByUsername("tinh.lamdong"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-unit=\"24640\"")));
    }
}
