package vn.chungtay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.ledger.ChainCheck;
import vn.chungtay.ledger.LedgerCsvVerifier;
import vn.chungtay.ledger.internal.LedgerChainWatch;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.reporting.ConsolidatedReport;
import vn.chungtay.reporting.FigureView;
import vn.chungtay.reporting.PeriodView;
import vn.chungtay.reporting.ReportConsolidation;
import vn.chungtay.reporting.ReportingSetup;
import vn.chungtay.reporting.internal.Indicators;
import vn.chungtay.reporting.internal.ReportUnits;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/**
 * The synthetic country's generator (bench/country/*.sql, the same files bench/country.sh runs) at
 * a tiny scale in one province, on a database of its own (a context of its own: the generated
 * names must not meet other tests' data): its own checks pass (09-checks.sql: chains, balances,
 * lots, traces, funding, statuses, receipts, deliveries, consents, report figures against a GROUP
 * BY); the app verifies every generated hash chain and its CSV verifier accepts a generated
 * campaign's public CSV; the figures of generated reports are what the modules compute for those
 * communes; the fast national roll-up sums them; and the officers' and public pages over the
 * generated data answer without a server error.
 */
@SpringBootTest(properties = "chungtay.test.context=country-generator")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountryGeneratorIntegrationTests {

    static final String PROVINCE = "12";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerChainWatch chains;

    @Autowired
    ReportingSetup setup;

    @Autowired
    ReportConsolidation consolidation;

    @Autowired
    Indicators indicators;

    @Autowired
    ReportUnits reportUnits;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @BeforeAll
    void generateATinyCountryInOneProvince() throws IOException, SQLException {
        Path dir = Path.of("bench", "country");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists gen cascade; create schema gen;"
                    + " create table gen.params as select 'chungtay-7'::text as seed, 0.002::numeric as scale,"
                    + " array['" + PROVINCE + "']::text[] as provinces, date '2026-11-25' as asof");
            for (String step : List.of(
                    "00-setup",
                    "01-villages",
                    "02-people",
                    "03-needs",
                    "04-ledger",
                    "05-outreach",
                    "06-reports",
                    "09-checks")) {
                statement.execute(Files.readString(dir.resolve(step + ".sql")));
            }
            statement.execute("reset all");
        }
    }

    @Test
    void theAppVerifiesEveryGeneratedChainAndItsVerifierAcceptsThePublicCsv() throws Exception {
        List<ChainCheck> broken = chains.checkAll();
        assertThat(broken).isEmpty();
        long campaign = jdbc.sql("""
                        select c.campaign_id from ledger_chain c join gen.campaign g on g.id = c.campaign_id
                        order by c.entry_count desc limit 1""").query(Long.class).single();
        long entries = jdbc.sql("select entry_count from ledger_chain where campaign_id = :c")
                .param("c", campaign)
                .query(Long.class)
                .single();
        assertThat(entries).isGreaterThan(100);
        var started = mvc.perform(get("/public/ledger.csv").param("campaign", Long.toString(campaign)))
                .andReturn();
        String csv = mvc.perform(asyncDispatch(started))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String head = jdbc.sql("select head_hash from ledger_chain where campaign_id = :c")
                .param("c", campaign)
                .query(String.class)
                .single();
        LedgerCsvVerifier.Result verified = LedgerCsvVerifier.verify(new StringReader(csv), head);
        assertThat(verified.ok()).as(verified.problem()).isTrue();
        assertThat(verified.count()).isEqualTo(entries);
    }

    @Test
    void generatedFiguresAreWhatTheModulesComputeForThoseCommunes() {
        PeriodView period = setup.period("DA588", "2025").orElseThrow();
        List<String> communes = jdbc.sql("""
                        select r.unit_code from report r join gen.report2 g on g.id = r.id
                        where r.period_id = :p and r.status = 'ACCEPTED'
                        order by (select count(*) from need n where n.commune_code = r.unit_code) desc limit 4""")
                .param("p", period.id().value())
                .query(String.class)
                .list();
        assertThat(communes).isNotEmpty();
        for (String code : communes) {
            OrgUnitView commune = organisation.find(code, period.endsOn()).orElseThrow();
            Map<String, Long> computed = new HashMap<>();
            for (FigureView f : indicators.compute(period.template(), reportUnits.figureScope(commune, period))) {
                computed.put(f.code(), f.computed());
            }
            Map<String, Long> stored = new HashMap<>();
            jdbc.sql("""
                            select f.indicator_code, f.computed from report_figure f join report r on r.id = f.report_id
                            where r.period_id = :p and r.unit_code = :u""").param("p", period.id().value()).param("u", code).query(rs -> {
                stored.put(rs.getString(1), rs.getLong(2));
            });
            assertThat(stored).as("figures of %s", code).isEqualTo(computed);
            assertThat(stored.get("need.published")).isPositive();
        }
    }

    @Test
    void theNationalRollUpSumsTheGeneratedAcceptedReports() {
        PeriodView period = setup.period("DA588", "2025").orElseThrow();
        Map<String, Long> sums = new HashMap<>();
        jdbc.sql("""
                        select f.indicator_code, sum(coalesce(f.adjusted, f.computed)) from report_figure f
                        join report r on r.id = f.report_id
                        where r.period_id = :p and r.status = 'ACCEPTED' and r.receiver_code = :province
                        group by f.indicator_code""")
                .param("p", period.id().value())
                .param("province", PROVINCE)
                .query(rs -> {
                    sums.put(rs.getString(1), rs.getLong(2));
                });
        Object[] report = new Object[1];
        CurrentActor.runAs(
                new Actor("admin", Role.ADMIN, null), () -> report[0] = consolidation.consolidated(null, period));
        ConsolidatedReport national = (ConsolidatedReport) report[0];
        ConsolidatedReport.Row row = national.rows().stream()
                .filter(r -> r.code().equals(PROVINCE))
                .findFirst()
                .orElseThrow();
        sums.forEach(
                (code, value) -> assertThat(row.figures().get(code)).as(code).isEqualTo(value));
        assertThat(row.completeness().accepted()).isPositive();
    }

    @Test
    void pagesAndApisOverTheGeneratedDataAnswerWithoutServerErrors() throws Exception {
        long campaign2026 = jdbc.sql("select id from gen.campaign where unit_code = :p and year = 2026")
                .param("p", PROVINCE)
                .query(Long.class)
                .single();
        long campaign2025 = jdbc.sql("select id from gen.campaign where unit_code = :p and year = 2025")
                .param("p", PROVINCE)
                .query(Long.class)
                .single();
        String commune = jdbc.sql("select code from gen.commune order by w desc limit 1")
                .query(String.class)
                .single();
        long need = jdbc.sql("select max(id) from need where created_by = 'country'")
                .query(Long.class)
                .single();
        var admin = user(users.loadUserByUsername("admin"));
        for (String path : List.of(
                "/campaigns/" + campaign2026 + "/dashboard",
                "/campaigns/" + campaign2025 + "/dashboard",
                "/campaigns?year=2026",
                "/reports/consolidated?programme=DA588&period=2025",
                "/reports/consolidated?programme=DA588&period=2024",
                "/reports/consolidated?programme=DA588&period=2025&unit=" + PROVINCE,
                "/reports/dashboard?programme=DA588&period=2025&province=" + PROVINCE,
                "/api/v1/reports/consolidated?programme=DA588&period=2025",
                "/api/v1/reports?unit=" + commune + "&period=2025",
                "/api/v1/campaigns?year=2026&unit=" + PROVINCE,
                "/needs?commune=" + commune,
                "/needs/" + need,
                "/children?commune=" + commune,
                "/donors",
                "/donations",
                "/outreach?commune=" + commune,
                "/public/needs",
                "/public/needs?province=" + PROVINCE,
                "/public/ledger?campaign=" + campaign2026,
                "/public/ledger?campaign=" + campaign2026 + "&q=ung+ho",
                "/public/campaigns/" + campaign2026)) {
            int status =
                    mvc.perform(get(path).with(admin)).andReturn().getResponse().getStatus();
            assertThat(status).as(path).isLessThan(500);
            assertThat(status).as(path).isNotEqualTo(404);
        }
    }
}
