package vn.chungtay.campaign.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 *
 * <p>The ledger is append-only and each campaign's entries are numbered without gaps, so the sums
 * are kept per campaign up to a sequence number and brought up to date by adding only the entries
 * after it (the chain's head says how many there are; a chain that got shorter or whose head
 * changed, as after a restore, is summed again from the start). A dashboard of a campaign with
 * hundreds of thousands of entries thus reads a handful of new rows instead of all of them.
 */
@Component
class LedgerReadings {

    private static final int MAX_CAMPAIGNS = 1000;

    record Totals(Vnd received, Vnd allocated, Vnd delivered) {
        static final Totals NONE = new Totals(Vnd.ZERO, Vnd.ZERO, Vnd.ZERO);
    }

    record Figures(Vnd allocated, Vnd delivered, long childTurns) {}

    /** The sums of one campaign's entries 1..upTo; changed only under its own lock. */
    private static final class Summary {
        long upTo;
        String head = "";
        long received;
        long allocated;
        long delivered;
        final Map<String, long[]> communes = new HashMap<>();
        final Map<String, long[]> categories = new HashMap<>();
        final Map<String, long[]> villages = new HashMap<>();
    }

    private final JdbcClient jdbc;
    private final Map<Long, Summary> summaries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Summary> eldest) {
            return size() > MAX_CAMPAIGNS;
        }
    });
    private volatile Boolean available;

    LedgerReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean available() {
        Boolean known = available;
        if (known == null || !known) {
            known = jdbc.sql("select to_regclass('ledger_entry') is not null")
                    .query(Boolean.class)
                    .single();
            available = known;
        }
        return known;
    }

    /**
     * Every entry of the campaign after a sequence, with its sign: a reversal counts as the negative
     * of the entry it undoes, under that entry's kind, so reversed gifts, allocations and deliveries
     * net to zero. Grouped by what the dashboard shows.
     */
    private static final String NET_AFTER = """
            select coalesce(o.kind, e.kind) as kind, e.commune_code, e.village_code, e.category_code,
                   sum(case when e.kind = 'REVERSAL' then -e.amount_dong else e.amount_dong end) as amount,
                   sum(case when e.kind = 'REVERSAL' then -e.children_count else e.children_count end) as children
            from ledger_entry e left join ledger_entry o on o.id = e.reverses_id
            where e.campaign_id = :campaign and e.sequence > :after and e.sequence <= :upTo
            group by 1, 2, 3, 4""";

    /** The campaign's sums, brought up to its chain's head first. */
    private Summary summary(long campaignId) {
        record Head(long count, String hash) {}
        Head head = jdbc.sql("select entry_count, head_hash from ledger_chain where campaign_id = :campaign")
                .param("campaign", campaignId)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(new Head(0, ""));
        Summary summary = summaries.computeIfAbsent(campaignId, id -> new Summary());
        synchronized (summary) {
            if (head.count() < summary.upTo
                    || (head.count() == summary.upTo && !head.hash().equals(summary.head))) {
                if (head.count() > 0 || summary.upTo > 0) {
                    reset(summary);
                }
            }
            if (head.count() > summary.upTo) {
                add(summary, campaignId, head.count());
                summary.head = head.hash();
            }
            return summary;
        }
    }

    private static void reset(Summary summary) {
        summary.upTo = 0;
        summary.head = "";
        summary.received = 0;
        summary.allocated = 0;
        summary.delivered = 0;
        summary.communes.clear();
        summary.categories.clear();
        summary.villages.clear();
    }

    private void add(Summary summary, long campaignId, long upTo) {
        jdbc.sql(NET_AFTER)
                .param("campaign", campaignId)
                .param("after", summary.upTo)
                .param("upTo", upTo)
                .query(rs -> {
                    String kind = rs.getString("kind");
                    String commune = rs.getString("commune_code");
                    String village = rs.getString("village_code");
                    String category = rs.getString("category_code");
                    long amount = rs.getLong("amount");
                    long children = rs.getLong("children");
                    switch (kind) {
                        case "RECEIPT" -> summary.received += amount;
                        case "ALLOCATION" -> summary.allocated += amount;
                        case "DELIVERY" -> summary.delivered += amount;
                        default -> {}
                    }
                    boolean allocation = "ALLOCATION".equals(kind);
                    boolean delivery = "DELIVERY".equals(kind);
                    if (allocation || delivery) {
                        if (commune != null) {
                            add(summary.communes, commune, allocation, amount, children);
                        }
                        if (category != null) {
                            add(summary.categories, category, allocation, amount, children);
                        }
                    }
                    if (delivery && village != null) {
                        long[] v = summary.villages.computeIfAbsent(village, k -> new long[2]);
                        v[0] += amount;
                        v[1] += children;
                    }
                });
        summary.upTo = upTo;
    }

    /** allocated, delivered, child-turns delivered */
    private static void add(Map<String, long[]> sums, String key, boolean allocation, long amount, long children) {
        long[] s = sums.computeIfAbsent(key, k -> new long[3]);
        if (allocation) {
            s[0] += amount;
        } else {
            s[1] += amount;
            s[2] += children;
        }
    }

    Totals totals(long campaignId) {
        Summary summary = summary(campaignId);
        synchronized (summary) {
            return new Totals(
                    Vnd.of(Math.max(0, summary.received)),
                    Vnd.of(Math.max(0, summary.allocated)),
                    Vnd.of(Math.max(0, summary.delivered)));
        }
    }

    Map<String, Figures> byCommune(long campaignId) {
        Summary summary = summary(campaignId);
        synchronized (summary) {
            return figures(summary.communes);
        }
    }

    Map<String, Figures> byCategory(long campaignId) {
        Summary summary = summary(campaignId);
        synchronized (summary) {
            return figures(summary.categories);
        }
    }

    /** Villages where a delivery of the campaign was recorded (and not reversed). */
    Set<String> villagesReached(long campaignId) {
        Summary summary = summary(campaignId);
        synchronized (summary) {
            Set<String> reached = new HashSet<>();
            summary.villages.forEach((code, v) -> {
                if (v[0] > 0 || v[1] > 0) {
                    reached.add(code);
                }
            });
            return reached;
        }
    }

    /** Largest allocation first. */
    private static Map<String, Figures> figures(Map<String, long[]> sums) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        sums.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> figures.put(
                        e.getKey(),
                        new Figures(
                                Vnd.of(Math.max(0, e.getValue()[0])),
                                Vnd.of(Math.max(0, e.getValue()[1])),
                                Math.max(0, e.getValue()[2]))));
        return figures;
    }
}
