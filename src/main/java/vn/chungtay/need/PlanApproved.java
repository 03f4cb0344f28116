package vn.chungtay.need;

import java.util.Map;

/** The province approved a commune's plan; its submitted needs are approved with it. */
public record PlanApproved(PlanId planId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements PlanChange {

    public PlanApproved {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "APPROVE";
    }
}
