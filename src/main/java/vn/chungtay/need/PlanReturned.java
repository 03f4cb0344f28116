package vn.chungtay.need;

import java.util.Map;

/** The province returned a commune's plan with comments. */
public record PlanReturned(PlanId planId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements PlanChange {

    public PlanReturned {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "RETURN";
    }
}
