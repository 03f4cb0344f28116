package vn.chungtay.campaign;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** A campaign was opened. */
public record CampaignCreated(CampaignId id, String unitCode, Map<String, Object> after) implements AuditedChange {

    @Override
    public String action() {
        return "CREATE";
    }

    @Override
    public String entityType() {
        return "Campaign";
    }

    @Override
    public String entityId() {
        return id.toString();
    }

    @Override
    public Map<String, Object> before() {
        return Map.of();
    }
}
