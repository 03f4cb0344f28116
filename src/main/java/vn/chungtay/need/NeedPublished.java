package vn.chungtay.need;

import java.util.Map;

/** An approved need was published: donors and the public see it. */
public record NeedPublished(NeedId needId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements NeedChange {

    public NeedPublished {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "PUBLISH";
    }
}
