package vn.chungtay.supervision.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.reporting.FigureScope;
import vn.chungtay.reporting.IndicatorDefinition;
import vn.chungtay.reporting.IndicatorProvider;
import vn.chungtay.reporting.IndicatorUnit;

/**
 * Supervision figures of the annual report for the units of the scope: visits made in the period,
 * recommendations resolved in the period, and recommendations still open at its end (issued by
 * then and not resolved by then).
 */
@Component
class SupervisionIndicators implements IndicatorProvider {

    static final String VISITS = "supervision.visits";
    static final String RESOLVED = "supervision.recommendations_resolved";
    static final String OPEN = "supervision.recommendations_open";
    private static final String GROUP = "supervision.indicator.group";

    private final SupervisionStore store;

    SupervisionIndicators(SupervisionStore store) {
        this.store = store;
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return List.of(
                new IndicatorDefinition(VISITS, "supervision.indicator.visits", IndicatorUnit.COUNT, GROUP, 600, true),
                new IndicatorDefinition(
                        RESOLVED,
                        "supervision.indicator.recommendationsResolved",
                        IndicatorUnit.COUNT,
                        GROUP,
                        610,
                        true),
                new IndicatorDefinition(
                        OPEN, "supervision.indicator.recommendationsOpen", IndicatorUnit.COUNT, GROUP, 620, true));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> figures(FigureScope scope) {
        List<String> codes = List.copyOf(scope.unitCodes());
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put(VISITS, store.visitsIn(codes, scope.from(), scope.to()));
        figures.put(RESOLVED, store.resolvedIn(codes, scope.from(), scope.to()));
        figures.put(OPEN, store.openOn(codes, scope.to()));
        return figures;
    }
}
