package vn.chungtay.reporting;

/** The identity of a report. */
public record ReportId(long value) {
    public ReportId {
        if (value <= 0) {
            throw new IllegalArgumentException("A report id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
