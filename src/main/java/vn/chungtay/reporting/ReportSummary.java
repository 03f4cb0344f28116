package vn.chungtay.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report in a list (without figures): whose, which period, where it stands. {@code id} is null
 * for a unit that has not opened its report yet.
 */
public record ReportSummary(
        ReportId id,
        PeriodId periodId,
        String periodCode,
        String periodName,
        String programmeCode,
        String unitCode,
        String unitName,
        ReportLevel level,
        String receiverCode,
        String receiverName,
        ReportStatus status,
        Instant firstSubmittedAt,
        Instant submittedAt,
        Timeliness timeliness,
        LocalDate dueOn,
        String comment) {

    public boolean isOpened() {
        return id != null;
    }
}
