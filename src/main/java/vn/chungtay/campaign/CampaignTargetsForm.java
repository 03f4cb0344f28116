package vn.chungtay.campaign;

import java.util.List;

/**
 * The targets an officer sets: the campaign's money target in whole đồng, and per support category
 * the child-turns and the money planned for them (null counts as zero).
 */
public record CampaignTargetsForm(Long targetDong, List<Category> categories) {

    public CampaignTargetsForm {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public record Category(String categoryCode, Integer childTurns, Long amountDong) {}
}
