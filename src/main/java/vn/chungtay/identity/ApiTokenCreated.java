package vn.chungtay.identity;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** A personal access token was created; only its name and prefix are recorded, never the secret. */
public record ApiTokenCreated(long tokenId, String username, String unitCode, String name, String prefix)
        implements AuditedChange {

    @Override
    public String action() {
        return "CREATE";
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
        return Map.of();
    }

    @Override
    public Map<String, Object> after() {
        return Map.of("username", username, "name", name, "prefix", prefix);
    }
}
