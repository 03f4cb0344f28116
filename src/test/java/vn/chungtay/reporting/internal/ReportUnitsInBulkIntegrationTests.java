package vn.chungtay.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;

/**
 * The national report works out where ~10,000 old communes belong today, and which old units held
 * each of today's communes, in bulk (one query each) instead of unit by unit. On the real
 * administrative units of 2024 and 2025, every answer of the bulk path must equal the answer of
 * the unit-by-unit path, which follows the merger links one query at a time.
 */
@IntegrationTest
class ReportUnitsInBulkIntegrationTests {

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyEndedUnitIsPlacedTodayTheSameInBulkAsOneByOne() {
        List<OrgUnitView> ended = endedUnits();
        assertThat(ended).as("the 2024 units are loaded").hasSizeGreaterThan(5_000);

        ReportUnits bulk = new ReportUnits(organisation);
        bulk.preparePlaces(ended);
        ReportUnits oneByOne = new ReportUnits(organisation);

        List<String> differences = new ArrayList<>();
        int partial = 0;
        int placed = 0;
        for (OrgUnitView unit : ended) {
            ReportUnits.Place expected = oneByOne.placeOf(unit);
            ReportUnits.Place actual = bulk.placeOf(unit);
            if (!expected.equals(actual)) {
                differences.add(unit.code() + "@" + unit.validTo() + ": " + actual + " instead of " + expected);
            }
            partial += expected.partial() ? 1 : 0;
            placed += expected.successors().isEmpty() ? 0 : 1;
        }
        assertThat(differences).isEmpty();
        assertThat(placed).as("units with a successor today").isGreaterThan(5_000);
        assertThat(partial).as("units split over several successors").isPositive();
    }

    @Test
    void theHoldersOfTodaysCommunesOnPastDatesAreTheSameInBulkAsOneByOne() {
        LocalDate today = organisation.today();
        List<OrgUnitView> communes = jdbc
                .sql("select code from org_unit where valid_to is null")
                .query(String.class)
                .list()
                .stream()
                .collect(java.util.stream.Collectors.collectingAndThen(
                        java.util.stream.Collectors.toList(), codes -> organisation.findAll(codes, today)))
                .stream()
                .filter(OrgUnitView::isCommune)
                .toList();
        assertThat(communes).as("today's communes").hasSizeGreaterThan(3_000);

        for (LocalDate date :
                List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2024, 12, 31), LocalDate.of(2020, 1, 1), today)) {
            ReportUnits bulk = new ReportUnits(organisation);
            bulk.prepareHolders(communes, date);
            ReportUnits oneByOne = new ReportUnits(organisation);
            List<String> differences = new ArrayList<>();
            int held = 0;
            for (OrgUnitView commune : communes) {
                List<OrgUnitView> expected = oneByOne.holdersOn(commune, date);
                List<OrgUnitView> actual = bulk.holdersOn(commune, date);
                if (!expected.equals(actual)) {
                    differences.add(commune.code() + " on " + date + ": " + actual + " instead of " + expected);
                }
                held += expected.isEmpty() ? 0 : 1;
            }
            assertThat(differences).as("on %s", date).isEmpty();
            assertThat(held).as("communes with holders on %s", date).isGreaterThan(3_000);
        }
    }

    /** Every unit that has ended, as it was on its last day. */
    private List<OrgUnitView> endedUnits() {
        Map<LocalDate, List<String>> byLastDay = new LinkedHashMap<>();
        jdbc.sql("select code, valid_to from org_unit where valid_to is not null order by valid_to, code")
                .query((rs, n) -> {
                    byLastDay
                            .computeIfAbsent(rs.getObject("valid_to", LocalDate.class), d -> new ArrayList<>())
                            .add(rs.getString("code"));
                    return null;
                })
                .list();
        List<OrgUnitView> units = new ArrayList<>();
        byLastDay.forEach((day, codes) -> organisation.findAll(codes, day).stream()
                .filter(u -> day.equals(u.validTo()))
                .forEach(units::add));
        return units;
    }
}
