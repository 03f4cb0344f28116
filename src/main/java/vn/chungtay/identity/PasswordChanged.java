package vn.chungtay.identity;

import java.time.Instant;
import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** A password was changed by its owner or reset by a manager; the password itself is never recorded. */
public record PasswordChanged(long userId, String username, String unitCode, boolean reset, Instant changedAt)
        implements AuditedChange {

    @Override
    public String action() {
        return reset ? "RESET_PASSWORD" : "CHANGE_PASSWORD";
    }

    @Override
    public String entityType() {
        return "UserAccount";
    }

    @Override
    public String entityId() {
        return Long.toString(userId);
    }

    @Override
    public Map<String, Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, Object> after() {
        return Map.of("username", username, "passwordChangedAt", changedAt.toString());
    }
}
