package vn.chungtay.campaign;

import vn.chungtay.shared.money.Vnd;

/** What a campaign aims at in one support category: child-turns and the money for them. */
public record CampaignTarget(String categoryCode, int childTurns, Vnd amount) {}
