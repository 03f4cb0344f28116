package vn.chungtay.donor;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A donor as the officers' pages show it: the record itself (not followed to a survivor, so a
 * merged donor shows {@code mergedInto}), its address, when it agreed to be listed, and who
 * registered it where and when.
 */
public record DonorDetails(
        DonorView donor,
        String address,
        LocalDate listConsentOn,
        String registeredUnitCode,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public DonorId id() {
        return donor.id();
    }

    public boolean merged() {
        return donor.mergedInto() != null;
    }
}
