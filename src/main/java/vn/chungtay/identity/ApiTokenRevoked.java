package vn.chungtay.identity;

import java.time.Instant;
import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** A personal access token was revoked and no longer signs anyone in. */
public record ApiTokenRevoked(long tokenId, String username, String unitCode, String name, Instant revokedAt)
        implements AuditedChange {

    @Override
    public String action() {
        return "REVOKE";
    }

    @Override
    public String entityType() {
        return "ApiToken";
    }

    @Override
    public String entityId() {
        return Long.toString(tokenId);
    }

    @Override
    public Map<String, Object> before() {
        return Map.of("username", username, "name", name);
    }

    @Override
    public Map<String, Object> after() {
        return Map.of("username", username, "name", name, "revokedAt", revokedAt.toString());
    }
}
