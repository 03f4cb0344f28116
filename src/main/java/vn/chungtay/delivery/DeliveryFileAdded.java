package vn.chungtay.delivery;

import java.util.Map;

/** A proof or photo was attached (its SHA-256 in {@code after}); a proof confirms the delivery. */
public record DeliveryFileAdded(
        DeliveryId deliveryId, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements DeliveryChange {

    public DeliveryFileAdded {
        before = DeliveryChange.state(before);
        after = DeliveryChange.state(after);
    }

    @Override
    public String action() {
        return "ATTACH";
    }
}
