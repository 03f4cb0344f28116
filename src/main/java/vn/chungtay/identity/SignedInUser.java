package vn.chungtay.identity;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.ActorAware;
import vn.chungtay.shared.security.Role;

/**
 * The signed-in person as Spring Security holds it: one authority {@code ROLE_<role>}, and the
 * {@link Actor} other modules use. The password hash is only kept until sign-in has finished.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, ActorAware {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final Role role;
    private final String scopeCode;
    private final boolean enabled;
    private final Instant lockedUntil;
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
        this.id = id;
        this.username = Objects.requireNonNull(username);
        this.displayName = displayName;
        this.role = Objects.requireNonNull(role);
        this.scopeCode = scopeCode;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.passwordHash = passwordHash;
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

    @Override
    public Actor actor() {
        return new Actor(username, role, role == Role.ADMIN ? scopeCode : Objects.requireNonNull(scopeCode));
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
