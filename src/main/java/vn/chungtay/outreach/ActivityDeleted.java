package vn.chungtay.outreach;

import java.util.Map;

/** An outreach activity was deleted with a reason (the row stays, left out of lists and figures). */
public record ActivityDeleted(
        ActivityId activityId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements OutreachChange {

    public ActivityDeleted {
        before = OutreachChange.state(before);
        after = OutreachChange.state(after);
    }

    @Override
    public String action() {
        return "DELETE";
    }
}
