package vn.chungtay.donation;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** An officer matched a waiting statement line to a campaign or need, or set it aside with a reason. */
public record StatementLineResolved(long lineId, String unitCode, Map<String, Object> after) implements AuditedChange {

    public StatementLineResolved {
        after = Map.copyOf(after);
    }

    @Override
    public String action() {
        return "UPDATE";
    }

    @Override
    public String entityType() {
        return "StatementLine";
    }

    @Override
    public String entityId() {
        return Long.toString(lineId);
    }

    @Override
    public Map<String, Object> before() {
        return Map.of("status", "QUEUED");
    }
}
