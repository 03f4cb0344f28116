package vn.chungtay.delivery;

import java.util.Map;

/** A distribution was recorded (and posted to the ledger). */
public record DeliveryRecorded(DeliveryId deliveryId, long needId, String communeCode, Map<String, Object> after)
        implements DeliveryChange {

    public DeliveryRecorded {
        after = DeliveryChange.state(after);
    }

    @Override
    public String action() {
        return "CREATE";
    }

    @Override
    public Map<String, Object> before() {
        return Map.of();
    }
}
