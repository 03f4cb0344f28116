package vn.chungtay.supervision;

import java.util.Map;

/** The responsible unit recorded a follow-up step of a recommendation. */
public record FollowUpRecorded(String entityId, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements SupervisionChange {

    public FollowUpRecorded {
        before = SupervisionChange.state(before);
        after = SupervisionChange.state(after);
    }

    @Override
    public String action() {
        return "FOLLOW_UP";
    }

    @Override
    public String entityType() {
        return "SupervisionRecommendation";
    }
}
