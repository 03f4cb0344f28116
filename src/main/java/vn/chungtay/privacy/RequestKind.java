package vn.chungtay.privacy;

/** What a guardian asks for about a child's data. */
public enum RequestKind {
    /** A copy of the child's record as the guardian receives it. */
    ACCESS,
    /** A correction of wrong data (made on the child's record). */
    CORRECTION,
    /** Erasure of the personal data (honoured through the child registry). */
    DELETION,
    /** An objection to processing: consent is withdrawn, the record is used for nothing more. */
    OBJECTION
}
