package vn.chungtay.need;

import java.util.Map;

/** A draft need was edited. */
public record NeedUpdated(NeedId needId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements NeedChange {

    public NeedUpdated {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "UPDATE";
    }
}
