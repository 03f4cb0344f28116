package vn.chungtay.supervision;

/** The identity of a recommendation. */
public record RecommendationId(long value) {
    public RecommendationId {
        if (value <= 0) {
            throw new IllegalArgumentException("An id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
