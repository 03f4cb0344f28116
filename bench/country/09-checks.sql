-- The synthetic country, step 9: consistency checks of what was generated against the app's
-- invariants. Each check raises an exception naming what is wrong (so the script, and the test
-- that runs these files, fail). Each counts the offending rows: a NOT EXISTS is planned to find one
-- row fast, which at full scale chose a nested loop over millions of rows. The hashes themselves are
-- checked by the app (its daily chain check and its CSV verifier, run by bench/country.sh and by
-- CountryGeneratorIntegrationTests).
set work_mem = '128MB';

create function gen.require(ok boolean, what text) returns void language plpgsql as
$$
begin
    if not coalesce(ok, false) then
        raise exception 'country check failed: %', what;
    end if;
end
$$;

-- the chains: sequences 1..n without gaps, each previous_hash the hash before, the head the last
select gen.require((select count(*) = 0 from (
    select 1 from ledger_chain c join gen.campaign g on g.id = c.campaign_id
    where c.entry_count <> (select count(*) from ledger_entry e where e.campaign_id = c.campaign_id)
       or c.entry_count <> coalesce((select max(sequence) from ledger_entry e where e.campaign_id = c.campaign_id), 0)
       or c.head_hash <> coalesce((select hash from ledger_entry e where e.campaign_id = c.campaign_id
                                   order by sequence desc limit 1), repeat('0', 64))) x),
    'a chain''s count or head differs from its entries');
select gen.require((select count(*) = 0 from (
    select 1 from ledger_entry e
    join gen.campaign g on g.id = e.campaign_id
    left join ledger_entry p on p.campaign_id = e.campaign_id and p.sequence = e.sequence - 1
    where e.previous_hash <> coalesce(p.hash, repeat('0', 64))) x),
    'an entry''s previous_hash is not the hash of the entry before');

-- totals, balances, lots and traces agree with the entries
select gen.require((select count(*) = 0 from (
    select 1 from ledger_chain c join gen.campaign g on g.id = c.campaign_id
    join (select campaign_id, sum(amount_dong) filter (where kind = 'RECEIPT') as r,
                 sum(amount_dong) filter (where kind = 'ALLOCATION') as a, sum(amount_dong) filter (where kind = 'DELIVERY') as d
          from ledger_entry group by campaign_id) t on t.campaign_id = c.campaign_id
    where c.received_dong <> coalesce(t.r, 0) or c.allocated_dong <> coalesce(t.a, 0) or c.delivered_dong <> coalesce(t.d, 0)) x),
    'campaign totals differ from the entries');
select gen.require((select count(*) = 0 from (
    with moves as (
        select campaign_id, to_account as account, amount_dong as delta from ledger_entry where campaign_id in (select id from gen.campaign)
        union all
        select campaign_id, from_account, -amount_dong from ledger_entry
        where campaign_id in (select id from gen.campaign) and from_account not like 'DONOR:%'),
    sums as (select campaign_id, account, sum(delta) as amount from moves group by campaign_id, account)
    select 1 from sums s full join (select * from ledger_balance where campaign_id in (select id from gen.campaign)) b
         on b.campaign_id = s.campaign_id and b.account = s.account
    where s.amount is distinct from b.amount_dong or b.amount_dong < 0) x),
    'a balance differs from its entries');
select gen.require((select count(*) = 0 from (
    select 1 from ledger_balance b
    left join (select campaign_id, account, sum(amount_dong) as amount from ledger_lot group by campaign_id, account) l
           on l.campaign_id = b.campaign_id and l.account = b.account
    where b.campaign_id in (select id from gen.campaign) and b.amount_dong <> coalesce(l.amount, 0)) x),
    'the lots of an account do not add up to its balance');
select gen.require((select count(*) = 0 from (
    select 1 from ledger_entry e
    left join (select entry_id, sum(amount_dong) as amount from ledger_trace group by entry_id) t on t.entry_id = e.id
    where e.campaign_id in (select id from gen.campaign) and e.amount_dong <> coalesce(t.amount, 0)) x),
    'the traces of an entry do not add up to its amount');

-- needs: funded = what the ledger allocated to them, statuses that say so
select gen.require((select count(*) = 0 from (
    select 1 from need n
    left join (select need_id, sum(amount_dong) as amount from ledger_entry where kind = 'ALLOCATION' group by need_id) a
           on a.need_id = n.id
    where n.created_by = 'country' and n.funded_dong <> coalesce(a.amount, 0)) x),
    'a need''s funded amount differs from its allocations');
