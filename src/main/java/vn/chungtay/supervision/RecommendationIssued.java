package vn.chungtay.supervision;

import java.util.Map;

/** A recommendation was issued to a responsible unit (recorded under that unit). */
public record RecommendationIssued(
        String entityId, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements SupervisionChange {

    public RecommendationIssued {
        before = SupervisionChange.state(before);
        after = SupervisionChange.state(after);
    }

    @Override
    public String action() {
        return "CREATE";
    }

    @Override
    public String entityType() {
        return "SupervisionRecommendation";
    }
}
