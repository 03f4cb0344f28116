package vn.chungtay.shared.audit;

import java.util.Map;

/**
 * An event that the audit trail records: what happened to which record, under which org unit,
 * with the record's state before and after (empty maps for create and delete). Modules publish
 * events implementing this inside their transaction; the audit trail listens.
 */
public interface AuditedChange {

    /** CREATE, UPDATE, DELETE, READ or another verb in upper case. */
    String action();

    /** The kind of record, e.g. {@code OrgUnit}. */
    String entityType();

    /** The record's id as text. */
    String entityId();

    /** The org unit the record belongs to, for scoping who may see the entry; null if national. */
    String unitCode();

    Map<String, Object> before();

    Map<String, Object> after();
}
