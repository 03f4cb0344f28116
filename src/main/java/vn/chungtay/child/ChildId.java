package vn.chungtay.child;

/** The identity of a child record. Other modules refer to children by this id only. */
public record ChildId(long value) {
    public ChildId {
        if (value <= 0) {
            throw new IllegalArgumentException("A child id is positive: " + value);
        }
    }
}
