package vn.chungtay.audit;

import java.time.LocalDate;

/** Filters for the audit trail; every field optional. */
public record AuditQuery(String entity, String id, String actor, LocalDate from, LocalDate to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public AuditQuery {
        entity = blankToNull(entity);
        id = blankToNull(id);
        actor = blankToNull(actor);
    }
}
