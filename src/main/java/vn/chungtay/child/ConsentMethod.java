package vn.chungtay.child;

/** How a consent was given. Silence is never consent, so there is no implied method. */
public enum ConsentMethod {
    WRITTEN,
    VERBAL_WITNESSED,
    ELECTRONIC,
    THUMBPRINT
}
