package vn.chungtay.donor;

/**
 * A donor as first recorded (by an officer, an imported statement line or the donor's own
 * sign-up). Null {@code domestic} means domestic; {@code country} is an ISO 3166 alpha-2 code for
 * foreign donors; {@code anonymous} asks to appear as "Nhà hảo tâm"; {@code listConsent} allows
 * the name in public lists.
 */
public record NewDonor(
        String name,
        DonorKind kind,
        Boolean domestic,
        String country,
        String phone,
        String email,
        String taxCode,
        Boolean anonymous,
        Boolean listConsent) {

    public static NewDonor individual(String name) {
        return new NewDonor(name, DonorKind.INDIVIDUAL, true, "VN", null, null, null, false, false);
    }
}
