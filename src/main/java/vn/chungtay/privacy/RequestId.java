package vn.chungtay.privacy;

/** The identity of a data-subject request. */
public record RequestId(long value) {
    public RequestId {
        if (value <= 0) {
            throw new IllegalArgumentException("A request id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
