package vn.chungtay.child;

/** What a guardian consented to: processing the record at all, anonymous mention to donors, photos. */
public enum ConsentPurpose {
    PROCESSING,
    ANONYMOUS_MENTION,
    PHOTOS
}
