package vn.chungtay.donor;

import java.time.LocalDate;

/**
 * Everything an officer (or an API client) records about a donor. {@code domestic} null means
 * domestic unless a foreign {@code country} (ISO 3166 alpha-2) is given; {@code listConsentOn} is
 * the day the donor agreed to be listed by name (today when left empty).
 */
public record DonorForm(
        DonorKind kind,
        String name,
        Boolean domestic,
        String country,
        String phone,
        String email,
        String address,
        String taxCode,
        Boolean anonymous,
        Boolean listConsent,
        LocalDate listConsentOn) {

    public static DonorForm empty() {
        return new DonorForm(DonorKind.INDIVIDUAL, "", true, "VN", "", "", "", "", false, false, null);
    }

    public static DonorForm of(NewDonor donor) {
        return new DonorForm(
                donor.kind(),
                donor.name(),
                donor.domestic(),
                donor.country(),
                donor.phone(),
                donor.email(),
                null,
                donor.taxCode(),
                donor.anonymous(),
                donor.listConsent(),
                null);
    }

    public static DonorForm of(DonorDetails donor) {
        DonorView v = donor.donor();
        return new DonorForm(
                v.kind(),
                v.name(),
                v.domestic(),
                v.country(),
                v.phone() == null ? "" : v.phone(),
                v.email() == null ? "" : v.email(),
                donor.address() == null ? "" : donor.address(),
                v.taxCode() == null ? "" : v.taxCode(),
                v.anonymous(),
                v.listConsent(),
                donor.listConsentOn());
    }

    public boolean isAnonymous() {
        return Boolean.TRUE.equals(anonymous);
    }

    public boolean isListConsent() {
        return Boolean.TRUE.equals(listConsent);
    }
}
