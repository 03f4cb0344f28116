package vn.chungtay.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.chungtay.identity.ApiTokenView;

/** A personal access token: only the SHA-256 of its secret and a short prefix are kept. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private long userId;

    private String name;

    @Column(name = "token_hash")
    private String tokenHash;

    private String prefix;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {}

    ApiToken(long userId, String name, String tokenHash, String prefix, Instant now) {
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdAt = now;
    }

    /** Revokes the token; returns false when it already was. */
    boolean revoke(Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        return true;
    }

    /**
     * Notes the use, at most once every five minutes: "last used" needs no finer grain, and a
     * write on every API call would cost more than the call.
     */
    void markUsed(Instant now) {
        if (lastUsedAt != null && lastUsedAt.isAfter(now.minus(java.time.Duration.ofMinutes(5)))) {
            return;
        }
        lastUsedAt = now;
    }

    ApiTokenView toView() {
        return new ApiTokenView(id, name, prefix, createdAt, lastUsedAt, revokedAt);
    }

    Long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String name() {
        return name;
    }

    String prefix() {
        return prefix;
    }

    boolean revoked() {
        return revokedAt != null;
    }
}
