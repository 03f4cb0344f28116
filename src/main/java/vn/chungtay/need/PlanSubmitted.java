package vn.chungtay.need;

import java.util.Map;

/** A commune submitted its yearly plan to the province. */
public record PlanSubmitted(PlanId planId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements PlanChange {

    public PlanSubmitted {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "SUBMIT";
    }
}