select gen.require((select count(*) = 0 from (
    select 1 from need n where n.created_by = 'country' and not case n.status
        when 'PARTLY_FUNDED' then n.funded_dong > 0 and n.funded_dong < n.total_dong
        when 'FUNDED' then n.funded_dong = n.total_dong
        when 'DELIVERED' then n.funded_dong = n.total_dong and exists (select 1 from delivery d where d.need_id = n.id)
        when 'CLOSED' then n.funded_dong = n.total_dong and exists (select 1 from delivery d where d.need_id = n.id)
        else n.funded_dong = 0 end) x),
    'a need''s status does not match its funding or delivery');
select gen.require((select count(*) = 0 from (
    select 1 from need n where n.created_by = 'country' and n.target = 'CHILD'
    and not exists (select 1 from child c where c.id = n.child_id and c.status = 'ACTIVE')) x),
    'a child''s need names no active child');

-- gifts and deliveries match their ledger entries
select gen.require((select count(*) = 0 from (
    select 1 from donation d left join ledger_entry e on e.id = d.receipt_entry_id
    where d.recorded_by = 'country' and (e.id is null or e.kind <> 'RECEIPT' or e.amount_dong <> d.amount_dong
                                          or e.source_ref <> d.id::text)) x),
    'a gift differs from its receipt entry');
select gen.require((select count(*) = 0 from (
    select 1 from (select receiving_unit_code, receipt_year, count(*) as n, max(receipt_number) as top
                   from donation group by receiving_unit_code, receipt_year) d
    join receipt_counter c on c.unit_code = d.receiving_unit_code and c.year = d.receipt_year
    where d.n <> d.top or c.last_number <> d.top) x),
    'receipt numbers have gaps or the counter is behind');
select gen.require((select count(*) = 0 from (
    select 1 from delivery d left join ledger_entry e on e.id = d.ledger_entry_ids[1]
    where d.recorded_by = 'country' and (e.id is null or e.kind <> 'DELIVERY' or e.amount_dong <> d.value_dong
                                          or e.need_id <> d.need_id or e.children_count <> d.children_count)) x),
    'a delivery differs from its ledger entry');

-- children: a usable record has the consents it needs
select gen.require((select count(*) = 0 from (
    select 1 from child c where c.created_by = 'country' and c.status = 'ACTIVE'
    and (c.guardian_consent_by is null or c.guardian_consent_date is null or not 'PROCESSING' = any(c.consent_purposes)
         or (age((select asof from gen.params), c.date_of_birth) >= interval '7 years' and c.child_consent_by is null))) x),
    'an active child lacks a consent');

-- reports: per province, the accepted reports' figures equal a GROUP BY over the raw tables
select gen.require((select count(*) = 0 from (
    with acc as (
        select r.unit_code, r.receiver_code as province, r.id from report r
        where r.period_id = (select id from gen.period where code = '2025') and r.status = 'ACCEPTED'
          and r.id in (select id from gen.report2)),
    fig as (
        select a.province, f.indicator_code, sum(coalesce(f.adjusted, f.computed)) as v
        from acc a join report_figure f on f.report_id = a.id group by a.province, f.indicator_code),
    raw as (
        select a.province, 'need.published' as indicator_code, count(n.id) as v from acc a
        join need n on n.commune_code = a.unit_code
             and n.published_at >= gen.at(date '2025-07-01', 0) and n.published_at < gen.at(date '2026-07-01', 0)
        group by a.province
        union all
        select a.province, 'delivery.value', sum(d.value_dong) from acc a
        join delivery d on d.commune_code = a.unit_code and d.delivered_on between date '2025-07-01' and date '2026-06-30'
        group by a.province
        union all
        select a.province, 'outreach.people', sum(o.people_reached) from acc a
        join outreach_activity o on o.commune_code = a.unit_code and o.deleted_at is null
             and o.activity_date between date '2025-07-01' and date '2026-06-30'
        group by a.province)
    select 1 from raw join fig using (province, indicator_code) where raw.v <> fig.v) x),
    'a province''s accepted figures differ from the GROUP BY over the records');
