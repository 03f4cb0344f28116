package vn.chungtay.donor;

import java.util.Collection;
import java.util.Map;
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
     * The donors of bank-transfer senders that a statement names without any contact detail, found
     * with one query and registered (once, with one insert) when new: within the registering unit
     * (the actor's), the same folded name and the same sender account (or none) always give the same
     * donor, on every import; a sender that names nobody is the unit's anonymous transfer donor
     * ("Nhà hảo tâm"). Merges are followed to the surviving donor. Every sender given is a key of
     * the answer.
     */
    Map<TransferSender, DonorView> transferSenders(Collection<TransferSender> senders);

    /**
     * The donor (after following merges) and every donor merged into it, directly or through
     * others: all the ids gifts of this one donor may carry.
     */
    Set<DonorId> identities(DonorId id);
}
