package vn.chungtay.need;

import java.util.Optional;
import vn.chungtay.shared.money.Vnd;

/**
 * What the public page of a commune shows: its approved plan (the current year's, else the latest
 * approved) and what its published needs have received.
 */
public record PublicCommune(
        String communeCode,
        String communeName,
        String provinceCode,
        String provinceName,
        Optional<PlanView> approvedPlan,
        int publishedNeeds,
        int fundedNeeds,
        int deliveredNeeds,
        Vnd total,
        Vnd funded) {

    public int percentFunded() {
        return funded.percentOf(total);
    }
}
