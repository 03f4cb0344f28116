package vn.chungtay.outreach;

import java.util.Map;

/** An outreach activity was recorded. */
public record ActivityRecorded(
        ActivityId activityId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements OutreachChange {

    public ActivityRecorded {
        before = OutreachChange.state(before);
        after = OutreachChange.state(after);
    }

    @Override
    public String action() {
        return "CREATE";
    }
}
