package vn.chungtay.need;

import java.util.Map;

/** The child's data may no longer be used: the need shows no child details from now on. */
public record NeedChildDetailsWithdrawn(
        NeedId needId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements NeedChange {

    public NeedChildDetailsWithdrawn {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "WITHDRAW_CHILD";
    }
}
