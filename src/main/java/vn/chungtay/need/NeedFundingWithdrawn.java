package vn.chungtay.need;

import java.util.Map;

/** Money recorded for a need was taken back (a reversed allocation in the ledger). */
public record NeedFundingWithdrawn(
        NeedId needId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements NeedChange {

    public NeedFundingWithdrawn {
        before = NeedChange.state(before);
        after = NeedChange.state(after);
    }

    @Override
    public String action() {
        return "UNFUND";
    }
}
