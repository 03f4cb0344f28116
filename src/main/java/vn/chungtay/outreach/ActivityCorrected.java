package vn.chungtay.outreach;

import java.util.Map;

/** An outreach activity was corrected; before and after show what changed. */
public record ActivityCorrected(
        ActivityId activityId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements OutreachChange {

    public ActivityCorrected {
        before = OutreachChange.state(before);
        after = OutreachChange.state(after);
    }

    @Override
    public String action() {
        return "UPDATE";
    }
}
