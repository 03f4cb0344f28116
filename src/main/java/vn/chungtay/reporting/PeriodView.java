package vn.chungtay.reporting;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A reporting period of a programme: its dates (both included), whose units report ({@code
 * scopeCode}, null for the whole country), the due date of each reporting level and the days data
 * entry stays open after it.
 */
public record PeriodView(
        PeriodId id,
        TemplateView template,
        String code,
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        String scopeCode,
        int closingDays,
        Map<ReportLevel, LocalDate> deadlines) {

    public PeriodView {
        deadlines = Map.copyOf(deadlines);
    }

    public Optional<LocalDate> dueOn(ReportLevel level) {
        return Optional.ofNullable(deadlines.get(level));
    }

    /** The last day data entry is open for a level (per-unit extensions aside). */
    public Optional<LocalDate> closesOn(ReportLevel level) {
        return dueOn(level).map(d -> d.plusDays(closingDays));
    }

    /** Whether the level reports in this period. */
    public boolean reports(ReportLevel level) {
        return deadlines.containsKey(level);
    }

    /** The lowest level that reports: its reports are the ones figures are summed over. */
    public ReportLevel lowestLevel() {
        return deadlines.containsKey(ReportLevel.COMMUNE)
                ? ReportLevel.COMMUNE
                : deadlines.containsKey(ReportLevel.DISTRICT) ? ReportLevel.DISTRICT : ReportLevel.PROVINCE;
    }

    public String programmeCode() {
        return template.programmeCode();
    }
}
