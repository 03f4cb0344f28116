package vn.chungtay.donor.web;

import vn.chungtay.donor.DonorDetails;
import vn.chungtay.donor.DonorView;

/** A donor in the API: its data, how it appears in public, and the donor it was merged into (if any). */
record DonorJson(
        long id,
        String kind,
        String name,
        boolean domestic,
        String country,
        String phone,
        String email,
        String address,
        String taxCode,
        boolean anonymous,
        boolean listConsent,
        String listConsentOn,
        String publicName,
        Long mergedInto,
        String registeredUnitCode) {

    static DonorJson of(DonorDetails details) {
        DonorView v = details.donor();
        return new DonorJson(
                v.id().value(),
                v.kind().name(),
                v.name(),
                v.domestic(),
                v.country(),
                v.phone(),
                v.email(),
                details.address(),
                v.taxCode(),
                v.anonymous(),
                v.listConsent(),
                details.listConsentOn() == null ? null : details.listConsentOn().toString(),
                v.publicName(),
                v.mergedInto() == null ? null : v.mergedInto().value(),
                details.registeredUnitCode());
    }
}
