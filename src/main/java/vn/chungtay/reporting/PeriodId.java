package vn.chungtay.reporting;

/** The identity of a reporting period. */
public record PeriodId(long value) {
    public PeriodId {
        if (value <= 0) {
            throw new IllegalArgumentException("A period id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
