package vn.chungtay.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.chungtay.identity.SignedInUser;
import vn.chungtay.identity.UserView;
import vn.chungtay.shared.security.Role;

/** A person who signs in: one role, one scope, a hashed password and a count of failed sign-ins. */
@Entity
@Table(name = "user_account")
class UserAccount {

    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "display_name")
    private String displayName;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "scope_code")
    private String scopeCode;

    private boolean enabled;

    @Column(name = "failed_attempts")
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    /** The donor record of a DONOR account (the donor module's id); null for everyone else. */
    @Column(name = "donor_id", updatable = false)
    private Long donorId;

    @Version
    private long version;

    protected UserAccount() {}

    UserAccount(
            String username,
            String displayName,
            String email,
            Role role,
            String scopeCode,
            String passwordHash,
            Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.role = role;
        this.scopeCode = scopeCode;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    /** A donor's own account: role DONOR, no scope, linked to the donor record. */
    static UserAccount donor(
            String username, String displayName, String email, long donorId, String passwordHash, Instant now) {
        UserAccount account = new UserAccount(username, displayName, email, Role.DONOR, null, passwordHash, now);
        account.donorId = donorId;
        return account;
    }

    void change(String displayName, String email, Role role, String scopeCode, boolean enabled) {
        this.displayName = displayName;
        this.email = email;
        this.role = role;
        this.scopeCode = scopeCode;
        this.enabled = enabled;
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    /** Counts a failed sign-in; returns true when this failure locks the account. */
    boolean recordFailedSignIn(Instant now) {
        if (isLockedAt(now)) {
            return false;
        }
        failedAttempts++;
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
            lockedUntil = now.plus(LOCKOUT);
            failedAttempts = 0;
            return true;
        }
        return false;
    }

    boolean recordSuccessfulSignIn() {
        if (failedAttempts == 0 && lockedUntil == null) {
            return false;
        }
        failedAttempts = 0;
        lockedUntil = null;
        return true;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The visible fields, as the audit trail records them (no password hash). */
    Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", username);
        state.put("displayName", displayName);
        state.put("email", email == null ? "" : email);
        state.put("role", role.name());
        state.put("scopeCode", scopeCode == null ? "" : scopeCode);
        state.put("enabled", enabled);
        if (donorId != null) {
            state.put("donorId", donorId);
        }
        return state;
    }

    UserView toView() {
        return new UserView(id, username, displayName, email, role, scopeCode, enabled, lockedUntil, createdAt);
    }

    SignedInUser toPrincipal() {
        return new SignedInUser(
                id, username, displayName, role, scopeCode, enabled, lockedUntil, passwordHash, donorId);
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    String scopeCode() {
        return scopeCode;
    }

    boolean enabled() {
        return enabled;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    Long donorId() {
        return donorId;
    }
}
