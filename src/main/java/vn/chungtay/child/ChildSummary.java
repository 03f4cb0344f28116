package vn.chungtay.child;

/**
 * A line of the children list. {@code fullName} is null for people who must give a reason before
 * reading a record (supervisors) and for erased records; they see the public code.
 */
public record ChildSummary(
        long id,
        String publicCode,
        ChildStatus status,
        String fullName,
        int ageYears,
        Sex sex,
        String ethnicGroupName,
        String villageCode,
        String villageName,
        boolean turning16,
        boolean childConsentNeeded) {

    public boolean draft() {
        return status == ChildStatus.DRAFT;
    }
}
