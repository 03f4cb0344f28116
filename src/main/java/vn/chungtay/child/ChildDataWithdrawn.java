package vn.chungtay.child;

/**
 * A child's data may no longer be used: consent was withdrawn, or the personal data was erased
 * on request. Modules holding references drop every child-level mention at once.
 */
public record ChildDataWithdrawn(ChildId childId, boolean erased) {}
