package vn.chungtay.need;

/** A commune's yearly plan: drafted, submitted to the province, approved or returned with comments. */
public enum PlanStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    RETURNED
}
