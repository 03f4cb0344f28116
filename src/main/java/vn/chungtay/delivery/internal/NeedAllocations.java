package vn.chungtay.delivery.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.ledger.EntryKind;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerEntry;
import vn.chungtay.ledger.LedgerEntryPosted;

/**
 * Money allocated to each need per campaign, kept up to date from the ledger's postings in the
 * posting transaction (allocations add, their reversals subtract): the campaigns a delivery for the
 * need may come from. The ledger itself answers only the total over all campaigns.
 */
@Component
public class NeedAllocations {

    private final JdbcClient jdbc;
    private final ObjectProvider<Ledger> ledger;

    NeedAllocations(JdbcClient jdbc, ObjectProvider<Ledger> ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    @EventListener
    public void on(LedgerEntryPosted posted) {
        if (posted.kind() == EntryKind.ALLOCATION && posted.needId() != null) {
            add(posted.needId(), posted.campaignId().value(), posted.amountDong());
        } else if (posted.kind() == EntryKind.REVERSAL) {
            Ledger entries = ledger.getObject();
            entries.entry(posted.id())
                    .map(LedgerEntry::reverses)
                    .flatMap(entries::entry)
                    .filter(original -> original.kind() == EntryKind.ALLOCATION && original.needId() != null)
                    .ifPresent(original -> add(
                            original.needId(),
                            original.campaignId().value(),
                            -original.amount().dong()));
        }
    }

    /** Money allocated to the need per campaign id, less reversals; campaigns with nothing left out. */
    public Map<Long, Long> byCampaign(long needId) {
        Map<Long, Long> allocated = new LinkedHashMap<>();
        jdbc.sql("select campaign_id, allocated_dong from delivery_need_allocation where need_id = :need"
                        + " and allocated_dong > 0 order by campaign_id")
                .param("need", needId)
                .query((rs, n) -> allocated.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return allocated;
    }

    /** Needs with money allocated and not yet delivered by a recorded delivery (for demo data). */
    public Map<Long, Long> undeliveredNeeds(int limit) {
        Map<Long, Long> found = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.need_id, a.campaign_id from delivery_need_allocation a
                        where a.allocated_dong > 0
                          and not exists (select 1 from delivery d where d.need_id = a.need_id)
                        order by a.need_id limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> found.putIfAbsent(rs.getLong(1), rs.getLong(2)))
                .list();
        return found;
    }

    private void add(long needId, long campaignId, long dong) {
        jdbc.sql("""
                        insert into delivery_need_allocation (need_id, campaign_id, allocated_dong)
                        values (:need, :campaign, greatest(0, :dong))
                        on conflict (need_id, campaign_id)
                        do update set allocated_dong = greatest(0, delivery_need_allocation.allocated_dong + :dong)""")
                .param("need", needId)
                .param("campaign", campaignId)
                .param("dong", dong)
                .update();
    }
}
