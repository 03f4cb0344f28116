package vn.chungtay.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.reporting.FigureView;
import vn.chungtay.reporting.HistoryEntry;
import vn.chungtay.reporting.IndicatorDefinition;
import vn.chungtay.reporting.IndicatorUnit;
import vn.chungtay.reporting.PeriodId;
import vn.chungtay.reporting.ReportId;
import vn.chungtay.reporting.ReportLevel;
import vn.chungtay.reporting.ReportStatus;

/** Reports, their figures, narrative and history, in SQL. */
@Component
public class ReportStore {

    static final String COLUMNS = "r.id, r.period_id, r.unit_code, r.unit_name, r.level, r.receiver_code,"
            + " r.receiver_name, r.status, r.doc_number, r.first_submitted_at, r.submitted_at, r.submitted_by,"
            + " r.decided_at, r.decided_by, r.comment, r.version";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReportStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ReportRow> find(ReportId id) {
        return jdbc.sql("select " + COLUMNS + " from report r where r.id = :id")
                .param("id", id.value())
                .query(ReportStore::row)
                .optional();
    }

    /** The report, locked for the rest of the transaction (two officers deciding at once). */
    public Optional<ReportRow> lock(ReportId id) {
        return jdbc.sql("select " + COLUMNS + " from report r where r.id = :id for update")
                .param("id", id.value())
                .query(ReportStore::row)
                .optional();
    }

    public Optional<ReportRow> find(PeriodId period, String unitCode) {
        return jdbc.sql("select " + COLUMNS + " from report r where r.period_id = :p and r.unit_code = :u")
                .param("p", period.value())
                .param("u", unitCode)
                .query(ReportStore::row)
                .optional();
    }

    public List<ReportRow> ofPeriod(PeriodId period, Collection<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from report r where r.period_id = :p and r.unit_code = any(:codes)")
                .param("p", period.value())
                .param("codes", unitCodes.toArray(String[]::new))
                .query(ReportStore::row)
                .list();
    }

    public List<ReportRow> ofUnits(Collection<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from report r where r.unit_code = any(:codes) order by r.id desc")
                .param("codes", unitCodes.toArray(String[]::new))
                .query(ReportStore::row)
                .list();
    }

    public List<ReportRow> withStatus(ReportStatus status) {
        return jdbc.sql("select " + COLUMNS + " from report r where r.status = :s order by r.submitted_at, r.id")
                .param("s", status.name())
                .query(ReportStore::row)
                .list();
    }

    /**
     * What a period's reports look like as a whole: how many there are and how often they were
     * written (each row counts its updates, by a trigger). Any committed change of any report of the
     * period gives a different stamp, whoever made it; the roll-up keeps answers while it is the same.
     */
    public record Stamp(long reports, long changes) {}

