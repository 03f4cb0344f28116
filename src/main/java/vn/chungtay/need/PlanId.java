package vn.chungtay.need;

/** The identity of a commune's yearly plan. */
public record PlanId(long value) {
    public PlanId {
        if (value <= 0) {
            throw new IllegalArgumentException("A plan id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
