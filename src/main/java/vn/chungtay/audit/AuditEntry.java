package vn.chungtay.audit;

import java.time.OffsetDateTime;

/** One recorded change: who, when, from where, what, and the record's state before and after (JSON). */
public record AuditEntry(
        long id,
        OffsetDateTime occurredAt,
        String actor,
        String actorIp,
        String action,
        String entityType,
        String entityId,
        String unitCode,
        String before,
        String after) {}
