package vn.chungtay.need;

import java.util.Map;

/** The province approved a need. */
public record NeedApproved(NeedId needId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements NeedChange {

    public NeedApproved {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "APPROVE";
    }
}
