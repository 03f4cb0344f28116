package vn.chungtay.need;

/** Whom a need serves: one child (by id only), a village, a school, or a whole commune. */
public enum NeedTarget {
    CHILD,
    VILLAGE,
    SCHOOL,
    COMMUNE
}
