package vn.chungtay.outreach;

import java.util.Map;

/** A photo was removed from an activity. */
public record PhotoRemoved(
        ActivityId activityId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements OutreachChange {

    public PhotoRemoved {
        before = OutreachChange.state(before);
        after = OutreachChange.state(after);
    }

    @Override
    public String action() {
        return "PHOTO_REMOVE";
    }
}
