package vn.chungtay.reporting;

import java.util.Map;

/** The narrative, the number or an adjusted figure of a report was changed. */
public record ReportEdited(ReportId reportId, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements ReportChange {

    public ReportEdited {
        before = ReportChange.state(before);
        after = ReportChange.state(after);
    }

    @Override
    public String action() {
        return "UPDATE";
    }
}
