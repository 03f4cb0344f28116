package vn.chungtay.privacy;

/** RECEIVED → IN_PROGRESS → DONE or REFUSED (with a reason). */
public enum RequestStatus {
    RECEIVED,
    IN_PROGRESS,
    DONE,
    REFUSED;

    public boolean open() {
        return this == RECEIVED || this == IN_PROGRESS;
    }
}
