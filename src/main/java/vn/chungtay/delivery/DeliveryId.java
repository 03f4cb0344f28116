package vn.chungtay.delivery;

/** The identity of a delivery. */
public record DeliveryId(long value) {
    public DeliveryId {
        if (value <= 0) {
            throw new IllegalArgumentException("A delivery id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
