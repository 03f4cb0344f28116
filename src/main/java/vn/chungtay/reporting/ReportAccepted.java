package vn.chungtay.reporting;

import java.util.Map;

/** The level above accepted a report; it is locked. */
public record ReportAccepted(ReportId reportId, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements ReportChange {

    public ReportAccepted {
        before = ReportChange.state(before);
        after = ReportChange.state(after);
    }

    @Override
    public String action() {
        return "ACCEPT";
    }
}
