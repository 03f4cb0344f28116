/**
 * The append-only audit trail: every create, update, delete (and sensitive read) that any module
 * publishes as an {@link vn.chungtay.shared.audit.AuditedChange}, with who, when, from where,
 * before and after; visible to administrators and supervisors within their scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package vn.chungtay.audit;
