package vn.chungtay.commendation.internal;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.reporting.FigureScope;
import vn.chungtay.reporting.IndicatorDefinition;
import vn.chungtay.reporting.IndicatorProvider;
import vn.chungtay.reporting.IndicatorUnit;

/**
 * The commendation figures of the annual report: collectives and individuals proposed (in proposals
 * submitted in the period by the scope's units, exclusions left out) and those the level above
 * approved.
 */
@Component
class CommendationIndicators implements IndicatorProvider {

    static final String PROPOSED = "commendation.proposed";
    static final String APPROVED = "commendation.approved";

    private final JdbcClient jdbc;

    CommendationIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return List.of(
                new IndicatorDefinition(
                        PROPOSED,
                        "commendation.indicator.proposed",
                        IndicatorUnit.COUNT,
                        "commendation.indicator.group",
                        900,
                        true),
                new IndicatorDefinition(
                        APPROVED,
                        "commendation.indicator.approved",
                        IndicatorUnit.COUNT,
                        "commendation.indicator.group",
                        910,
                        true));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> figures(FigureScope scope) {
        if (scope.unitCodes().isEmpty()) {
            return Map.of(PROPOSED, 0L, APPROVED, 0L);
        }
        return jdbc.sql("""
                        select count(*) as proposed, count(*) filter (where c.decision = 'APPROVED') as approved
                        from commendation_candidate c join commendation_proposal p on p.id = c.proposal_id
                        where not c.excluded and p.status <> 'DRAFT'
                          and p.submitted_on between :from and :to and p.unit_code in (:units)""")
                .param("from", scope.from())
                .param("to", scope.to())
                .param("units", List.copyOf(scope.unitCodes()))
                .query((rs, n) -> Map.of(PROPOSED, rs.getLong(1), APPROVED, rs.getLong(2)))
                .single();
    }
}
