package vn.chungtay.identity;

import java.time.Instant;

/** A personal access token without its secret: the prefix is enough to recognise it. */
public record ApiTokenView(
        long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
