package vn.chungtay.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A unit's report for a period. While editable its figures are computed live from the records;
 * from submission on they are the snapshot taken then. {@code narrative} holds the template's
 * sections in order.
 */
public record ReportView(
        ReportId id,
        PeriodView period,
        String unitCode,
        String unitName,
        ReportLevel level,
        String receiverCode,
        String receiverName,
        ReportStatus status,
        List<FigureView> figures,
        Map<String, String> narrative,
        String number,
        Instant firstSubmittedAt,
        Instant submittedAt,
        String submittedBy,
        Instant decidedAt,
        String decidedBy,
        String comment,
        Timeliness timeliness,
        LocalDate dueOn,
        LocalDate closesOn,
        long version) {

    public ReportView {
        figures = List.copyOf(figures);
        narrative = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(narrative));
    }

    public Optional<FigureView> figure(String code) {
        return figures.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    /** The stated value of an indicator, zero when the report does not have it. */
    public long value(String code) {
        return figure(code).map(FigureView::value).orElse(0L);
    }

    public boolean isLocked() {
        return status == ReportStatus.ACCEPTED;
    }
}
