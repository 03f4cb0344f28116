package vn.chungtay.delivery;

import vn.chungtay.shared.money.Vnd;

/** A campaign that allocated money to a need: how much, how much was delivered from it, what is left. */
public record CampaignChoice(long campaignId, String name, Vnd allocated, Vnd delivered) {
    public Vnd remaining() {
        return allocated.remainingAfter(delivered);
    }
}
