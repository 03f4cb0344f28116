package vn.chungtay.identity;

import java.time.Instant;
import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** Too many failed sign-ins in a row: the account is locked until {@code lockedUntil}. */
public record UserLockedOut(long userId, String username, String unitCode, int failedAttempts, Instant lockedUntil)
        implements AuditedChange {

    @Override
    public String action() {
        return "LOCK";
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
        return Map.of("username", username, "failedAttempts", failedAttempts, "lockedUntil", lockedUntil.toString());
    }
}
