package vn.chungtay.commendation;

/** A proposal is drafted by the lower level, submitted to the level above, and decided there. */
public enum ProposalStatus {
    DRAFT,
    SUBMITTED,
    DECIDED
}
