package vn.chungtay.commendation;

/** The level that proposes: a commune proposes to its province, a province to the central committee. */
public enum ProposingLevel {
    COMMUNE,
    PROVINCE
}
