package vn.chungtay.campaign;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * The yearly job opened a template's campaigns for a year: one entry for the whole run (units
 * that already had theirs are not counted), not one per unit.
 */
public record YearlyCampaignsOpened(String templateCode, int year, int opened, java.util.List<String> levels)
        implements AuditedChange {

    @Override
    public String action() {
        return "CREATE";
    }

    @Override
    public String entityType() {
        return "CampaignTemplate";
    }

    @Override
    public String entityId() {
        return templateCode + ":" + year;
    }

    @Override
    public String unitCode() {
        return null;
    }

    @Override
    public Map<String, Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, Object> after() {
        return Map.of("year", year, "opened", opened, "levels", String.join(",", levels));
    }
}
