package vn.chungtay.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * Something happened to a delivery, published inside the transaction of the change and recorded by
 * the audit trail under the delivery's commune; the states hold child ids at most, never child data.
 */
public sealed interface DeliveryChange extends AuditedChange
        permits DeliveryRecorded, DeliveryFileAdded, DeliveryFileRead, DeliveryChildWithdrawn {

    DeliveryId deliveryId();

    String communeCode();

    @Override
    default String entityType() {
        return "Delivery";
    }

    @Override
    default String entityId() {
        return deliveryId().toString();
    }

    @Override
    default String unitCode() {
        return communeCode();
    }

    /** An unmodifiable copy that keeps null values. */
    static Map<String, Object> state(Map<String, Object> state) {
        return state == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(state));
    }
}
