package vn.chungtay.need;

import java.util.Map;

/** A need was recorded as a draft. */
public record NeedCreated(NeedId needId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements NeedChange {

    public NeedCreated {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "CREATE";
    }
}
