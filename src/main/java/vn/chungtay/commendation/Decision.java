package vn.chungtay.commendation;

/** The higher level's answer for one candidate. */
public enum Decision {
    PENDING,
    APPROVED,
    REJECTED
}
