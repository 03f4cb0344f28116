package vn.chungtay.donor;

/** What following a sign-up link did. */
public enum SignUpOutcome {
    /** The account was created, linked to the donor record: the donor can sign in. */
    CREATED,
    /** An account with this e-mail already existed; nothing new was created. */
    ALREADY_REGISTERED,
    /** The link was followed before. */
    USED,
    /** The link is older than 48 hours. */
    EXPIRED,
    /** No such link. */
    INVALID
}
