package vn.chungtay.campaign;

import java.util.List;
import java.util.Optional;

/**
 * A campaign with what the campaign pages show besides the funding container: the programme it
 * serves, the yearly template it was opened from (and for which year) and its targets per category.
 */
public record CampaignDetails(
        Campaign campaign,
        Optional<Programme> programme,
        String templateCode,
        Integer templateYear,
        List<CampaignTarget> targets) {

    public CampaignDetails {
        targets = List.copyOf(targets);
    }

    public boolean yearly() {
        return templateCode != null;
    }

    public int childTurnsTarget() {
        return targets.stream().mapToInt(CampaignTarget::childTurns).sum();
    }
}
