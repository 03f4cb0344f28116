package vn.chungtay.need;

import java.util.Map;

/** The support of a funded need reached the children. */
public record NeedDelivered(NeedId needId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements NeedChange {

    public NeedDelivered {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "DELIVER";
    }
}
