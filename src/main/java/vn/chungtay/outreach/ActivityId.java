package vn.chungtay.outreach;

/** The identity of an outreach activity. */
public record ActivityId(long value) {
    public ActivityId {
        if (value <= 0) {
            throw new IllegalArgumentException("An activity id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
