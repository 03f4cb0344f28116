package vn.chungtay.need;

import java.util.Map;

/** Money for a need was recorded (by the donation module); the need is partly funded or funded. */
public record NeedFundingRecorded(
        NeedId needId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements NeedChange {

    public NeedFundingRecorded {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "FUND";
    }
}
