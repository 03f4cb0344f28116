package vn.chungtay.reporting;

import java.util.Map;

/** A unit sent its report to the level above (figures snapshotted). */
public record ReportSubmitted(ReportId reportId, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements ReportChange {

    public ReportSubmitted {
        before = ReportChange.state(before);
        after = ReportChange.state(after);
    }

    @Override
    public String action() {
        return "SUBMIT";
    }
}
