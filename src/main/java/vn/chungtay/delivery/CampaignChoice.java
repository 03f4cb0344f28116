package vn.chungtay.delivery;

import java.util.List;
import vn.chungtay.shared.money.Vnd;

/**
 * A campaign that allocated to a need: money (and value of goods) allocated, delivered from it and
 * left; and the goods allocated in kind, which are delivered as goods.
 */
public record CampaignChoice(long campaignId, String name, Vnd allocated, Vnd delivered, List<Goods> goods) {

    /** Goods given in kind and allocated to the need: how many, how many already delivered. */
    public record Goods(String name, String unit, long allocated, long delivered) {
        public long remaining() {
            return Math.max(0, allocated - delivered);
        }
    }

    public CampaignChoice {
        goods = List.copyOf(goods);
    }

    public Vnd remaining() {
        return allocated.remainingAfter(delivered);
    }
}
