package vn.chungtay.need;

/** How urgent a need is; the public list shows the most urgent first within a place. */
public enum Priority {
    HIGH,
    MEDIUM,
    LOW
}
