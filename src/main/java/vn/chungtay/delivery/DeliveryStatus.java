package vn.chungtay.delivery;

/**
 * AWAITING_PROOF: recorded (the money left the ledger) but the recipients' confirmation is not yet
 * attached, so the need is not yet delivered; CONFIRMED: the proof is attached.
 */
public enum DeliveryStatus {
    AWAITING_PROOF,
    CONFIRMED
}
