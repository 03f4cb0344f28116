package vn.chungtay.need;

import vn.chungtay.shared.audit.AuditedChange;

/** Something happened to a commune's yearly plan; audited under the commune. */
public sealed interface PlanChange extends AuditedChange
        permits PlanCreated, PlanSubmitted, PlanApproved, PlanReturned {

    PlanId planId();

    String communeCode();

    @Override
    default String entityType() {
        return "Plan";
    }

    @Override
    default String entityId() {
        return planId().toString();
    }

    @Override
    default String unitCode() {
        return communeCode();
    }
}
