package vn.chungtay.delivery;

import java.util.Map;

/** Someone opened a delivery's file ({@code READ}) or was refused ({@code READ_DENIED}). */
public record DeliveryFileRead(DeliveryId deliveryId, String communeCode, boolean allowed, long fileId)
        implements DeliveryChange {

    @Override
    public String action() {
        return allowed ? "READ" : "READ_DENIED";
    }

    @Override
    public Map<String, Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, Object> after() {
        return Map.of("fileId", fileId);
    }
}
