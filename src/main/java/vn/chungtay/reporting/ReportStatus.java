package vn.chungtay.reporting;

/** Draft → Submitted → Accepted, or Returned with comments → resubmitted → Accepted (then locked). */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    ACCEPTED;

    /** The unit may still write in it (a draft, or a report sent back). */
    public boolean isEditable() {
        return this == DRAFT || this == RETURNED;
    }
}
