package vn.chungtay.need;

import java.util.Map;

/** A need was cancelled with a reason. */
public record NeedCancelled(NeedId needId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements NeedChange {

    public NeedCancelled {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "CANCEL";
    }
}
