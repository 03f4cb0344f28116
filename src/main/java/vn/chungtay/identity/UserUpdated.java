package vn.chungtay.identity;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** An account's name, e-mail, role, scope or enabled flag changed. */
public record UserUpdated(
        long userId, String username, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements AuditedChange {

    public UserUpdated {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    @Override
    public String action() {
        return "UPDATE";
    }

    @Override
    public String entityType() {
        return "UserAccount";
    }

    @Override
    public String entityId() {
        return Long.toString(userId);
    }
}
