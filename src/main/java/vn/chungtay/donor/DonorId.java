package vn.chungtay.donor;

/** The identity of a donor. */
public record DonorId(long value) {
    public DonorId {
        if (value <= 0) {
            throw new IllegalArgumentException("A donor id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
