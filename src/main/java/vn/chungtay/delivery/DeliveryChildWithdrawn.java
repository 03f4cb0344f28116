package vn.chungtay.delivery;

import java.util.Map;

/** A child's data was withdrawn or erased: the delivery no longer names the child (the count stays). */
public record DeliveryChildWithdrawn(DeliveryId deliveryId, String communeCode, boolean erased)
        implements DeliveryChange {

    @Override
    public String action() {
        return "WITHDRAW_CHILD";
    }

    @Override
    public Map<String, Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, Object> after() {
        return Map.of("childWithdrawn", true, "erased", erased);
    }
}
