package vn.chungtay.delivery;

/** A delivery's file: the recipients' confirmation, or another photo of the handing over. */
public enum FileKind {
    PROOF,
    PHOTO
}
