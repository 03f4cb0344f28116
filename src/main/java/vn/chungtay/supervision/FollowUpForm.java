package vn.chungtay.supervision;

/** A follow-up step as typed by the responsible unit: IN_PROGRESS or DONE (or OPEN again) and what was done. */
public record FollowUpForm(String status, String note) {}
