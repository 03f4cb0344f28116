package vn.chungtay.child.internal;

import java.time.LocalDate;
import java.util.Set;
import vn.chungtay.child.ConsentMethod;
import vn.chungtay.child.ConsentPurpose;

/** Validated consents: the guardian's (may be absent) and the child's (may be absent). */
public record Consent(
        String guardianBy,
        LocalDate guardianDate,
        ConsentMethod method,
        Set<ConsentPurpose> purposes,
        String childBy,
        LocalDate childDate) {

    public static final Consent NONE = new Consent(null, null, null, Set.of(), null, null);

    public Consent {
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
    }

    public boolean hasGuardian() {
        return guardianBy != null && guardianDate != null && purposes.contains(ConsentPurpose.PROCESSING);
    }

    public boolean hasChild() {
        return childBy != null && childDate != null;
    }
}
