package vn.chungtay.commendation;

/** Donors at home or abroad (letters to foreign donors are in English). */
public enum DonorOrigin {
    DOMESTIC,
    FOREIGN
}
