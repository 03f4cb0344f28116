package vn.chungtay.reporting;

import java.util.Map;

/** The level above reopened an accepted report, with a reason. */
public record ReportReopened(ReportId reportId, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements ReportChange {

    public ReportReopened {
        before = ReportChange.state(before);
        after = ReportChange.state(after);
    }

    @Override
    public String action() {
        return "REOPEN";
    }
}
