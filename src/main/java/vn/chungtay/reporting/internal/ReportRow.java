package vn.chungtay.reporting.internal;

import java.time.Instant;
import vn.chungtay.reporting.PeriodId;
import vn.chungtay.reporting.ReportId;
import vn.chungtay.reporting.ReportLevel;
import vn.chungtay.reporting.ReportStatus;

/** A report's stored state (without figures and narrative). */
public record ReportRow(
        ReportId id,
        PeriodId periodId,
        String unitCode,
        String unitName,
        ReportLevel level,
        String receiverCode,
        String receiverName,
        ReportStatus status,
        String number,
        Instant firstSubmittedAt,
        Instant submittedAt,
        String submittedBy,
        Instant decidedAt,
        String decidedBy,
        String comment,
        long version) {

    ReportRow with(ReportStatus newStatus, String newComment) {
        return new ReportRow(
                id,
                periodId,
                unitCode,
                unitName,
                level,
                receiverCode,
                receiverName,
                newStatus,
                number,
                firstSubmittedAt,
                submittedAt,
                submittedBy,
                decidedAt,
                decidedBy,
                newComment,
                version);
    }
}
