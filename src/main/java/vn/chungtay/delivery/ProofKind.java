package vn.chungtay.delivery;

/** What the confirmation shows: the list the recipients signed, or the guardian's signature or thumbprint. */
public enum ProofKind {
    SIGNED_LIST,
    GUARDIAN_SIGNATURE
}
