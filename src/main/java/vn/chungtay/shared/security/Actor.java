package vn.chungtay.shared.security;

import java.util.Objects;

/**
 * Who is acting: a signed-in person with one role and a scope (an org-unit code, the unit and
 * everything under it; none for a national administrator), or the system itself.
 */
public record Actor(String username, Role role, String scopeCode) {

    public static final Actor SYSTEM = new Actor("system", Role.ADMIN, null);

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    public boolean has(Role wanted) {
        return role == wanted;
    }

    public boolean isNational() {
        return scopeCode == null;
    }

    /** Roles that may change the hierarchy, users or records of their scope (not only read it). */
    public boolean canManage() {
        return role == Role.ADMIN || role == Role.PROVINCE_OFFICER || role == Role.COMMUNE_OFFICER;
    }
}
