package vn.chungtay.campaign;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** A bank account donors pay into was added to a campaign. */
public record CampaignAccountAdded(CampaignId id, String unitCode, BankAccount account) implements AuditedChange {

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

    @Override
    public Map<String, Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, Object> after() {
        return Map.of(
                "bankBin", account.bankBin(),
                "bankName", account.bankName(),
                "accountNumber", account.accountNumber(),
                "accountName", account.accountName());
    }
}
