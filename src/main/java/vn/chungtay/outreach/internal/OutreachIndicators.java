package vn.chungtay.outreach.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.reporting.FigureScope;
import vn.chungtay.reporting.IndicatorDefinition;
import vn.chungtay.reporting.IndicatorProvider;
import vn.chungtay.reporting.IndicatorUnit;

/**
 * Outreach figures of the annual report: activities held, people and households reached, and
 * ĐBKK villages reached (a village counts when it was especially disadvantaged on the day of its
 * last activity in the period). An activity counts when its commune or one of its villages is in
 * the scope; deleted activities never count.
 */
@Component
class OutreachIndicators implements IndicatorProvider {

    static final String ACTIVITIES = "outreach.activities";
    static final String PEOPLE = "outreach.people";
    static final String HOUSEHOLDS = "outreach.households";
    static final String DBKK_VILLAGES_REACHED = "outreach.dbkk_villages_reached";
    private static final String GROUP = "outreach.indicator.group";

    private final ActivityStore store;
    private final OrganisationManagement organisation;

    OutreachIndicators(ActivityStore store, OrganisationManagement organisation) {
        this.store = store;
        this.organisation = organisation;
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return List.of(
                new IndicatorDefinition(
                        ACTIVITIES, "outreach.indicator.activities", IndicatorUnit.COUNT, GROUP, 500, true),
                new IndicatorDefinition(PEOPLE, "outreach.indicator.people", IndicatorUnit.PEOPLE, GROUP, 510, true),
                new IndicatorDefinition(
                        HOUSEHOLDS, "outreach.indicator.households", IndicatorUnit.COUNT, GROUP, 520, true),
                new IndicatorDefinition(
                        DBKK_VILLAGES_REACHED,
                        "outreach.indicator.dbkkVillagesReached",
                        IndicatorUnit.COUNT,
                        GROUP,
                        530,
                        true));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> figures(FigureScope scope) {
        List<String> codes = List.copyOf(scope.unitCodes());
        ActivityStore.Totals totals = store.totals(codes, scope.from(), scope.to());
        LocalDate today = organisation.today();
        long difficult = store.villagesReached(codes, scope.from(), scope.to()).entrySet().stream()
                .filter(reached -> {
                    Optional<OrgUnitView> village = organisation
                            .find(reached.getKey(), reached.getValue())
                            .or(() -> organisation.find(reached.getKey(), today));
                    return village.isPresent() && organisation.isEspeciallyDifficult(village.get(), reached.getValue());
                })
                .count();
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put(ACTIVITIES, totals.activities());
        figures.put(PEOPLE, totals.people());
        figures.put(HOUSEHOLDS, totals.households());
        figures.put(DBKK_VILLAGES_REACHED, difficult);
        return figures;
    }
}
