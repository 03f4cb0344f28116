package vn.chungtay.child;

/** Where a child is in school: not yet, mầm non, tiểu học, THCS, THPT, or out of school. */
public enum Schooling {
    NOT_YET,
    PRESCHOOL,
    PRIMARY,
    LOWER_SECONDARY,
    UPPER_SECONDARY,
    OUT_OF_SCHOOL
}
