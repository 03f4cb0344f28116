package vn.chungtay.supervision;

import java.util.Map;

/** A unit's contact address for recommendations was set. */
public record UnitContactChanged(
        String entityId, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements SupervisionChange {

    public UnitContactChanged {
        before = SupervisionChange.state(before);
        after = SupervisionChange.state(after);
    }

    @Override
    public String action() {
        return "UPDATE";
    }

    @Override
    public String entityType() {
        return "SupervisionUnitContact";
    }
}
