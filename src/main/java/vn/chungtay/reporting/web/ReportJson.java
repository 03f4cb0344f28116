package vn.chungtay.reporting.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import vn.chungtay.reporting.ConsolidatedReport;
import vn.chungtay.reporting.FigureView;
import vn.chungtay.reporting.IndicatorDefinition;
import vn.chungtay.reporting.PeriodView;
import vn.chungtay.reporting.ReportSummary;
import vn.chungtay.reporting.ReportView;

/** The API's JSON shapes for reports. */
final class ReportJson {

    private ReportJson() {}

    record Period(long id, String programme, String code, String name, LocalDate startsOn, LocalDate endsOn) {
        static Period of(PeriodView p) {
            return new Period(p.id().value(), p.programmeCode(), p.code(), p.name(), p.startsOn(), p.endsOn());
        }
    }

    record Figure(
            String code,
            String label,
            String unit,
            String group,
            boolean summable,
            boolean provided,
            long computed,
            Long adjusted,
            String note,
            long value) {}

    record Report(
            long id,
            Period period,
            String unitCode,
            String unitName,
            String level,
            String receiverCode,
            String receiverName,
            String status,
            String timeliness,
            LocalDate dueOn,
            LocalDate closesOn,
            Instant firstSubmittedAt,
            Instant submittedAt,
            String submittedBy,
            Instant decidedAt,
            String decidedBy,
            String comment,
            String number,
            List<Figure> figures,
            Map<String, String> narrative) {}

    record Summary(
            Long id,
            long periodId,
            String periodCode,
            String programme,
            String unitCode,
            String unitName,
            String level,
            String receiverCode,
            String status,
            String timeliness,
            LocalDate dueOn,
            Instant submittedAt) {
        static Summary of(ReportSummary s) {
            return new Summary(
                    s.id() == null ? null : s.id().value(),
                    s.periodId().value(),
                    s.periodCode(),
                    s.programmeCode(),
                    s.unitCode(),
                    s.unitName(),
                    s.level().name(),
                    s.receiverCode(),
                    s.status() == null ? null : s.status().name(),
                    s.timeliness().name(),
                    s.dueOn(),
                    s.submittedAt());
        }
    }

    record Indicator(String code, String label, String unit, boolean summable) {}

    record Completeness(int expected, int submitted, int accepted, int onTime, int late, int notYet) {
        static Completeness of(ConsolidatedReport.Completeness c) {
            return new Completeness(c.expected(), c.submitted(), c.accepted(), c.onTime(), c.late(), c.notYet());
        }
    }

    record Row(
            String code,
            String name,
            String currentCode,
            String currentName,
            Long reportId,
            String status,
            String timeliness,
            Instant submittedAt,
            boolean counted,
            boolean partial,
            Map<String, Long> figures,
            Completeness completeness) {}

    record Narrative(String unitCode, String unitName, String section, String text) {}

    record Consolidated(
            Period period,
            String unitCode,
            String unitName,
            boolean acrossReform,
            List<Indicator> indicators,
            Map<String, Long> totals,
            Completeness completeness,
            List<Row> rows,
            List<Narrative> narratives) {}

    static String label(MessageSource messages, IndicatorDefinition d, Locale locale) {
        return messages.getMessage(d.labelKey(), new Object[] {d.code()}, d.code(), locale);
    }

    static Report of(ReportView r, MessageSource messages, Locale locale) {
        return new Report(
                r.id().value(),
                Period.of(r.period()),
                r.unitCode(),
                r.unitName(),
                r.level().name(),
                r.receiverCode(),
                r.receiverName(),
                r.status().name(),
                r.timeliness().name(),
                r.dueOn(),
                r.closesOn(),
                r.firstSubmittedAt(),
                r.submittedAt(),
                r.submittedBy(),
                r.decidedAt(),
                r.decidedBy(),
                r.comment(),
                r.number(),
                r.figures().stream().map(f -> figure(f, messages, locale)).toList(),
                r.narrative());
    }

    static Figure figure(FigureView f, MessageSource messages, Locale locale) {
        IndicatorDefinition d = f.definition();
        return new Figure(
                d.code(),
                label(messages, d, locale),
                d.unit().name(),
                d.groupKey(),
                d.summable(),
                f.provided(),
                f.computed(),
                f.adjusted(),
                f.note(),
                f.value());
    }

    static Consolidated of(ConsolidatedReport c, MessageSource messages, Locale locale) {
        return new Consolidated(
                Period.of(c.period()),
                c.unitCode(),
                c.unitName(),
                c.acrossReform(),
                c.indicators().stream()
                        .map(d -> new Indicator(
                                d.code(), label(messages, d, locale), d.unit().name(), d.summable()))
                        .toList(),
                c.totals(),
                Completeness.of(c.completeness()),
                c.rows().stream()
                        .map(r -> new Row(
                                r.code(),
                                r.name(),
                                r.placeCode(),
                                r.placeName(),
                                r.reportId() == null ? null : r.reportId().value(),
                                r.status() == null ? null : r.status().name(),
                                r.timeliness() == null ? null : r.timeliness().name(),
                                r.submittedAt(),
                                r.counted(),
                                r.partial(),
                                r.figures(),
                                Completeness.of(r.completeness())))
                        .toList(),
                c.narratives().stream()
                        .map(n -> new Narrative(n.unitCode(), n.unitName(), n.section(), n.text()))
                        .toList());
    }
}
