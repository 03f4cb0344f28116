package vn.chungtay.child;

import java.util.Optional;
import vn.chungtay.shared.security.Actor;

/** What other modules (needs, donations, reports) may ask about a child. */
public interface ChildDirectory {

    /**
     * The anonymous profile of an active child whose guardian consented to anonymous mention;
     * empty for drafts, withdrawn or erased records and unknown ids.
     */
    Optional<AnonymousChild> anonymousProfile(ChildId id);

    /** Whether the actor's scope and role allow linking records (e.g. a need) to this active child. */
    boolean canUse(Actor actor, ChildId id);

    /** The child with this public code (e.g. {@code TE-7F3K9Q}), if it exists and is active. */
    Optional<ChildId> findByPublicCode(String publicCode);
}
