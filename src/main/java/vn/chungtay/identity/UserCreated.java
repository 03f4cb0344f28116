package vn.chungtay.identity;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** An account was created; {@code after} holds its visible fields, never the password. */
public record UserCreated(long userId, String username, String unitCode, Map<String, Object> after)
        implements AuditedChange {

    public UserCreated {
        after = Map.copyOf(after);
    }

    @Override
    public String action() {
        return "CREATE";
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
}
