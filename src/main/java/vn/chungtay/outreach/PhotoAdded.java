package vn.chungtay.outreach;

import java.util.Map;

/** A photo was added to an activity (its name, size and SHA-256; never its bytes). */
public record PhotoAdded(
        ActivityId activityId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements OutreachChange {

    public PhotoAdded {
        before = OutreachChange.state(before);
        after = OutreachChange.state(after);
    }

    @Override
    public String action() {
        return "PHOTO_ADD";
    }
}
