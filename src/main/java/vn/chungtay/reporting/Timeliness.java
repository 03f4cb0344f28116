package vn.chungtay.reporting;

/** Whether a unit submitted by the due date (its first submission counts), after it, or not yet. */
public enum Timeliness {
    ON_TIME,
    LATE,
    NOT_YET
}
