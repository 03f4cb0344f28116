package vn.chungtay.reporting;

import java.util.Map;

/** A unit's report for a period was opened as a draft. */
public record ReportOpened(ReportId reportId, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements ReportChange {

    public ReportOpened {
        before = ReportChange.state(before);
        after = ReportChange.state(after);
    }

    @Override
    public String action() {
        return "CREATE";
    }
}
