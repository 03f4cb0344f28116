package vn.chungtay.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What must hold in the database after any run, whatever crashed: read with SQL straight from the
 * tables, not through the application. Each check returns the rows that break it (none is the pass).
 */
final class LedgerInvariants {

    private final JdbcClient jdbc;
    private final List<Long> campaigns;
    final List<String> broken = new ArrayList<>();

    LedgerInvariants(JdbcClient jdbc, List<Long> campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    /** Runs every check; the problems are in {@link #broken}. */
    LedgerInvariants checkAll() {
        none("every campaign's chain: sequences 1..n without gaps, each entry linked to the hash before it", """
                select campaign_id, sequence from (
                    select campaign_id, sequence, previous_hash,
                           lag(hash) over (partition by campaign_id order by sequence) as before,
                           lag(sequence) over (partition by campaign_id order by sequence) as sequence_before
                    from ledger_entry) e
                where (sequence_before is null and (sequence <> 1 or previous_hash <> repeat('0', 64)))
                   or (sequence_before is not null and (sequence <> sequence_before + 1 or previous_hash <> before))
                """);
        none("the chain row of each campaign: entry count and head hash of its last entry", """
                select c.campaign_id from ledger_chain c
                left join (select campaign_id, count(*) as n, max(sequence) as last from ledger_entry group by campaign_id) e
                       on e.campaign_id = c.campaign_id
                left join ledger_entry h on h.campaign_id = c.campaign_id and h.sequence = e.last
                where c.entry_count <> coalesce(e.n, 0) or (e.n is not null and c.head_hash <> h.hash)
                """);
        none("every balance equals what its entries moved, and none is below zero", """
                with moves as (
                    select campaign_id, to_account as account, item_key, amount_dong as amount,
                           coalesce(item_quantity, 0) as quantity
                    from ledger_entry where to_account not like 'DONOR:%'
                    union all
                    select campaign_id, from_account, item_key, -amount_dong, -coalesce(item_quantity, 0)
                    from ledger_entry where from_account not like 'DONOR:%'),
                summed as (
                    select campaign_id, account, item_key, sum(amount) as amount, sum(quantity) as quantity
                    from moves group by campaign_id, account, item_key)
                select coalesce(s.account, b.account) from summed s
                full join ledger_balance b using (campaign_id, account, item_key)
                where coalesce(s.amount, 0) <> coalesce(b.amount_dong, 0)
                   or coalesce(s.quantity, 0) <> coalesce(b.quantity, 0)
                   or b.amount_dong < 0 or b.quantity < 0
                """);
        none("every entry of the run's campaigns has its trace, adding up to what it moved", """
                select e.id from ledger_entry e
                left join (select entry_id, sum(amount_dong) as amount from ledger_trace group by entry_id) t
                       on t.entry_id = e.id
                where e.campaign_id in (:campaigns) and e.kind <> 'REVERSAL' and coalesce(t.amount, -1) <> e.amount_dong
                """);
        none("what the FIFO lots hold equals each pool's and allocation's balance", """
                select b.account from ledger_balance b
                left join (select campaign_id, account, item_key, sum(amount_dong) as amount from ledger_lot
                           group by campaign_id, account, item_key) l using (campaign_id, account, item_key)
                where b.campaign_id in (:campaigns) and b.account not like 'DELIVERED:%'
                  and coalesce(l.amount, 0) <> b.amount_dong
                """);
        none("receipt numbers per issuing unit and year: 1..n, no gap, no duplicate, the counter at n", """
                select d.receiving_unit_code || '/' || d.receipt_year from donation d
                left join receipt_counter c on c.unit_code = d.receiving_unit_code and c.year = d.receipt_year
                group by d.receiving_unit_code, d.receipt_year, c.last_number
                having min(d.receipt_number) <> 1 or max(d.receipt_number) <> count(*)
                    or count(distinct d.receipt_number) <> count(*) or max(d.receipt_number) <> c.last_number
                """);
        none("every gift of the run has its ledger receipt (same campaign, amount, reference)", """
                select d.id from donation d
                left join ledger_entry e on e.id = d.receipt_entry_id
                where d.campaign_id in (:campaigns)
                  and (e.id is null or e.kind <> 'RECEIPT' or e.campaign_id <> d.campaign_id
                       or e.amount_dong <> d.amount_dong or e.source_ref <> d.id::text)
                """);
        none("every earmarked gift has its allocation to the need", """
                select d.id from donation d
                left join ledger_entry e on e.id = d.allocation_entry_id
                where d.campaign_id in (:campaigns) and d.need_id is not null
                  and (e.id is null or e.kind <> 'ALLOCATION' or e.to_account <> 'NEED:' || d.need_id
                       or e.amount_dong <> d.amount_dong)
                """);
        none("no receipt in the ledger without its gift", """
                select e.id from ledger_entry e
                where e.campaign_id in (:campaigns) and e.kind = 'RECEIPT'
                  and not exists (select 1 from donation d where d.receipt_entry_id = e.id)
                """);
        none("every delivery of the run has its ledger entries, adding up to its value", """
                select d.id from delivery d
                left join lateral (select count(*) as n, sum(e.amount_dong) as amount from ledger_entry e
                                   where e.id = any (d.ledger_entry_ids) and e.kind = 'DELIVERY') e on true
                where d.campaign_id in (:campaigns) and (e.n = 0 or e.amount <> d.value_dong)
                """);
        none("no delivery entry in the ledger without its delivery", """
                select e.id from ledger_entry e
                where e.campaign_id in (:campaigns) and e.kind = 'DELIVERY'
                  and not exists (select 1 from delivery d where e.id = any (d.ledger_entry_ids))
                """);
        none("each need's funded total equals what the ledger allocated to it", """
                select n.id from need n
                join (select need_id, sum(case when kind = 'ALLOCATION' then amount_dong else -amount_dong end) as amount
                      from ledger_entry where need_id is not null and to_account like 'NEED:%'
                        and kind in ('ALLOCATION', 'REVERSAL') group by need_id) e on e.need_id = n.id
                where n.id in (select distinct need_id from ledger_entry where campaign_id in (:campaigns))
                  and n.funded_dong <> e.amount
                """);
        none("the deliveries' view of each need's allocations equals the ledger's", """
                select a.need_id from delivery_need_allocation a
                join (select need_id, campaign_id, sum(amount_dong) as amount from ledger_entry
                      where kind = 'ALLOCATION' and need_id is not null group by need_id, campaign_id) e
                  using (need_id, campaign_id)
                where a.campaign_id in (:campaigns) and a.allocated_dong <> e.amount
                """);
        none("one donor per e-mail address, however many writers registered them at once", """
                select lower(email) from donor where email like :donors and merged_into is null
                group by lower(email) having count(*) > 1
                """);
        none("no alert from the chain checks that ran on both instances during the run", "select id from ledger_alert");
        return this;
    }

    private void none(String rule, String sql) {
        List<String> rows = jdbc.sql(sql + " limit 10")
                .params(sql.contains(":campaigns") ? Map.of("campaigns", campaigns) : Map.of())
                .params(sql.contains(":donors") ? Map.of("donors", "%@" + Writers.DONOR_DOMAIN) : Map.of())
                .query((rs, n) -> rs.getString(1))
                .list();
        if (!rows.isEmpty()) {
            broken.add(rule + ": " + rows);
        }
    }
}
