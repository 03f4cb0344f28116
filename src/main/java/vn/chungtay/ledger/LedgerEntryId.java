package vn.chungtay.ledger;

/** The identity of one ledger entry. */
public record LedgerEntryId(long value) {
    public LedgerEntryId {
        if (value <= 0) {
            throw new IllegalArgumentException("A ledger entry id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
