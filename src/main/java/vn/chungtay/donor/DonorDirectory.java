package vn.chungtay.donor;

import java.util.Optional;

/** What other modules need from the donor register. */
public interface DonorDirectory {

    /** The donor, following merges to the surviving record. */
    DonorView get(DonorId id);

    Optional<DonorView> find(DonorId id);

    /**
     * The existing donor this describes (same folded name plus the same phone, e-mail or tax
     * code), or a new donor; used by officers' forms, the API and statement imports.
     */
    DonorView findOrRegister(NewDonor donor);
}
