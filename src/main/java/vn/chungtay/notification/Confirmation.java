package vn.chungtay.notification;

/** What following a confirmation link did. */
public enum Confirmation {
    /** The subscription is now confirmed (or an equal one already was). */
    CONFIRMED,
    /** The link is older than seven days; the visitor subscribes again. */
    EXPIRED,
    /** No pending subscription has this token: unknown, or used already. */
    INVALID
}
