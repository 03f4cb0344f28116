package vn.chungtay.supervision;

import java.util.Map;

/** A supervision plan was made (recorded under the supervising unit). */
public record PlanCreated(String entityId, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements SupervisionChange {

    public PlanCreated {
        before = SupervisionChange.state(before);
        after = SupervisionChange.state(after);
    }

    @Override
    public String action() {
        return "CREATE";
    }

    @Override
    public String entityType() {
        return "SupervisionPlan";
    }
}
