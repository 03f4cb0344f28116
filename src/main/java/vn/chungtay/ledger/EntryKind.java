package vn.chungtay.ledger;

/** What a ledger entry records. */
public enum EntryKind {
    /** A gift received from a donor into the receiving unit's pool. */
    RECEIPT,
    /** Money or items from a unit's pool to a need, a commune or a category. */
    ALLOCATION,
    /** Money or items from one unit's pool to another's (between levels). */
    TRANSFER,
    /** Money or items handed over to the children of an allocation. */
    DELIVERY,
    /** The exact opposite of an earlier entry, with a reason (corrections never edit). */
    REVERSAL
}
