package vn.chungtay.commendation;

import vn.chungtay.shared.money.Vnd;

/**
 * A donor proposed in a proposal: the donor's name and kind as they were when generated, the value
 * that qualified them, the form and rule, the achievements text, and whether the officer excluded
 * them (with a reason) or the level above approved or rejected them (a rejection has a reason).
 */
public record Candidate(
        long id,
        long proposalId,
        long donorId,
        String donorName,
        String donorKind,
        DonorGroup donorGroup,
        boolean domestic,
        String country,
        Vnd value,
        ValueBasis basis,
        CommendationForm form,
        Long ruleId,
        String achievements,
        boolean excluded,
        String excludedReason,
        Decision decision,
        String decisionReason) {

    public boolean proposed() {
        return !excluded;
    }
}
