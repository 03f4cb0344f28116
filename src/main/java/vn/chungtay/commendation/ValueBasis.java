package vn.chungtay.commendation;

/** What a threshold counts: the value that reached the children (delivered), or what was received. */
public enum ValueBasis {
    DELIVERED,
    RECEIVED
}
