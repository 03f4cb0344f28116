package vn.chungtay.campaign;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** An officer adjusted a campaign's targets. */
public record CampaignTargetsChanged(
        CampaignId id, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements AuditedChange {

    @Override
    public String action() {
        return "UPDATE";
    }

    @Override
    public String entityType() {
        return "Campaign";
    }

    @Override
    public String entityId() {
        return id.toString();
    }
}
