package vn.chungtay.donor;

/** Who gives: a person, or a collective (organisation, business, fund). */
public enum DonorKind {
    INDIVIDUAL,
    ORGANISATION,
    BUSINESS,
    FUND;

    /** Commendations and reports count individuals apart from collectives. */
    public boolean collective() {
        return this != INDIVIDUAL;
    }
}
