package vn.chungtay.supervision;

/** The identity of a supervision plan. */
public record PlanId(long value) {
    public PlanId {
        if (value <= 0) {
            throw new IllegalArgumentException("An id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
