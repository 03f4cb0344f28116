package vn.chungtay.donor;

/** The answer to registering a donor: the donor, and whether it is new or an existing one reused. */
public record Registration(DonorView donor, boolean created) {}
