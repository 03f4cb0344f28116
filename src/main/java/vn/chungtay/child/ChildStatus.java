package vn.chungtay.child;

/**
 * DRAFT: the required consent is missing, seen only by the commune's officers and used for
 * nothing; ACTIVE: consented; WITHDRAWN: consent withdrawn, no longer used; ERASED: personal
 * fields erased on request, only anonymous counts remain.
 */
public enum ChildStatus {
    DRAFT,
    ACTIVE,
    WITHDRAWN,
    ERASED
}
