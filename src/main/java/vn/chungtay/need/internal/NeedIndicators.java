package vn.chungtay.need.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.reporting.FigureScope;
import vn.chungtay.reporting.IndicatorDefinition;
import vn.chungtay.reporting.IndicatorProvider;
import vn.chungtay.reporting.IndicatorUnit;

/**
 * The needs' part of the annual report: needs published, funded and delivered in the period within
 * the unit's communes and villages (a need counts where it was recorded: its village or commune).
 */
@Component
class NeedIndicators implements IndicatorProvider {

    static final String PUBLISHED = "need.published";
    static final String FUNDED = "need.funded";
    static final String DELIVERED = "need.delivered";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String GROUP = "reporting.group.needs";

    private final JdbcClient jdbc;

    NeedIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return List.of(
                new IndicatorDefinition(PUBLISHED, "need.indicator.published", IndicatorUnit.COUNT, GROUP, 10, true),
                new IndicatorDefinition(FUNDED, "need.indicator.funded", IndicatorUnit.COUNT, GROUP, 20, true),
                new IndicatorDefinition(DELIVERED, "need.indicator.delivered", IndicatorUnit.COUNT, GROUP, 30, true));
    }

    @Override
    public Map<String, Long> figures(FigureScope scope) {
        if (scope.unitCodes().isEmpty()) {
            return Map.of();
        }
        String[] codes = scope.unitCodes().toArray(String[]::new);
        Timestamp from = start(scope.from());
        Timestamp until = start(scope.to().plusDays(1));
        long published = jdbc.sql("""
                        select count(*) from need n
                        where n.published_at >= :from and n.published_at < :until
                          and (n.unit_code = any(:codes) or n.commune_code = any(:codes))""")
                .param("from", from)
                .param("until", until)
                .param("codes", codes)
                .query(Long.class)
                .single();
        Map<String, Long> reached = new java.util.HashMap<>();
        jdbc.sql("""
                        select m.kind, count(*) from need_milestone m join need n on n.id = m.need_id
                        where m.reached_at >= :from and m.reached_at < :until
                          and (n.unit_code = any(:codes) or n.commune_code = any(:codes))
                        group by m.kind""")
                .param("from", from)
                .param("until", until)
                .param("codes", codes)
                .query((rs, n) -> reached.put(rs.getString(1), rs.getLong(2)))
                .list();
        return Map.of(
                PUBLISHED, published,
                FUNDED, reached.getOrDefault("FUNDED", 0L),
                DELIVERED, reached.getOrDefault("DELIVERED", 0L));
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(VIETNAM).toInstant());
    }
}
