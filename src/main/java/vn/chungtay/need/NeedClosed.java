package vn.chungtay.need;

import java.util.Map;

/** A delivered need was closed. */
public record NeedClosed(NeedId needId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements NeedChange {

    public NeedClosed {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "CLOSE";
    }
}
