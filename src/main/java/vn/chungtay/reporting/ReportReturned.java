package vn.chungtay.reporting;

import java.util.Map;

/** The level above sent a report back with comments. */
public record ReportReturned(ReportId reportId, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements ReportChange {

    public ReportReturned {
        before = ReportChange.state(before);
        after = ReportChange.state(after);
    }

    @Override
    public String action() {
        return "RETURN";
    }
}
