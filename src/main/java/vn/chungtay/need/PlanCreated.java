package vn.chungtay.need;

import java.util.Map;

/** A commune opened its plan for a year. */
public record PlanCreated(PlanId planId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements PlanChange {

    public PlanCreated {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "CREATE";
    }
}
