package vn.chungtay.campaign.internal;

import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.shared.money.Vnd;

/**
 * Read-only figures of one campaign from the ledger's tables (SQL, so the campaign module does not
 * depend on the ledger module, which depends on it): what was received, allocated and delivered,
 * per commune and per category, and which villages deliveries reached. Reversed entries do not
 * count. Answers nothing until the ledger's tables exist.
 */
@Component
class LedgerReadings {

    record Totals(Vnd received, Vnd allocated, Vnd delivered) {
        static final Totals NONE = new Totals(Vnd.ZERO, Vnd.ZERO, Vnd.ZERO);
    }

    record Figures(Vnd allocated, Vnd delivered, long childTurns) {}

    private final JdbcClient jdbc;

    LedgerReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean available() {
        return jdbc.sql("select to_regclass('ledger_entry') is not null")
                .query(Boolean.class)
                .single();
    }

    /**
     * Every entry of the campaign with its sign: a reversal counts as the negative of the entry it
     * undoes, under that entry's kind, so reversed gifts, allocations and deliveries net to zero.
     */
    private static final String NET = """
            select coalesce(o.kind, e.kind) as kind, e.commune_code, e.village_code, e.category_code,
                   case when e.kind = 'REVERSAL' then -e.amount_dong else e.amount_dong end as amount,
                   case when e.kind = 'REVERSAL' then -e.children_count else e.children_count end as children
            from ledger_entry e left join ledger_entry o on o.id = e.reverses_id
            where e.campaign_id = :campaign""";

    Totals totals(long campaignId) {
        long[] sums = new long[3];
        jdbc.sql("select kind, sum(amount) from (" + NET + ") n group by kind")
                .param("campaign", campaignId)
                .query(rs -> {
                    int index = switch (rs.getString(1)) {
                        case "RECEIPT" -> 0;
                        case "ALLOCATION" -> 1;
                        case "DELIVERY" -> 2;
                        default -> -1;
                    };
                    if (index >= 0) {
                        sums[index] = Math.max(0, rs.getLong(2));
                    }
                });
        return new Totals(Vnd.of(sums[0]), Vnd.of(sums[1]), Vnd.of(sums[2]));
    }

    Map<String, Figures> byCommune(long campaignId) {
        return grouped(campaignId, "commune_code");
    }

    Map<String, Figures> byCategory(long campaignId) {
        return grouped(campaignId, "category_code");
    }

    /** Villages where a delivery of the campaign was recorded (and not reversed). */
    Set<String> villagesReached(long campaignId) {
        return new java.util.HashSet<>(jdbc.sql("select village_code from (" + NET + ") n"
                        + " where kind = 'DELIVERY' and village_code is not null"
                        + " group by village_code having sum(amount) > 0 or sum(children) > 0")
                .param("campaign", campaignId)
                .query(String.class)
                .list());
    }

    private Map<String, Figures> grouped(long campaignId, String column) {
        Map<String, Figures> figures = new java.util.LinkedHashMap<>();
        jdbc.sql("select " + column + ","
                        + " sum(case when kind = 'ALLOCATION' then amount else 0 end),"
                        + " sum(case when kind = 'DELIVERY' then amount else 0 end),"
                        + " sum(case when kind = 'DELIVERY' then children else 0 end)"
                        + " from (" + NET + ") n where " + column + " is not null"
                        + " and kind in ('ALLOCATION', 'DELIVERY') group by " + column + " order by 2 desc")
                .param("campaign", campaignId)
                .query(rs -> {
                    figures.put(
                            rs.getString(1),
                            new Figures(
                                    Vnd.of(Math.max(0, rs.getLong(2))),
                                    Vnd.of(Math.max(0, rs.getLong(3))),
                                    Math.max(0, rs.getLong(4))));
                });
        return figures;
    }
}
