package vn.chungtay.donor;

/**
 * A donor as other modules see it. {@code publicName} is what public pages may show: the name
 * when the donor consented to be listed and is not anonymous, else the anonymous label's key
 * holder "Nhà hảo tâm". {@code mergedInto} is set on a donor merged into another.
 */
public record DonorView(
        DonorId id,
        DonorKind kind,
        String name,
        boolean domestic,
        String country,
        String phone,
        String email,
        String taxCode,
        boolean anonymous,
        boolean listConsent,
        String publicName,
        DonorId mergedInto) {}
