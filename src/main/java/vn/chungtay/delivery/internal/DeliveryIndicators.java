package vn.chungtay.delivery.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.SupportCategory;
import vn.chungtay.reporting.FigureScope;
import vn.chungtay.reporting.IndicatorDefinition;
import vn.chungtay.reporting.IndicatorProvider;
import vn.chungtay.reporting.IndicatorUnit;

/**
 * The delivery figures of the annual report, for deliveries dated in the period whose commune or
 * village is in the scope (recorded deliveries, with or without their proof yet):
 *
 * <ul>
 *   <li>{@code delivery.child_turns.<category>} — child-turns per support category (code in lower
 *       case): the children each delivery reached, summed;
 *   <li>{@code delivery.children_distinct} — distinct children reached: the children named (each
 *       once; a child whose data was withdrawn counts once per delivery), plus for each need the
 *       largest group of children not named in one of its deliveries;
 *   <li>{@code delivery.count} — deliveries; {@code delivery.value} — money and goods delivered, in đồng.
 * </ul>
 */
@Component
class DeliveryIndicators implements IndicatorProvider {

    static final String GROUP = "delivery.indicator.group";
    static final String CHILD_TURNS = "delivery.child_turns.";

    private final JdbcClient jdbc;
    private final NeedManagement needs;

    DeliveryIndicators(JdbcClient jdbc, NeedManagement needs) {
        this.jdbc = jdbc;
        this.needs = needs;
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        List<IndicatorDefinition> list = new ArrayList<>();
        list.add(new IndicatorDefinition(
                "delivery.count", "delivery.indicator.count", IndicatorUnit.COUNT, GROUP, 400, true));
        list.add(new IndicatorDefinition(
                "delivery.value", "delivery.indicator.value", IndicatorUnit.VND, GROUP, 401, true));
        list.add(new IndicatorDefinition(
                "delivery.children_distinct",
                "delivery.indicator.childrenDistinct",
                IndicatorUnit.PEOPLE,
                GROUP,
                402,
                true));
        List<SupportCategory> categories = needs.categories();
        for (int i = 0; i < categories.size(); i++) {
            String code = categories.get(i).code();
            list.add(new IndicatorDefinition(
                    CHILD_TURNS + code.toLowerCase(Locale.ROOT),
                    "delivery.indicator.childTurns." + code,
                    IndicatorUnit.PEOPLE,
                    GROUP,
                    410 + i,
                    true));
        }
        return list;
    }

    @Override
    public Map<String, Long> figures(FigureScope scope) {
        Map<String, Long> figures = new HashMap<>();
        String[] codes = scope.unitCodes().toArray(String[]::new);
        String inScope = " from delivery d where (d.commune_code = any(:codes) or d.unit_code = any(:codes))"
                + " and d.delivered_on between :from and :to";
        jdbc.sql("select count(*), coalesce(sum(d.value_dong), 0)" + inScope)
                .param("codes", codes)
                .param("from", scope.from())
                .param("to", scope.to())
                .query((rs, n) -> {
                    figures.put("delivery.count", rs.getLong(1));
                    figures.put("delivery.value", rs.getLong(2));
                    return null;
                })
                .list();
        jdbc.sql("select d.category_code, sum(d.children_count)" + inScope + " group by d.category_code")
                .param("codes", codes)
                .param("from", scope.from())
                .param("to", scope.to())
                .query((rs, n) -> figures.put(CHILD_TURNS + rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2)))
                .list();
        Long distinct = jdbc.sql("""
                        with d as (
                            select d.id, d.need_id, d.children_count,
                                (select count(*) from delivery_child c where c.delivery_id = d.id) as named""" + inScope + """
                        )
                        select (select count(distinct c.child_id) from delivery_child c join d on d.id = c.delivery_id
                                where c.child_id is not null)
                             + (select count(*) from delivery_child c join d on d.id = c.delivery_id
                                where c.child_id is null)
                             + coalesce((select sum(m) from (select max(d.children_count - d.named) as m
                                                             from d group by d.need_id) g), 0)""")
                .param("codes", codes)
                .param("from", scope.from())
                .param("to", scope.to())
                .query(Long.class)
                .single();
        figures.put("delivery.children_distinct", distinct);
        return figures;
    }
}
