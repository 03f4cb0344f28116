package vn.chungtay.need;

import java.util.Map;

/** A draft need was submitted to the province for approval. */
public record NeedSubmitted(NeedId needId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements NeedChange {

    public NeedSubmitted {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "SUBMIT";
    }
}
