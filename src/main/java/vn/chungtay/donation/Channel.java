package vn.chungtay.donation;

/** How a gift arrived. */
public enum Channel {
    CASH,
    BANK_TRANSFER,
    IN_KIND,
    OTHER;

    /** Whether the gift is goods (with items and estimated values) rather than money. */
    public boolean inKind() {
        return this == IN_KIND;
    }
}