    public Stamp stamp(PeriodId period) {
        return jdbc.sql("select count(*), coalesce(sum(changes), 0) from report where period_id = :p")
                .param("p", period.value())
                .query((rs, n) -> new Stamp(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** How often each report of the period was written, by unit (for stamps of parts of a period). */
    public Map<String, Long> changes(PeriodId period) {
        Map<String, Long> changes = new HashMap<>();
        jdbc.sql("select unit_code, changes from report where period_id = :p")
                .param("p", period.value())
                .query((rs, n) -> changes.put(rs.getString(1), rs.getLong(2)))
                .list();
        return changes;
    }

    /**
     * Stated values (adjusted or computed) summed by the database per group and indicator: the
     * reports' ids with the group each belongs to (e.g. the province it is counted under).
     */
    public Map<Integer, Map<String, Long>> sums(List<Long> reports, List<Integer> groups) {
        Map<Integer, Map<String, Long>> sums = new HashMap<>();
        if (reports.isEmpty()) {
            return sums;
        }
        jdbc.sql("""
                        select g.grp, f.indicator_code, sum(coalesce(f.adjusted, f.computed))
                        from unnest(:ids, :groups) as g(id, grp) join report_figure f on f.report_id = g.id
                        group by g.grp, f.indicator_code""")
                .param("ids", reports.toArray(Long[]::new))
                .param("groups", groups.toArray(Integer[]::new))
                .query((rs, n) ->
                        sums.computeIfAbsent(rs.getInt(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)))
                .list();
        return sums;
    }

    /** Units of the period with a report in one of the statuses. */
    public Map<String, ReportStatus> statuses(PeriodId period) {
        Map<String, ReportStatus> statuses = new HashMap<>();
        jdbc.sql("select unit_code, status from report where period_id = :p")
                .param("p", period.value())
                .query((rs, n) -> statuses.put(rs.getString(1), ReportStatus.valueOf(rs.getString(2))))
                .list();
        return statuses;
    }

    public ReportId insert(
            PeriodId period,
            String unitCode,
            String unitName,
            ReportLevel level,
            String receiverCode,
            String receiverName,
            Instant at,
            String by) {
        long id = jdbc.sql("""
                        insert into report (period_id, unit_code, unit_name, level, receiver_code, receiver_name, status,
                                            created_at, created_by)
                        values (:p, :u, :name, :level, :rc, :rn, 'DRAFT', :at, :by)
                        on conflict (period_id, unit_code) do nothing returning id""")
                .param("p", period.value())
                .param("u", unitCode)
                .param("name", unitName)
                .param("level", level.name())
                .param("rc", receiverCode)
                .param("rn", receiverName)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .query(Long.class)
                .optional()
                .orElseGet(() -> find(period, unitCode).orElseThrow().id().value());
        return new ReportId(id);
    }

    /** Writes the state of a workflow step, failing when someone else changed the report meanwhile. */
    public void update(ReportRow row) {
        int updated = jdbc.sql("""
                        update report set status = :status, doc_number = :number, first_submitted_at = :first,
                               submitted_at = :submitted, submitted_by = :submittedBy, decided_at = :decided,
                               decided_by = :decidedBy, comment = :comment, version = version + 1
                        where id = :id and version = :version""")
                .param("status", row.status().name())
                .param("number", row.number())
                .param("first", timestamp(row.firstSubmittedAt()))
                .param("submitted", timestamp(row.submittedAt()))
                .param("submittedBy", row.submittedBy())
                .param("decided", timestamp(row.decidedAt()))
                .param("decidedBy", row.decidedBy())
                .param("comment", row.comment())
                .param("id", row.id().value())
                .param("version", row.version())
                .update();
        if (updated != 1) {
            throw new ObjectOptimisticLockingFailureException("report", row.id().value());
        }
    }

    // ---- figures ---------------------------------------------------------------------------

    public List<FigureView> figures(ReportId report) {
        return figures(List.of(report.value())).getOrDefault(report.value(), List.of());
    }

    public Map<Long, List<FigureView>> figures(Collection<Long> reports) {
        Map<Long, List<FigureView>> figures = new LinkedHashMap<>();
        if (reports.isEmpty()) {
            return figures;
        }
        jdbc.sql("""
                        select report_id, indicator_code, label_key, unit, group_key, sort_order, summable, provided,
                               computed, adjusted, note
                        from report_figure where report_id = any(:ids) order by report_id, sort_order, indicator_code""")
                .param("ids", reports.toArray(Long[]::new))
                .query((rs, n) -> figures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new FigureView(
                                new IndicatorDefinition(
                                        rs.getString(2),
                                        rs.getString(3),
                                        IndicatorUnit.valueOf(rs.getString(4)),
                                        rs.getString(5),
                                        rs.getInt(6),
                                        rs.getBoolean(7)),
                                rs.getLong(9),
                                (Long) rs.getObject(10),
                                rs.getString(11),
                                rs.getBoolean(8))))
                .list();
        return figures;
    }

    /** Stated values (adjusted or computed) per report and indicator, for summing many reports at once. */
    public Map<Long, Map<String, Long>> values(Collection<Long> reports) {
        Map<Long, Map<String, Long>> values = new HashMap<>();
        if (reports.isEmpty()) {
            return values;
        }
        jdbc.sql("select report_id, indicator_code, coalesce(adjusted, computed) from report_figure"
                        + " where report_id = any(:ids)")
                .param("ids", reports.toArray(Long[]::new))
                .query((rs, n) -> values.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        return values;
    }

    /** Replaces the report's figures with these (the snapshot of a submission). */
    public void replaceFigures(ReportId report, List<FigureView> figures) {
        jdbc.sql("delete from report_figure where report_id = :id")
                .param("id", report.value())
                .update();
        figures.forEach(f -> putFigure(report, f));
    }

    public void putFigure(ReportId report, FigureView figure) {
        IndicatorDefinition d = figure.definition();
        jdbc.sql("""
                        insert into report_figure (report_id, indicator_code, label_key, unit, group_key, sort_order,
                                                   summable, provided, computed, adjusted, note)
                        values (:id, :code, :label, :unit, :group, :order, :summable, :provided, :computed, :adjusted,
                                :note)
                        on conflict (report_id, indicator_code) do update
                        set label_key = excluded.label_key, unit = excluded.unit, group_key = excluded.group_key,
                            sort_order = excluded.sort_order, summable = excluded.summable,
                            provided = excluded.provided, computed = excluded.computed, adjusted = excluded.adjusted,
                            note = excluded.note""")
                .param("id", report.value())
                .param("code", d.code())
                .param("label", d.labelKey())
                .param("unit", d.unit().name())
                .param("group", d.groupKey())
                .param("order", d.order())
                .param("summable", d.summable())
                .param("provided", figure.provided())
                .param("computed", figure.computed())
                .param("adjusted", figure.adjusted())
                .param("note", figure.note())
                .update();
    }

    // ---- narrative -------------------------------------------------------------------------

    public Map<String, String> narrative(ReportId report) {
        Map<String, String> sections = new HashMap<>();
        jdbc.sql("select section, body from report_narrative where report_id = :id")
                .param("id", report.value())
                .query((rs, n) -> sections.put(rs.getString(1), rs.getString(2)))
                .list();
        return sections;
    }

    public Map<Long, Map<String, String>> narratives(Collection<Long> reports) {
        Map<Long, Map<String, String>> all = new HashMap<>();
        if (reports.isEmpty()) {
            return all;
        }
        jdbc.sql("select report_id, section, body from report_narrative where report_id = any(:ids)")
                .param("ids", reports.toArray(Long[]::new))
                .query((rs, n) ->
                        all.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3)))
                .list();
        return all;
    }

    public void putNarrative(ReportId report, String section, String body) {
        if (body == null || body.isBlank()) {
            jdbc.sql("delete from report_narrative where report_id = :id and section = :section")
                    .param("id", report.value())
                    .param("section", section)
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into report_narrative (report_id, section, body) values (:id, :section, :body)
                        on conflict (report_id, section) do update set body = excluded.body""")
                .param("id", report.value())
                .param("section", section)
                .param("body", body)
                .update();
    }

    public void setNumber(ReportId report, String number) {
        jdbc.sql("update report set doc_number = :n where id = :id")
                .param("n", number)
                .param("id", report.value())
                .update();
    }

    // ---- history ---------------------------------------------------------------------------

    public void history(
            ReportId report, Instant at, String actor, String action, String comment, Map<String, Long> figures) {
        jdbc.sql("""
                        insert into report_history (report_id, at, actor, action, comment, figures)
                        values (:id, :at, :actor, :action, :comment, cast(:figures as jsonb))""")
                .param("id", report.value())
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("action", action)
                .param("comment", comment)
                .param("figures", figures == null ? null : json.writeValueAsString(figures))
                .update();
    }

    public List<HistoryEntry> history(ReportId report) {
        return jdbc.sql("select at, actor, action, comment from report_history where report_id = :id order by at, id")
                .param("id", report.value())
                .query((rs, n) -> new HistoryEntry(
                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    static ReportRow row(ResultSet rs, int n) throws SQLException {
        return new ReportRow(
                new ReportId(rs.getLong(1)),
                new PeriodId(rs.getLong(2)),
                rs.getString(3),
                rs.getString(4),
                ReportLevel.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                ReportStatus.valueOf(rs.getString(8)),
                rs.getString(9),
                instant(rs, 10),
                instant(rs, 11),
                rs.getString(12),
                instant(rs, 13),
                rs.getString(14),
                rs.getString(15),
                rs.getLong(16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
