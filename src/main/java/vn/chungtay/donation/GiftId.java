package vn.chungtay.donation;

/** The identity of a gift. */
public record GiftId(long value) {
    public GiftId {
        if (value <= 0) {
            throw new IllegalArgumentException("A gift id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
