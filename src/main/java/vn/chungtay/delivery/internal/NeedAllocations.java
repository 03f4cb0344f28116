package vn.chungtay.delivery.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.delivery.CampaignChoice;
import vn.chungtay.ledger.EntryKind;
import vn.chungtay.ledger.Item;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerEntry;
import vn.chungtay.ledger.LedgerEntryPosted;
import vn.chungtay.shared.text.VietnameseText;

/**
 * What was allocated to each need per campaign — money (and value of goods), and goods given in
 * kind by item — kept up to date from the ledger's postings in the posting transaction
 * (allocations add, their reversals subtract): the campaigns a delivery for the need may come
 * from, and which goods it delivers as goods. The ledger itself answers only the total money
 * allocated to a need over all campaigns.
 */
@Component
public class NeedAllocations {

    private final JdbcClient jdbc;
    private final ObjectProvider<Ledger> ledger;

    NeedAllocations(JdbcClient jdbc, ObjectProvider<Ledger> ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** The ledger's key of an item: folded name and unit (the same goods whatever the accents and case). */
    public static String itemKey(String name, String unit) {
        String key = VietnameseText.fold(name) + "|" + VietnameseText.fold(unit);
        return key.length() > 250 ? key.substring(0, 250) : key;
    }

    @EventListener
    public void on(LedgerEntryPosted posted) {
        if (posted.kind() != EntryKind.ALLOCATION && posted.kind() != EntryKind.REVERSAL) {
            return;
        }
        Ledger entries = ledger.getObject();
        if (posted.kind() == EntryKind.ALLOCATION) {
            if (posted.needId() != null) {
                entries.entry(posted.id()).ifPresent(entry -> add(entry, 1));
            }
            return;
        }
        entries.entry(posted.id())
                .map(LedgerEntry::reverses)
                .flatMap(entries::entry)
                .filter(original -> original.kind() == EntryKind.ALLOCATION && original.needId() != null)
                .ifPresent(original -> add(original, -1));
    }

    /** Money allocated to the need per campaign id, less reversals; campaigns with nothing left out. */
    public Map<Long, Long> byCampaign(long needId) {
        Map<Long, Long> allocated = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.campaign_id, a.allocated_dong from delivery_need_allocation a
                        where a.need_id = :need
                          and (a.allocated_dong > 0 or exists (select 1 from delivery_need_goods g
                               where g.need_id = a.need_id and g.campaign_id = a.campaign_id and g.quantity > 0))
                        order by a.campaign_id""")
                .param("need", needId)
                .query((rs, n) -> allocated.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return allocated;
    }

    /** Goods allocated in kind to the need from the campaign, with how many were delivered as goods. */
    public List<CampaignChoice.Goods> goods(long needId, long campaignId) {
        return jdbc.sql("""
                        select g.name, g.unit, g.quantity,
                            coalesce((select sum(i.quantity) from delivery_item i join delivery d on d.id = i.delivery_id
                                      where d.need_id = g.need_id and d.campaign_id = g.campaign_id
                                        and i.in_kind and i.item_key = g.item_key), 0)
                        from delivery_need_goods g
                        where g.need_id = :need and g.campaign_id = :campaign and g.quantity > 0
                        order by g.name""")
                .param("need", needId)
                .param("campaign", campaignId)
                .query((rs, n) ->
                        new CampaignChoice.Goods(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Whether goods with this key were allocated in kind to the need from the campaign. */
    public boolean allocatedInKind(long needId, long campaignId, String itemKey) {
        return jdbc.sql("select count(*) from delivery_need_goods where need_id = :need and campaign_id = :campaign"
                                + " and item_key = :key and quantity > 0")
                        .param("need", needId)
                        .param("campaign", campaignId)
                        .param("key", itemKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Needs with something allocated and no delivery recorded yet, with one campaign each (for demo data). */
    public Map<Long, Long> undeliveredNeeds(int limit) {
        Map<Long, Long> found = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.need_id, a.campaign_id from delivery_need_allocation a
                        where not exists (select 1 from delivery d where d.need_id = a.need_id)
                        order by a.need_id, a.campaign_id limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> found.putIfAbsent(rs.getLong(1), rs.getLong(2)))
                .list();
        return found;
    }

    private void add(LedgerEntry entry, int sign) {
        long needId = entry.needId();
        long campaignId = entry.campaignId().value();
        jdbc.sql("""
                        insert into delivery_need_allocation (need_id, campaign_id, allocated_dong)
                        values (:need, :campaign, greatest(0, :dong))
                        on conflict (need_id, campaign_id)
                        do update set allocated_dong = greatest(0, delivery_need_allocation.allocated_dong + :dong)""")
                .param("need", needId)
                .param("campaign", campaignId)
                .param(
                        "dong",
                        sign * (entry.amount() == null ? 0 : entry.amount().dong()))
                .update();
        Item item = entry.item();
        if (item != null) {
            jdbc.sql("""
                            insert into delivery_need_goods (need_id, campaign_id, item_key, name, unit, quantity)
                            values (:need, :campaign, :key, :name, :unit, greatest(0, :quantity))
                            on conflict (need_id, campaign_id, item_key)
                            do update set quantity = greatest(0, delivery_need_goods.quantity + :quantity)""")
                    .param("need", needId)
                    .param("campaign", campaignId)
                    .param("key", itemKey(item.name(), item.unit()))
                    .param("name", item.name())
                    .param("unit", item.unit())
                    .param("quantity", sign * item.quantity())
                    .update();
        }
    }
}
