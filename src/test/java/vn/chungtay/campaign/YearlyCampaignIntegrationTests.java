package vn.chungtay.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class YearlyCampaignIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCampaignOf17OctoberIsOpenForCuJutAfterStartUp() throws Exception {
        mvc.perform(get("/api/v1/campaigns")
                        .param("year", "2026")
                        .param("unit", "24640")
                        .with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.name =~ /.*17\\/10.*/)].receivingFrom").value("2026-10-17"))
                .andExpect(jsonPath("$[?(@.name =~ /.*17\\/10.*/)].receivingTo").value("2026-11-18"))
                .andExpect(jsonPath("$[?(@.name =~ /.*17\\/10.*/)].name")
                        .value("Ngày vì người nghèo 17/10 năm 2026 – Xã Cư Jút"));
        Campaign province = campaigns.list("68", 2026).stream()
                .filter(c -> c.name().contains("17/10"))
                .findFirst()
                .orElseThrow();
        CampaignDetails details = campaigns.details(province.id());
        assertThat(details.templateYear()).isEqualTo(2026);
        assertThat(details.programme()).map(Programme::code).contains("HOTRO_TRE_EM_2026_2030");
        assertThat(details.targets()).extracting(CampaignTarget::categoryCode).contains("DO_AM", "HOC_TAP");
        assertThat(province.target().dong()).isPositive();
    }

    @Test
    void twoInstancesOpeningTheSameYearAtOnceOpenOneCampaignPerUnit() throws Exception {
        int year = 2031;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = List.of(
                    pool.submit(() -> {
                        start.await();
                        return campaigns.openYearly(year);
                    }),
                    pool.submit(() -> {
                        start.await();
                        return campaigns.openYearly(year);
                    }));
            int opened = runs.get(0).get(5, TimeUnit.MINUTES) + runs.get(1).get(5, TimeUnit.MINUTES);

            LocalDate today = organisation.today();
            long units = organisation.provinces(today).size()
                    + organisation.provinces(today).stream()
                            .flatMap(p -> organisation.subtree(p.code(), today).stream())
                            .filter(OrgUnitView::isCommune)
                            .count();
            long rows = jdbc.sql("select count(*) from campaign where template_year = ?")
                    .param(year)
                    .query(Long.class)
                    .single();
            long duplicates = jdbc.sql("""
                            select count(*) from (select unit_code from campaign where template_year = ?
                                                  group by template_code, unit_code having count(*) > 1) d""").param(year).query(Long.class).single();
            assertThat(rows).isEqualTo(units).isEqualTo(opened);
            assertThat(duplicates).isZero();
            assertThat(campaigns.openYearly(year)).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCampaignIsLinkedToTheProgrammeOfItsFirstDay() {
        Campaign old = campaigns.create(new CampaignForm(
                "Áo ấm 2024 " + System.nanoTime(),
                "68",
                LocalDate.of(2024, 11, 1),
                LocalDate.of(2024, 12, 31),
                0L,
                null,
                List.of(),
                List.of()));
        assertThat(campaigns.details(old.id()).programme()).map(Programme::code).contains("DA588_2019_2025");
    }

    @Test
    void demoUnitsHaveTheir2025And2026CampaignsWithAccountsAndTheCommunesOneMore() {
        for (String unit : List.of("68", "24640", "24649")) {
            for (int year : List.of(2025, 2026)) {
                Campaign yearly = campaigns.list(unit, year).stream()
                        .filter(c -> c.name().startsWith("Ngày vì người nghèo 17/10 năm " + year))
                        .findFirst()
                        .orElseThrow();
                assertThat(yearly.receivingFrom()).isEqualTo(LocalDate.of(year, 10, 17));
                assertThat(yearly.receivingTo()).isEqualTo(LocalDate.of(year, 11, 18));
                assertThat(yearly.accounts()).isNotEmpty();
            }
        }
        for (String commune : List.of("24640", "24649")) {
            assertThat(campaigns.list(commune, 2026))
                    .filteredOn(c -> !c.name().contains("17/10"))
                    .anySatisfy(c -> assertThat(c.accounts())
                            .singleElement()
                            .satisfies(a -> assertThat(a.bankBin()).isIn("970436", "970415")));
        }
        assertThat(campaigns
                        .details(campaigns.list("24640", 2025).stream()
                                .filter(c -> c.name().contains("17/10"))
                                .findFirst()
                                .orElseThrow()
                                .id())
                        .programme())
                .map(Programme::code)
                .contains("DA588_2019_2025");
    }
}
