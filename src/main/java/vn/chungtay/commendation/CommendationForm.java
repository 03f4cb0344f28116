package vn.chungtay.commendation;

/** The forms of commendation, lowest first: a letter of thanks, a certificate (giấy khen), a certificate of merit (bằng khen). */
public enum CommendationForm {
    THU_CAM_ON,
    GIAY_KHEN,
    BANG_KHEN;

    /** Whether this form ranks above another (a donor gets the highest form a rule grants). */
    public boolean ranksAbove(CommendationForm other) {
        return ordinal() > other.ordinal();
    }
}
