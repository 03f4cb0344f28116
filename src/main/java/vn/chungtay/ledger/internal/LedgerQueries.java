package vn.chungtay.ledger.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.ledger.EntryKind;
import vn.chungtay.shared.text.VietnameseText;

/**
 * Read models of the ledger for the officers' and the public pages: a campaign's entries newest
 * first with search and filters, paged by sequence (keyset, so the millionth page costs what the
 * first does), and the alerts of the chain check.
 */
@Component
@Transactional(readOnly = true)
public class LedgerQueries {

    /** Counts above this are shown as "more than". */
    public static final int COUNT_CAP = 10_000;

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What to look for: words of the donor's name or the message (diacritics-insensitive), an
     * amount range, a date range, a kind, or a reference (a bank reference or account number the
     * donor remembers, matched on the original message).
     */
    public record Filter(
            String text,
            Long minAmount,
            Long maxAmount,
            LocalDate from,
            LocalDate to,
            EntryKind kind,
            String reference) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }

        public boolean isEmpty() {
            return VietnameseText.fold(text).isEmpty()
                    && minAmount == null
                    && maxAmount == null
                    && from == null
                    && to == null
                    && kind == null
                    && (reference == null || reference.isBlank());
        }
    }

    /** One entry as the pages show it. */
    public record Row(
            long id,
            long sequence,
            EntryKind kind,
            LocalDate date,
            long amount,
            String itemName,
            String itemUnit,
            Long itemQuantity,
            String fromAccount,
            String toAccount,
            String communeCode,
            String villageCode,
            String categoryCode,
            Long needId,
            String donorPublicName,
            String publicMessage,
            int childrenCount,
            Long reversesSequence,
            String reason,
            Long reversedBy,
            String hash) {

        public boolean isGoods() {
            return itemName != null;
        }

        public String formattedAmount() {
            return vn.chungtay.shared.money.Vnd.of(amount).formatted();
        }

        public String shortHash() {
            return hash.substring(0, 12);
        }

        public boolean reversible() {
            return kind != EntryKind.REVERSAL && reversedBy == null;
        }

        /** The unit code of a pool account ({@code POOL:24640} → {@code 24640}), else null. */
        public static String poolUnit(String account) {
            return account != null && account.startsWith("POOL:") ? account.substring(5) : null;
        }
    }

    /**
     * A page of entries, newest first: {@code newer}/{@code older} are the sequences to page from
     * (null at either end); {@code total} is capped at {@link #COUNT_CAP} ({@code capped} then), or
     * -1 when matches are many and were not counted.
     */
    public record EntryPage(List<Row> rows, Long newer, Long older, long total, boolean capped, boolean phrase) {

        EntryPage(List<Row> rows, Long newer, Long older, long total, boolean capped) {
            this(rows, newer, older, total, capped, false);
        }

        EntryPage asPhrase(boolean phrase) {
            return new EntryPage(rows, newer, older, total, capped, phrase);
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }

        public boolean counted() {
            return total >= 0;
        }
    }

    /**
     * Entries of a campaign matching the filter: the page of {@code size} entries older than
     * {@code before}, or newer than {@code after}, or the newest.
     *
     * <p>A text search takes the cheapest of three ways, so that neither a common nor a rare name
     * is slow among millions of entries. An estimate of the matches (from the word index's
     * statistics, see {@link #estimate}) decides: (1) when matches are estimated dense, the newest entries are
     * walked backwards by sequence, as many as should hold two pages of matches; when they hold a
     * full page, that is the page (the matches are not counted); (2) otherwise, or when the walk
     * falls short, the indexes alone find every match, up to {@link #COUNT_CAP} (whole words and
     * adjacent word pairs in the word index, a word still being typed by its start in the trigram
     * index), and the page is cut from them with an exact count; (3) when there are more, the
     * newest are found by walking backwards, filtering. Words are first looked for as a phrase,
     * then, when the phrase is not found, in any order.
     */
    public EntryPage entries(long campaignId, Filter filter, Long before, Long after, int size) {
        int limit = Math.min(Math.max(size, 1), 200);
        // the plan depends on the words searched for: never a generic plan for "like $1"
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        EntryPage page = entries(campaignId, filter, before, after, limit, true);
        if (page.isEmpty() && page.phrase()) {
            // the words were not found next to each other: any order, anywhere in the entry
            page = entries(campaignId, filter, before, after, limit, false);
        }
        return page;
    }

    private EntryPage entries(long campaignId, Filter filter, Long before, Long after, int limit, boolean phrase) {
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", campaignId);
        Where where = where(filter, params, phrase);
        boolean capped = false;
        if (where.text()) {
            Estimate estimate = estimate(where);
            if (after == null && estimate.atMost() >= DENSE) {
                EntryPage dense = newestWindow(campaignId, where, params, before, limit, estimate);
                if (dense != null) {
                    return dense.asPhrase(where.phrase());
                }
            }
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local enable_indexscan = off").update();
            jdbc.sql("set local work_mem = '16MB'").update();
            List<Long> matches = jdbc.sql("select e.sequence from ledger_entry e where e.campaign_id = :campaign"
                            + where.sql() + " limit " + (COUNT_CAP + 1))
                    .params(params)
                    .query(Long.class)
                    .list();
            jdbc.sql("set local enable_seqscan = on").update();
            jdbc.sql("set local enable_indexscan = on").update();
            if (matches.size() <= COUNT_CAP) {
                return pageOf(campaignId, matches, before, after, limit).asPhrase(where.phrase());
            }
            capped = true;
            jdbc.sql("set local enable_bitmapscan = off").update();
        }
        boolean backwards = after != null && before == null;
        String keyset = "";
        if (before != null) {
            keyset = " and e.sequence < :before";
            params.put("before", before);
        } else if (after != null) {
            keyset = " and e.sequence > :after";
            params.put("after", after);
        }
        params.put("limit", limit + 1);
        String sql = "select " + PostgresLedger.COLUMNS + REVERSED_BY
                + " from ledger_entry e where e.campaign_id = :campaign" + where.sql() + keyset
                + " order by e.sequence " + (backwards ? "asc" : "desc") + " limit :limit";
        List<Row> rows = new ArrayList<>(
                jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list());
        boolean more = rows.size() > limit;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        Long newer = null;
        Long older = null;
        if (!rows.isEmpty()) {
            boolean hasNewer = backwards ? more : before != null;
            boolean hasOlder = backwards || more;
            newer = hasNewer ? rows.get(0).sequence() : null;
            older = hasOlder ? rows.get(rows.size() - 1).sequence() : null;
        }
        if (capped) {
            return new EntryPage(List.copyOf(rows), newer, older, COUNT_CAP, true, where.phrase());
        }
        long total;
        if (where.sql().isEmpty()) {
            total = jdbc.sql("select coalesce(max(entry_count), 0) from ledger_chain where campaign_id = :campaign")
                    .param("campaign", campaignId)
                    .query(Long.class)
                    .single();
        } else {
            Map<String, Object> countParams = new HashMap<>(params);
            countParams.remove("before");
            countParams.remove("after");
            countParams.remove("limit");
            total = jdbc.sql("select count(*) from (select 1 from ledger_entry e where e.campaign_id = :campaign"
                            + where.sql() + " limit " + (COUNT_CAP + 1) + ") t")
                    .params(countParams)
                    .query(Long.class)
                    .single();
        }
        return new EntryPage(
                List.copyOf(rows), newer, older, Math.min(total, COUNT_CAP), total > COUNT_CAP, where.phrase());
    }

    /** From this many estimated matches on, a text search walks the newest entries first. */
    static final long DENSE = 3_000;

    /** The fewest and the most of the newest entries that walk looks at. */
    static final long MIN_WINDOW = 2_000;

    static final long MAX_WINDOW = 30_000;

    /**
     * At most how many entries match: the fewest of any one searched word or word pair, from the
     * word index's statistics (the most common words and their frequencies, kept by ANALYZE and
     * read at most every few minutes); a word not among them is rarer than the rarest that is. A
     * word being typed tells nothing, so a search of only that counts as dense.
     */
    private Estimate estimate(Where where) {
        if (where.tokens().isEmpty()) {
            return new Estimate(Long.MAX_VALUE, Long.MAX_VALUE);
        }
        WordStatistics statistics = wordStatistics();
        double fewest = 1;
        double together = 1;
        for (String token : where.tokens()) {
            double frequency = statistics.frequencies().getOrDefault(token, statistics.rarest() / 2);
            fewest = Math.min(fewest, frequency);
            if (token.indexOf(' ') < 0) {
                together *= frequency;
            }
        }
        return new Estimate(
                (long) Math.ceil(fewest * statistics.rows()), (long) Math.ceil(together * statistics.rows()));
    }

    /**
     * At most how many entries match ({@code atMost}: the rarest word or pair), and how many if the
     * words were independent ({@code likely}, usually fewer: names are not).
     */
    record Estimate(long atMost, long likely) {}

    /** The most common words of the word index with their frequencies, and the number of entries. */
    record WordStatistics(Map<String, Double> frequencies, double rarest, double rows, long readAt) {}

    private volatile WordStatistics statistics;

    private WordStatistics wordStatistics() {
        WordStatistics known = statistics;
        long now = System.currentTimeMillis();
        // ANALYZE changes the row count it saw: then (or after five minutes) the words are read again
        double rows = jdbc.sql("select greatest(reltuples, 0) from pg_class where oid = 'ledger_entry'::regclass")
                .query(Double.class)
                .single();
        if (known != null && known.rows() == rows && now - known.readAt() < 5 * 60_000) {
            return known;
        }
        Map<String, Double> frequencies = new HashMap<>();
        double[] rarest = {0};
        jdbc.sql("select most_common_elems::text::text[], most_common_elem_freqs from pg_stats"
                        + " where schemaname = current_schema() and tablename = 'ledger_entry'"
                        + " and attname = 'search_tokens'")
                .query(rs -> {
                    java.sql.Array elems = rs.getArray(1);
                    java.sql.Array freqs = rs.getArray(2);
                    if (elems == null || freqs == null) {
                        return;
                    }
                    String[] words = (String[]) elems.getArray();
                    Float[] values = (Float[]) freqs.getArray();
                    for (int i = 0; i < words.length && i < values.length; i++) {
                        frequencies.put(words[i], values[i].doubleValue());
                    }
                    // after the per-word frequencies: their minimum, maximum and the null frequency
                    rarest[0] = values.length > words.length ? values[words.length] : 0;
                });
        WordStatistics fresh = new WordStatistics(Map.copyOf(frequencies), rarest[0], rows, now);
        statistics = fresh;
        return fresh;
    }

    /**
     * A full page of matches among the newest entries (before {@code before}), walking as many as
     * should hold two pages at the estimated density; null when they hold less.
     */
    private EntryPage newestWindow(
            long campaignId, Where where, Map<String, Object> params, Long before, int limit, Estimate estimate) {
        long entries = jdbc.sql("select coalesce(max(entry_count), 0) from ledger_chain where campaign_id = :campaign")
                .param("campaign", campaignId)
                .query(Long.class)
                .single();
        long upper = before != null ? before : entries + 1;
        // enough entries for two pages at the likely density, within bounds
        long density = Math.max(1, Math.min(estimate.atMost(), estimate.likely()));
        long window = Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, 2L * (limit + 1) * Math.max(entries, 1) / density));
        Map<String, Object> windowParams = new HashMap<>(params);
        windowParams.put("upper", upper);
        windowParams.put("lower", upper - window);
        windowParams.put("limit", limit + 1);
        jdbc.sql("set local enable_bitmapscan = off").update();
        List<Row> rows = new ArrayList<>(jdbc.sql("select " + PostgresLedger.COLUMNS + REVERSED_BY
                        + " from ledger_entry e where e.campaign_id = :campaign and e.sequence < :upper"
                        + " and e.sequence >= :lower" + where.sql() + " order by e.sequence desc limit :limit")
                .params(windowParams)
                .query((rs, n) -> row(rs))
                .list());
        jdbc.sql("set local enable_bitmapscan = on").update();
        if (rows.size() <= limit) {
            return null;
        }
        rows.remove(rows.size() - 1);
        Long newer = before != null ? rows.get(0).sequence() : null;
        long total = -1;
        if (entries <= window) {
            // a small campaign: counting its matches costs no more than the walk did
            Map<String, Object> countParams = new HashMap<>(params);
            total = jdbc.sql("select count(*) from ledger_entry e where e.campaign_id = :campaign" + where.sql())
                    .params(countParams)
                    .query(Long.class)
                    .single();
        }
        return new EntryPage(List.copyOf(rows), newer, rows.get(rows.size() - 1).sequence(), total, false);
    }

    private static final String REVERSED_BY =
            ", (select x.id from ledger_entry x where x.reverses_id = e.id) as reversed_by";

    /** A page cut from all the matching sequences (no more than {@link #COUNT_CAP}). */
    private EntryPage pageOf(long campaignId, List<Long> matches, Long before, Long after, int limit) {
        List<Long> newestFirst = new ArrayList<>(matches);
        newestFirst.sort(Collections.reverseOrder());
        int from = 0;
        if (before != null) {
            from = 0;
            while (from < newestFirst.size() && newestFirst.get(from) >= before) {
                from++;
            }
        } else if (after != null) {
            int firstOlder = 0;
            while (firstOlder < newestFirst.size() && newestFirst.get(firstOlder) > after) {
                firstOlder++;
            }
            from = Math.max(0, firstOlder - limit);
        }
        int to = Math.min(newestFirst.size(), from + limit);
        if (before == null && after != null) {
            to = Math.min(to, (int) newestFirst.stream().filter(s -> s > after).count());
        }
        List<Long> wanted = newestFirst.subList(from, Math.max(from, to));
        List<Row> rows = wanted.isEmpty()
                ? List.of()
                : jdbc.sql("select " + PostgresLedger.COLUMNS + REVERSED_BY
                                + " from ledger_entry e where e.campaign_id = :campaign and e.sequence in (:sequences)"
                                + " order by e.sequence desc")
                        .param("campaign", campaignId)
                        .param("sequences", wanted)
                        .query((rs, n) -> row(rs))
                        .list();
        Long newer = from > 0 && !rows.isEmpty() ? rows.get(0).sequence() : null;
        Long older = to < newestFirst.size() && !rows.isEmpty()
                ? rows.get(rows.size() - 1).sequence()
                : null;
        return new EntryPage(rows, newer, older, matches.size(), false);
    }

    /** The SQL conditions of a filter, whether it searches text, and whether as a phrase (adjacent word pairs). */
    private record Where(String sql, boolean text, boolean phrase, List<String> tokens) {}

    private Where where(Filter filter, Map<String, Object> params, boolean phrase) {
        StringBuilder where = new StringBuilder();
        String folded = VietnameseText.fold(filter.text());
        boolean text = !folded.isEmpty();
        boolean pairs = false;
        List<String> searched = new ArrayList<>();
        if (text) {
            List<String> words = List.of(folded.split(" "));
            words = words.subList(0, Math.min(words.size(), 8));
            String last = words.get(words.size() - 1);
            // the last word may still be being typed: a whole word only when some entry has it
            boolean lastComplete = jdbc.sql(
                            "select exists (select 1 from ledger_entry where search_tokens @> cast(:w as text[]))")
                    .param("w", new String[] {last})
                    .query(Boolean.class)
                    .single();
            List<String> complete = lastComplete ? words : words.subList(0, words.size() - 1);
            List<String> tokens = new ArrayList<>(complete);
            for (int i = 0; phrase && i + 1 < complete.size(); i++) {
                tokens.add(complete.get(i) + " " + complete.get(i + 1));
                pairs = true;
            }
            if (!tokens.isEmpty()) {
                where.append(" and e.search_tokens @> cast(:tokens as text[])");
                params.put("tokens", tokens.toArray(new String[0]));
                searched.addAll(tokens);
            }
            if (!lastComplete) {
                // a word starting with what was typed (the trigram index, over the text padded with spaces)
                where.append(" and (' ' || e.search_folded || ' ') like :partial");
                params.put("partial", "% " + last + "%");
            }
        }
        if (filter.minAmount() != null) {
            where.append(" and e.amount_dong >= :min");
            params.put("min", filter.minAmount());
        }
        if (filter.maxAmount() != null) {
            where.append(" and e.amount_dong <= :max");
            params.put("max", filter.maxAmount());
        }
        if (filter.from() != null) {
            where.append(" and e.entry_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and e.entry_date <= :to");
            params.put("to", filter.to());
        }
        if (filter.kind() != null) {
            where.append(" and e.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.reference() != null && !filter.reference().isBlank()) {
            String key = ReferenceKeys.ofTyped(filter.reference());
            where.append(" and e.reference_keys @> cast(array[:ref] as text[])");
            params.put("ref", key == null ? "-" : key);
        }
        return new Where(where.toString(), text, pairs, List.copyOf(searched));
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("sequence"),
                EntryKind.valueOf(rs.getString("kind")),
                rs.getObject("entry_date", LocalDate.class),
                rs.getLong("amount_dong"),
                rs.getString("item_name"),
                rs.getString("item_unit"),
                (Long) rs.getObject("item_quantity"),
                rs.getString("from_account"),
                rs.getString("to_account"),
                rs.getString("commune_code"),
                rs.getString("village_code"),
                rs.getString("category_code"),
                (Long) rs.getObject("need_id"),
                rs.getString("donor_public_name"),
                rs.getString("public_message"),
                rs.getInt("children_count"),
                (Long) rs.getObject("reverses_sequence"),
                rs.getString("reason"),
                (Long) rs.getObject("reversed_by"),
                rs.getString("hash"));
    }

    /** Campaign ids that have a chain. */
    public List<Long> campaignsWithEntries() {
        return jdbc.sql("select campaign_id from ledger_chain where entry_count > 0 order by campaign_id")
                .query(Long.class)
                .list();
    }

    /** A stored entry that failed the chain check. */
    public record Alert(long id, long campaignId, long sequence, String problem, LocalDateTime detectedAt) {}

    public List<Alert> alerts(int limit) {
        return jdbc.sql("select id, campaign_id, sequence, problem, detected_at from ledger_alert"
                        + " order by detected_at desc, id desc limit :limit")
                .param("limit", limit)
                .query((rs, n) -> new Alert(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant().atZone(VIETNAM).toLocalDateTime()))
                .list();
    }
}
