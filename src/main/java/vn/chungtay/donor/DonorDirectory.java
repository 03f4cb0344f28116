package vn.chungtay.donor;

import java.util.Optional;
import java.util.Set;

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

    /**
     * The donor (after following merges) and every donor merged into it, directly or through
     * others: all the ids gifts of this one donor may carry.
     */
    Set<DonorId> identities(DonorId id);
}
