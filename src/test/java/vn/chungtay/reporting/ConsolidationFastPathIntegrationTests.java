package vn.chungtay.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrganisationManagement;

/**
 * The fast roll-up (hierarchy kept per day, reports read set-based, sums by the database, answers
 * kept while the period's stamp is the same) gives exactly what the first, unit-by-unit version
 * gives: the same totals, rows, figures, completeness, timeliness and narratives — for the whole
 * country, a province and a commune, on today's hierarchy and across the reform — and follows every
 * change of the reports, also one written by hand in SQL.
 */
@IntegrationTest
class ConsolidationFastPathIntegrationTests {

    @Autowired
    ReportConsolidation fast;

    @Autowired
    vn.chungtay.reporting.internal.ReportStore store;

    @Autowired
    vn.chungtay.reporting.internal.ReportUnits units;

    @Autowired
    vn.chungtay.reporting.internal.Indicators indicators;

    private ReferenceConsolidation reference;

    @BeforeEach
    void reference() {
        reference = new ReferenceConsolidation(store, units, indicators);
    }

    @Autowired
    ReportingSetup setup;

    @Autowired
    ReportingManagement reports;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    JdbcClient jdbc;

    private void assertSame(String unit, PeriodView period) {
        ConsolidatedReport slow = ReportingMother.as(ReportingMother.ADMIN, () -> reference.consolidated(unit, period));
        ConsolidatedReport quick = ReportingMother.as(ReportingMother.ADMIN, () -> fast.consolidated(unit, period));
        assertThat(quick.totals()).as("totals of %s in %s", unit, period.code()).isEqualTo(slow.totals());
        assertThat(quick.completeness()).as("completeness of %s", unit).isEqualTo(slow.completeness());
        assertThat(quick.rows()).as("rows of %s", unit).isEqualTo(slow.rows());
        assertThat(quick.indicators()).isEqualTo(slow.indicators());
        assertThat(quick.narratives()).isEqualTo(slow.narratives());
        assertThat(quick).isEqualTo(slow);
    }

    @Test
    void givesTheReferenceFiguresForTheCountryAProvinceAndACommuneInEveryDemoPeriod() {
        for (String code : List.of("2024", "2025", "2026")) {
            PeriodView period = setup.period("DA588", code).orElseThrow();
            for (String unit : Arrays.asList(null, "68", "24640", "24649")) {
                assertSame(unit, period);
            }
        }
        PeriodView old = setup.period("DA588", "2024").orElseThrow();
        ConsolidatedReport national = ReportingMother.as(ReportingMother.ADMIN, () -> fast.consolidated(null, old));
        assertThat(national.acrossReform()).isTrue();
        assertThat(national.completeness().accepted()).isPositive();
    }

    @Test
    void followsEverySubmissionAcceptanceAndReturnAndEvenAWriteByHand() {
        PeriodView period = ReportingMother.current(setup, organisation.today(), null);
        assertSame(null, period);
        ConsolidatedReport before = ReportingMother.as(ReportingMother.ADMIN, () -> fast.consolidated(null, period));

        ReportView accepted = ReportingMother.as(ReportingMother.ADMIN, () -> {
            ReportView report = reports.open("24640", period.id());
            reports.adjust(report.id(), "need.published", "13", "Số liệu kiểm thử");
            return reports.accept(reports.submit(report.id()).id());
        });
        assertSame(null, period);
        assertSame("68", period);
        ConsolidatedReport after = ReportingMother.as(ReportingMother.ADMIN, () -> fast.consolidated(null, period));
        assertThat(after.totals().get("need.published") - before.totals().get("need.published"))
                .isEqualTo(13);
        assertThat(after.completeness().accepted())
                .isEqualTo(before.completeness().accepted() + 1);

        ReportingMother.run(ReportingMother.ADMIN, () -> {
            ReportView other = reports.open("24649", period.id());
            reports.returnToUnit(reports.submit(other.id()).id(), "Đề nghị bổ sung số liệu.");
        });
        assertSame(null, period);
        assertSame("68", period);

        // a write that bypasses the module is seen too (the trigger counts it)
        jdbc.sql("update report set status = 'SUBMITTED' where id = :id")
                .param("id", accepted.id().value())
                .update();
        assertSame(null, period);
        ConsolidatedReport reopened = ReportingMother.as(ReportingMother.ADMIN, () -> fast.consolidated(null, period));
        assertThat(reopened.totals().get("need.published"))
                .isEqualTo(before.totals().get("need.published"));
    }

    @Test
    void answersAgainFromWhatItKeptWhileNothingChanged() {
        PeriodView period = setup.period("DA588", "2025").orElseThrow();
        ConsolidatedReport first = ReportingMother.as(ReportingMother.ADMIN, () -> fast.consolidated(null, period));
        ConsolidatedReport second = ReportingMother.as(ReportingMother.ADMIN, () -> fast.consolidated(null, period));
        assertThat(second).isSameAs(first);
    }
}
