package vn.chungtay.identity;

import java.time.Instant;
import vn.chungtay.shared.security.Role;

/** A user account as others see it: never its password hash. */
public record UserView(
        long id,
        String username,
        String displayName,
        String email,
        Role role,
        String scopeCode,
        boolean enabled,
        Instant lockedUntil,
        Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
