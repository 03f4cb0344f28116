package vn.chungtay.commendation;

/** Rules tell individuals from collectives (organisations, businesses, funds). */
public enum DonorGroup {
    INDIVIDUAL,
    COLLECTIVE
}
