package vn.chungtay.supervision;

import java.util.Map;

/** A visit and its findings were recorded (under the unit visited). */
public record VisitRecorded(String entityId, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements SupervisionChange {

    public VisitRecorded {
        before = SupervisionChange.state(before);
        after = SupervisionChange.state(after);
    }

    @Override
    public String action() {
        return "CREATE";
    }

    @Override
    public String entityType() {
        return "SupervisionVisit";
    }
}
