package vn.chungtay.need;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.reporting.FigureScope;
import vn.chungtay.reporting.IndicatorProvider;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

@IntegrationTest
class NeedIndicatorsIntegrationTests {

    @Autowired
    List<IndicatorProvider> providers;

    @Autowired
    NeedManagement needs;

    @Autowired
    OrganisationManagement organisation;

    private IndicatorProvider needProvider() {
        return providers.stream()
                .filter(p -> p.indicators().stream().anyMatch(d -> d.code().equals("need.published")))
                .findFirst()
                .orElseThrow();
    }

    private NeedId need(String commune, int year, boolean funded, boolean delivered) {
        NeedId[] id = new NeedId[1];
        CurrentActor.runAs(Actor.SYSTEM, () -> {
            NeedView need = needs.create(new NeedForm(
                    "COMMUNE",
                    null,
                    commune,
                    null,
                    "HOC_TAP",
                    "Học bổng kiểm thử " + System.nanoTime(),
                    "1",
                    "suất",
                    "1000000",
                    Integer.toString(year),
                    "Năm học " + year,
                    null,
                    "HIGH",
                    "1",
                    true));
            needs.submit(need.id());
            needs.approve(need.id());
            needs.publish(need.id());
            if (funded) {
                needs.recordFunding(need.id(), new Vnd(500_000));
                needs.recordFunding(need.id(), new Vnd(500_000));
            }
            if (delivered) {
                needs.markDelivered(need.id());
            }
            id[0] = need.id();
        });
        return id[0];
    }

    @Test
    void countsNeedsPublishedFundedAndDeliveredInThePeriodWithinTheUnitsAndForgetsWithdrawnFunding() {
        LocalDate today = organisation.today();
        OrgUnitView commune = organisation.children("14", today).stream()
                .filter(OrgUnitView::isCommune)
                .findFirst()
                .orElseThrow();
        need(commune.code(), today.getYear(), false, false);
        NeedId funded = need(commune.code(), today.getYear(), true, false);
        need(commune.code(), today.getYear(), true, true);

        Map<String, Long> figures = needProvider()
                .figures(
                        new FigureScope(commune.code(), Set.of(commune.code()), today.minusDays(1), today.plusDays(1)));

        assertThat(figures)
                .containsEntry("need.published", 3L)
                .containsEntry("need.funded", 2L)
                .containsEntry("need.delivered", 1L);
        CurrentActor.runAs(Actor.SYSTEM, () -> needs.withdrawFunding(funded, new Vnd(500_000)));
        assertThat(needProvider()
                        .figures(new FigureScope(
                                commune.code(), Set.of(commune.code()), today.minusDays(1), today.plusDays(1))))
                .containsEntry("need.published", 3L)
                .containsEntry("need.funded", 1L);
        assertThat(needProvider()
                        .figures(new FigureScope(
                                commune.code(),
                                Set.of(commune.code()),
                                LocalDate.of(2020, 1, 1),
                                LocalDate.of(2020, 12, 31))))
                .containsEntry("need.published", 0L)
                .containsEntry("need.funded", 0L);
        assertThat(needProvider()
                        .figures(new FigureScope("00004", Set.of("00004"), today.minusDays(1), today.plusDays(1))))
                .containsEntry("need.published", 0L);
        assertThat(needProvider().indicators())
                .allMatch(d -> d.summable() && d.groupKey().equals("reporting.group.needs"));
    }
}
