package vn.chungtay.outreach;

/** What an activity was about; an activity has one or more topics. */
public enum Topic {
    CARE,
    EDUCATION,
    PROTECTION,
    ABUSE_PREVENTION,
    NUTRITION,
    OTHER
}
