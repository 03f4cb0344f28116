package vn.chungtay.privacy;

/** How a request reached the committee. */
public enum RequestChannel {
    IN_PERSON,
    PAPER,
    PHONE,
    EMAIL,
    ONLINE
}
