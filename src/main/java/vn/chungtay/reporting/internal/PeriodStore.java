package vn.chungtay.reporting.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.reporting.PeriodId;
import vn.chungtay.reporting.PeriodView;
import vn.chungtay.reporting.ReportLevel;
import vn.chungtay.reporting.TemplateView;

/** Templates, periods with their deadlines, and per-unit extensions, in SQL. */
@Component
public class PeriodStore {

    private static final String PERIOD_COLUMNS =
            "p.id, p.template_id, p.code, p.name, p.starts_on, p.ends_on," + " p.scope_code, p.closing_days";

    private final JdbcClient jdbc;

    PeriodStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- templates -------------------------------------------------------------------------

    public List<TemplateView> templates() {
        return jdbc.sql("select id, programme_code, title, indicator_codes, sections from report_template order by id")
                .query(PeriodStore::template)
                .list();
    }

    public Optional<TemplateView> template(long id) {
        return jdbc.sql(
                        "select id, programme_code, title, indicator_codes, sections from report_template where id = :id")
                .param("id", id)
                .query(PeriodStore::template)
                .optional();
    }

    public Optional<TemplateView> templateOf(String programmeCode) {
        return jdbc.sql("select id, programme_code, title, indicator_codes, sections from report_template"
                        + " where programme_code = :code")
                .param("code", programmeCode)
                .query(PeriodStore::template)
                .optional();
    }

    public long insertTemplate(String programme, String title, List<String> codes, List<String> sections, String by) {
        return jdbc.sql("""
                        insert into report_template (programme_code, title, indicator_codes, sections, created_by)
                        values (:programme, :title, :codes, :sections, :by) returning id""")
                .param("programme", programme)
                .param("title", title)
                .param("codes", codes.toArray(String[]::new))
                .param("sections", sections.toArray(String[]::new))
                .param("by", by)
                .query(Long.class)
                .single();
    }

    public void updateTemplate(long id, String title, List<String> codes, List<String> sections) {
        jdbc.sql("update report_template set title = :title, indicator_codes = :codes, sections = :sections"
                        + " where id = :id")
                .param("id", id)
                .param("title", title)
                .param("codes", codes.toArray(String[]::new))
                .param("sections", sections.toArray(String[]::new))
                .update();
    }

    // ---- periods ---------------------------------------------------------------------------

    /** Every period, the latest end first. */
    public List<PeriodView> periods() {
        return periods(
                "select " + PERIOD_COLUMNS + " from report_period p order by p.ends_on desc, p.id desc", Map.of());
    }

    public Optional<PeriodView> period(PeriodId id) {
        return periods("select " + PERIOD_COLUMNS + " from report_period p where p.id = :id", Map.of("id", id.value()))
                .stream()
                .findFirst();
    }

    public Optional<PeriodView> period(long templateId, String code) {
        return periods(
                        "select " + PERIOD_COLUMNS
                                + " from report_period p where p.template_id = :t and p.code = :code",
                        Map.of("t", templateId, "code", code))
                .stream()
                .findFirst();
    }

    /**
     * Periods with a deadline at most {@code daysAhead} days after {@code day} whose data entry is
     * still open on {@code day}: the ones reminders are about.
     */
    public List<PeriodView> periodsDueAround(LocalDate day, int daysAhead) {
        return periods(
                "select " + PERIOD_COLUMNS + " from report_period p where exists (select 1 from report_deadline d"
                        + " where d.period_id = p.id and d.due_on <= :ahead and d.due_on + p.closing_days >= :day)"
                        + " order by p.id",
                Map.of("day", day, "ahead", day.plusDays(daysAhead)));
    }

    public PeriodId insertPeriod(
            long templateId,
            String code,
            String name,
            LocalDate starts,
            LocalDate ends,
            String scope,
            int closingDays,
            Map<ReportLevel, LocalDate> deadlines,
            String by) {
        long id = jdbc.sql("""
                        insert into report_period (template_id, code, name, starts_on, ends_on, scope_code, closing_days,
                                                   created_by)
                        values (:t, :code, :name, :starts, :ends, :scope, :closing, :by) returning id""")
                .param("t", templateId)
                .param("code", code)
                .param("name", name)
                .param("starts", starts)
                .param("ends", ends)
                .param("scope", scope)
                .param("closing", closingDays)
                .param("by", by)
                .query(Long.class)
                .single();
        deadlines.forEach((level, due) -> jdbc.sql(
                        "insert into report_deadline (period_id, level, due_on) values (:p, :level, :due)")
                .param("p", id)
                .param("level", level.name())
                .param("due", due)
                .update());
        return new PeriodId(id);
    }

    private List<PeriodView> periods(String sql, Map<String, ?> params) {
        record Row(
                long id,
                long templateId,
                String code,
                String name,
                LocalDate starts,
                LocalDate ends,
                String scope,
                int closing) {}
        List<Row> rows = jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class),
                        rs.getString(7),
                        rs.getInt(8)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<ReportLevel, LocalDate>> deadlines = new HashMap<>();
        jdbc.sql("select period_id, level, due_on from report_deadline where period_id = any(:ids)")
                .param("ids", rows.stream().map(Row::id).toArray(Long[]::new))
                .query((rs, n) -> deadlines
                        .computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(ReportLevel.class))
                        .put(ReportLevel.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)))
                .list();
        Map<Long, TemplateView> templates = new HashMap<>();
        templates().forEach(t -> templates.put(t.id(), t));
        List<PeriodView> periods = new ArrayList<>();
        for (Row row : rows) {
            periods.add(new PeriodView(
                    new PeriodId(row.id()),
                    templates.get(row.templateId()),
                    row.code(),
                    row.name(),
                    row.starts(),
                    row.ends(),
                    row.scope(),
                    row.closing(),
                    deadlines.getOrDefault(row.id(), Map.of())));
        }
        return periods;
    }

    // ---- extensions ------------------------------------------------------------------------

    public Optional<LocalDate> extension(PeriodId period, String unitCode) {
        return jdbc.sql("select closes_on from report_extension where period_id = :p and unit_code = :u")
                .param("p", period.value())
                .param("u", unitCode)
                .query(LocalDate.class)
                .optional();
    }

    public void putExtension(PeriodId period, String unitCode, LocalDate closesOn, String reason, String by) {
        jdbc.sql("""
                        insert into report_extension (period_id, unit_code, closes_on, reason, granted_by)
                        values (:p, :u, :closes, :reason, :by)
                        on conflict (period_id, unit_code) do update
                        set closes_on = excluded.closes_on, reason = excluded.reason, granted_by = excluded.granted_by,
                            granted_at = now()""")
                .param("p", period.value())
                .param("u", unitCode)
                .param("closes", closesOn)
                .param("reason", reason)
                .param("by", by)
                .update();
    }

    static TemplateView template(ResultSet rs, int n) throws SQLException {
        return new TemplateView(
                rs.getLong(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4)), strings(rs.getArray(5)));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
