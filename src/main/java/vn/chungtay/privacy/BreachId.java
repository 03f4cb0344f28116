package vn.chungtay.privacy;

/** The identity of a breach record. */
public record BreachId(long value) {
    public BreachId {
        if (value <= 0) {
            throw new IllegalArgumentException("A breach id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
