package vn.chungtay.identity;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.ActorAware;
import vn.chungtay.shared.security.Role;

/**
 * The signed-in person as Spring Security holds it: one authority {@code ROLE_<role>}, and the
 * {@link Actor} other modules use. The password hash is only kept until sign-in has finished. A
 * donor's account carries the id of its donor record ({@link #donorId()}) and acts with the scope
 * {@link #DONOR_SCOPE}, which is no org unit: donors see no unit's records through their scope.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, ActorAware {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The scope of a donor's actor: not an org-unit code, so it covers no unit. */
    public static final String DONOR_SCOPE = "DONOR";

    private final long id;
    private final String username;
    private final String displayName;
    private final Role role;
    private final String scopeCode;
    private final boolean enabled;
    private final Instant lockedUntil;
    private final Long donorId;
    private String passwordHash;

    public SignedInUser(
            long id,
            String username,
            String displayName,
            Role role,
            String scopeCode,
            boolean enabled,
            Instant lockedUntil,
            String passwordHash) {
        this(id, username, displayName, role, scopeCode, enabled, lockedUntil, passwordHash, null);
    }

    public SignedInUser(
            long id,
            String username,
            String displayName,
            Role role,
            String scopeCode,
            boolean enabled,
            Instant lockedUntil,
            String passwordHash,
            Long donorId) {
        this.id = id;
        this.username = Objects.requireNonNull(username);
        this.displayName = displayName;
        this.role = Objects.requireNonNull(role);
        this.scopeCode = scopeCode;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.passwordHash = passwordHash;
        this.donorId = donorId;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public String scopeCode() {
        return scopeCode;
    }

    /** The donor record a DONOR account is linked to (the donor module's id). */
    public Optional<Long> donorId() {
        return Optional.ofNullable(donorId);
    }

    @Override
    public Actor actor() {
        return switch (role) {
            case ADMIN -> new Actor(username, role, scopeCode);
            case DONOR -> new Actor(username, role, DONOR_SCOPE);
            default -> new Actor(username, role, Objects.requireNonNull(scopeCode));
        };
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && that.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + ", " + role + ", " + scopeCode + "]";
    }
}
