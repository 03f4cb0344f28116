package vn.chungtay.need;

/** The identity of a need. */
public record NeedId(long value) {
    public NeedId {
        if (value <= 0) {
            throw new IllegalArgumentException("A need id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
