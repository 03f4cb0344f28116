package vn.chungtay.donation;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * A bank statement was imported: one audit entry for the file (its gifts are in the ledger, each
 * with its statement line), with the counts.
 */
public record StatementImported(long importId, String unitCode, Map<String, Object> after) implements AuditedChange {

    public StatementImported {
        after = Map.copyOf(after);
    }

    @Override
    public String action() {
        return "IMPORT";
    }

    @Override
    public String entityType() {
        return "BankStatement";
    }

    @Override
    public String entityId() {
        return Long.toString(importId);
    }

    @Override
    public Map<String, Object> before() {
        return Map.of();
    }
}
