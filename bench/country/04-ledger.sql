-- The synthetic country, step 4: the ledgers of the 17 October campaigns of 2025 and 2026 — gifts
-- (donation rows with gap-free receipt numbers and their RECEIPT entries), allocations to the needs
-- step 3 decided to fund, deliveries of the delivered ones (delivery rows with proof) — as one
-- valid SHA-256 chain per campaign (docs/ledger-hashing.md, computed in order by gen.hash_chains),
-- with the balances, campaign totals, first-in-first-out lots and traces the ledger module keeps.
-- Entries go in with triggers off (like a restore, ADR 010) and the derived tables are written in
-- bulk from the same rows; step 9 checks them against the entries.
set work_mem = '128MB';

-- ------------------------------------------------------------------ allocations and deliveries
create unlogged table gen.alloc as
select f.id as need_id, f.campaign_id, f.k, n.commune, n.category,
       case when p.unit_code like '%-%' then p.unit_code end as village, parts.part, parts.amount, parts.day
from gen.need_fate f
join gen.need n on n.id = f.id
join gen.need_place p on p.id = f.id
cross join lateral (
    select 1 as part,
           case when f.two_parts then gen.k(f.funded * (0.3 + 0.4 * gen.ut('part', f.k))) else f.funded end as amount,
           f.alloc_on as day
    union all
    select 2, f.funded - gen.k(f.funded * (0.3 + 0.4 * gen.ut('part', f.k))),
           least(f.alloc_on + floor(gen.ut('part2', f.k) * 4)::int, (select asof from gen.params) - 1)
    where f.two_parts) parts
where f.campaign_id is not null;

create unlogged table gen.deliv as
select f.id as need_id, f.campaign_id, f.k, f.funded as amount, f.delivered_on as day, f.province,
       (select coalesce(max(id), 0) from delivery) + row_number() over (order by f.id) as delivery_id
from gen.need_fate f
where f.status in ('DELIVERED', 'CLOSED');

-- ------------------------------------------------------------------ gifts
create index on gen.donor (idx);
create table gen.amounts as
select gen.weighted(array['20000','50000','100000','200000','300000','500000','1000000','2000000','5000000',
                          '10000000','20000000','50000000','100000000'],
                    array[5,14,20,18,6,14,10,6,4,2,1,1,1]) as a;

create unlogged table gen.receipt as
with plan as (
    select (select scale from gen.params) * 5000000 - (select count(*) from gen.alloc) - (select count(*) from gen.deliv)
               as receipts
), per as (
    select c.*, round(greatest(0, p.receipts) * case c.year when 2025 then 0.45 else 0.55 end
                      * case c.level when 'COMMUNE' then 0.8 else 0.2 end * c.w)::int as n
    from gen.campaign c, plan p
), r as (
    select per.id as campaign_id, per.unit_code, per.level, per.province, per.year, per.receiving_from, per.receiving_to,
           i, 'r:' || per.id || ':' || i as k
    from per cross join generate_series(1, per.n) i
)
select r.*,
       coalesce(cd.id, gd.id) as donor_id,
       least(r.receiving_to, (select asof from gen.params) - 1,
             r.receiving_from + floor(33 * power(gen.ut('day', r.k), 1.8))::int) as day,
       gen.pick((select a from gen.amounts), gen.ut('amount', r.k))::bigint as base_amount,
       case when gen.ut('channel', r.k) < 0.72 then 'BANK_TRANSFER' when gen.ut('channel', r.k) < 0.98 then 'CASH'
            else 'OTHER' end as channel
from r
left join gen.commune_dcount dc on r.level = 'COMMUNE' and dc.commune = r.unit_code and gen.ut('local', r.k) < 0.6
left join gen.commune_donor cd on cd.commune = dc.commune and cd.n = 1 + floor(gen.ut('ldonor', r.k) * dc.nd)
left join gen.donor gd on cd.id is null
     and gd.idx = 1 + floor(power(gen.ut('gdonor', r.k), 2) * (select count(*) from gen.donor));

create unlogged table gen.gift0 as
select r.campaign_id, r.unit_code, r.level, r.province, r.year, r.i, r.k, r.donor_id, r.day, r.channel,
       d.kind as donor_kind, d.domestic, d.name as donor_name, d.email,
       case when d.list_consent and not d.anonymous then d.name else 'Nhà hảo tâm' end as public_name,
       case when d.kind <> 'INDIVIDUAL' then r.base_amount * 10 else r.base_amount end as amount,
       replace(replace(gen.pick(array[
           'ung ho cac chau vung cao', 'Ủng hộ trẻ em nghèo', 'chuc cac chau khoe manh, hoc gioi',
           'gia dinh {n} ung ho', '{N} chuyen tien ung ho', 'ung ho ao am mua dong',
           'Ủng hộ sữa cho các cháu mầm non', '{n} ung ho quy vi tre em', 'xin cam on',
           'quyen gop sach vo cho hoc sinh', 'ung ho ngay vi nguoi ngheo 17/10', '',
           'Nhóm bạn trẻ thiện nguyện', 'ung ho xay diem truong', 'Ủng hộ Quỹ Vì người nghèo',
           'Cán bộ, công chức ủng hộ', 'ung ho tre em dan toc thieu so', 'Mừng Ngày vì người nghèo'],
           gen.ut('msg', r.k)), '{n}', gen.fold(d.name)), '{N}', upper(gen.fold(d.name))) as message
from gen.receipt r join donor d on d.id = r.donor_id;

create table gen.business as
select id, row_number() over (order by id) as n from gen.donor where kind = 'BUSINESS' and domestic;
create unique index on gen.business (n);

-- a pool that would not cover what step 3 allocates from it gets one large gift first (a company
-- answering the campaign's call), so no allocation ever takes more than the pool received
insert into gen.gift0 (campaign_id, unit_code, level, province, year, i, k, donor_id, day, channel, donor_kind, domestic,
                       donor_name, email, public_name, amount, message)
select c.id, c.unit_code, c.level, c.province, c.year, 0, 'r:' || c.id || ':0', d.id, c.receiving_from, 'BANK_TRANSFER',
       d.kind, d.domestic, d.name, d.email,
       case when d.list_consent and not d.anonymous then d.name else 'Nhà hảo tâm' end,
       ceil(s.shortfall * 1.05 / 1000000.0)::bigint * 1000000, 'Ủng hộ chương trình Ngày vì người nghèo ' || c.year
from gen.campaign c
join (select a.campaign_id, a.total - coalesce(g.total, 0) as shortfall
      from (select campaign_id, sum(amount) as total from gen.alloc group by campaign_id) a
      left join (select campaign_id, sum(amount) as total from gen.gift0 group by campaign_id) g
             on g.campaign_id = a.campaign_id) s on s.campaign_id = c.id
cross join lateral (
    select * from donor x
    where x.id = coalesce((select b.id from gen.business b
                           where b.n = 1 + floor(gen.ut('topup', c.id::text) * (select count(*) from gen.business))),
                          (select min(id) from gen.donor))) d
where s.shortfall > 0;

create unlogged table gen.gift as
select g.*, (select coalesce(max(id), 0) from donation) + row_number() over (order by g.campaign_id, g.day, g.i) as donation_id
from gen.gift0 g;
drop table gen.gift0;

-- ------------------------------------------------------------------ the entries, in chain order
create unlogged table gen.entry0 as
select g.campaign_id, 1 as phase, g.day, g.i::bigint as ord, 'RECEIPT' as kind, g.amount,
       'DONOR:' || g.donor_id as from_account, 'POOL:' || g.unit_code as to_account,
       null::text as commune_code, null::text as village_code, null::text as category_code, null::bigint as need_id,
       g.donor_id, g.public_name as donor_public_name, nullif(g.message, '') as public_message, 0 as children_count,
       g.donation_id::text as source_ref
from gen.gift g
union all
select a.campaign_id, 2, a.day, a.need_id * 2 + a.part, 'ALLOCATION', a.amount, 'POOL:' || c.unit_code,
       'NEED:' || a.need_id, a.commune, a.village, a.category, a.need_id, null, null,
       case when gen.ut('note', a.k || a.part) < 0.5 then null
            else gen.pick(array['Phân bổ theo kế hoạch của xã', 'Phân bổ theo đề xuất của thôn',
                                'Phân bổ theo danh sách đã duyệt', 'Hỗ trợ theo nhu cầu đã công khai'],
                          gen.ut('notetext', a.k || a.part)) end,
       0, null
from gen.alloc a join gen.campaign c on c.id = a.campaign_id
union all
select d.campaign_id, 3, d.day, d.need_id, 'DELIVERY', d.amount, 'NEED:' || d.need_id, 'DELIVERED:NEED:' || d.need_id,
       n.commune, case when p.unit_code like '%-%' then p.unit_code end, n.category, d.need_id, null, null, null,
       nd.children_served, d.delivery_id::text
from gen.deliv d join gen.need n on n.id = d.need_id join gen.need_place p on p.id = d.need_id
join need nd on nd.id = d.need_id;

create unlogged table gen.entry as
select e.*, (select coalesce(max(id), 0) from ledger_entry) + row_number() over (order by campaign_id, sequence) as id
from (select e0.*, row_number() over (partition by campaign_id order by phase, day, ord) as sequence from gen.entry0 e0) e;
create unique index on gen.entry (campaign_id, sequence);
create unique index on gen.entry (id);
drop table gen.entry0;
analyze gen.entry;

-- the hash chain: each entry's 19 public fields as netstrings, then the previous hash
create unlogged table gen.entry_hash (id bigint primary key, previous_hash text, hash text);
create function gen.hash_chains() returns bigint language plpgsql as
$$
declare
    r record;
    cur bigint := -1;
    prev text;
    h text;
    ids bigint[] := '{}';
    prevs text[] := '{}';
    hashes text[] := '{}';
    n bigint := 0;
begin
    for r in
        select e.id, e.campaign_id,
               gen.ns(e.campaign_id::text) || gen.ns(e.sequence::text) || gen.ns(e.kind)
               || gen.ns(to_char(e.day, 'YYYY-MM-DD')) || gen.ns(e.amount::text) || '0:,0:,0:,'
               || gen.ns(case when e.from_account like 'DONOR:%' then 'DONOR' else e.from_account end)
               || gen.ns(case when e.to_account like 'DONOR:%' then 'DONOR' else e.to_account end)
               || gen.ns(e.commune_code) || gen.ns(e.village_code) || gen.ns(e.category_code)
               || gen.ns(e.need_id::text) || gen.ns(e.donor_public_name) || gen.ns(e.public_message)
               || gen.ns(e.children_count::text) || '0:,0:,' as body
        from gen.entry e order by e.campaign_id, e.sequence
    loop
        if r.campaign_id <> cur then
            cur := r.campaign_id;
            prev := repeat('0', 64);
        end if;
        h := encode(sha256(convert_to(r.body || '64:' || prev || ',', 'UTF8')), 'hex');
        ids := ids || r.id;
        prevs := prevs || prev;
        hashes := hashes || h;
        prev := h;
        n := n + 1;
        if cardinality(ids) >= 20000 then
            insert into gen.entry_hash select * from unnest(ids, prevs, hashes);
            ids := '{}';
            prevs := '{}';
            hashes := '{}';
        end if;
    end loop;
    insert into gen.entry_hash select * from unnest(ids, prevs, hashes);
    return n;
end
$$;
select gen.hash_chains();

-- ------------------------------------------------------------------ into the ledger (triggers off, like a restore)
set session_replication_role = replica;
drop index if exists ledger_entry_search_idx;
drop index if exists ledger_entry_tokens_idx;
insert into ledger_entry (id, campaign_id, sequence, kind, entry_date, amount_dong, item_key, from_account, to_account,
                          commune_code, village_code, category_code, need_id, donor_id, donor_public_name,
                          public_message, children_count, source_ref, search_folded, previous_hash, hash, created_by,
                          created_at)
select e.id, e.campaign_id, e.sequence, e.kind, e.day, e.amount, '', e.from_account, e.to_account, e.commune_code,
       e.village_code, e.category_code, e.need_id, e.donor_id, e.donor_public_name, e.public_message, e.children_count,
       e.source_ref, gen.fold(concat_ws(' ', coalesce(e.donor_public_name, ''), coalesce(e.public_message, ''), '', '')),
       h.previous_hash, h.hash, 'country', gen.at(e.day, 8 + e.phase * 3)
from gen.entry e join gen.entry_hash h on h.id = e.id
order by e.id;
select setval('ledger_entry_id_seq', (select max(id) from ledger_entry));
set maintenance_work_mem = '256MB';
create index ledger_entry_search_idx on ledger_entry using gin ((' ' || search_folded || ' ') gin_trgm_ops);
create index ledger_entry_tokens_idx on ledger_entry using gin (search_tokens);

-- the chains' heads and totals
insert into ledger_chain (campaign_id, entry_count, head_hash, received_dong, allocated_dong, delivered_dong)
select e.campaign_id, count(*), (select h.hash from gen.entry x join gen.entry_hash h on h.id = x.id
                                 where x.campaign_id = e.campaign_id order by x.sequence desc limit 1),
       coalesce(sum(amount) filter (where kind = 'RECEIPT'), 0), coalesce(sum(amount) filter (where kind = 'ALLOCATION'), 0),
       coalesce(sum(amount) filter (where kind = 'DELIVERY'), 0)
from gen.entry e group by e.campaign_id
on conflict (campaign_id) do update
    set entry_count = excluded.entry_count, head_hash = excluded.head_hash, received_dong = excluded.received_dong,
        allocated_dong = excluded.allocated_dong, delivered_dong = excluded.delivered_dong;

-- the balances the trigger would have left
insert into ledger_balance (campaign_id, account, item_key, amount_dong, quantity)
select campaign_id, account, '', sum(delta), 0
from (select campaign_id, to_account as account, amount as delta from gen.entry
      union all
      select campaign_id, from_account, -amount from gen.entry where from_account not like 'DONOR:%') x
group by campaign_id, account
order by campaign_id, account;

-- first in, first out: which receipts each allocation took (its interval of the pool's running
-- total against the receipts' intervals), and what each delivery took from its need
create unlogged table gen.rcum as
select id, campaign_id, sequence, amount, sum(amount) over (partition by campaign_id order by sequence) as re
from gen.entry where kind = 'RECEIPT';
create index on gen.rcum (campaign_id, re);
create unlogged table gen.acum as
select id, campaign_id, sequence, need_id, amount, sum(amount) over (partition by campaign_id order by sequence) as ae
from gen.entry where kind = 'ALLOCATION';
analyze gen.rcum;
-- the running total at which the receipt holding an allocation's last đồng ends: the allocation's
-- receipts lie between its start and this (both bounds of one index range scan below)
create unlogged table gen.acum2 as
select a.*, (select min(x.re) from gen.rcum x where x.campaign_id = a.campaign_id and x.re >= a.ae) as hi
from gen.acum a;
analyze gen.acum2;

create unlogged table gen.take as
select a.id as alloc_id, a.sequence as alloc_seq, a.campaign_id, a.need_id, r.id as receipt_id,
       r.sequence as receipt_seq, least(r.re, a.ae) - greatest(r.re - r.amount, a.ae - a.amount) as amount
from gen.acum2 a
cross join lateral (select * from gen.rcum r where r.campaign_id = a.campaign_id and r.re > a.ae - a.amount
                    and r.re <= a.hi) r
where least(r.re, a.ae) - greatest(r.re - r.amount, a.ae - a.amount) > 0;
create index on gen.take (need_id);

create unlogged table gen.dtake as
select d.id as delivery_entry_id, d.sequence as delivery_seq, d.campaign_id, d.need_id, t.alloc_id, t.receipt_id,
       t.receipt_seq, t.amount
from gen.entry d join gen.take t on t.need_id = d.need_id and t.campaign_id = d.campaign_id
where d.kind = 'DELIVERY';

insert into ledger_trace (entry_id, receipt_id, from_via_id, to_via_id, amount_dong, quantity)
select id, id, null, id, amount, 0 from gen.rcum
union all
select alloc_id, receipt_id, receipt_id, alloc_id, amount, 0 from gen.take
union all
select delivery_entry_id, receipt_id, alloc_id, delivery_entry_id, amount, 0 from gen.dtake;

insert into ledger_lot (campaign_id, account, item_key, via_id, receipt_id, via_sequence, receipt_sequence, amount_dong,
                        quantity)
select r.campaign_id, e.to_account, '', r.id, r.id, r.sequence, r.sequence,
       r.amount - coalesce(t.taken, 0), 0
from gen.rcum r join gen.entry e on e.id = r.id
left join (select receipt_id, sum(amount) as taken from gen.take group by receipt_id) t on t.receipt_id = r.id
union all
select t.campaign_id, 'NEED:' || t.need_id, '', t.alloc_id, t.receipt_id, t.alloc_seq, t.receipt_seq,
       case when d.need_id is not null then 0 else t.amount end, 0
from gen.take t left join gen.deliv d on d.need_id = t.need_id and d.campaign_id = t.campaign_id
union all
select campaign_id, 'DELIVERED:NEED:' || need_id, '', delivery_entry_id, receipt_id, delivery_seq, receipt_seq, sum(amount), 0
from gen.dtake
group by campaign_id, need_id, delivery_entry_id, receipt_id, delivery_seq, receipt_seq;
set session_replication_role = origin;

-- ------------------------------------------------------------------ the gifts (donation module)
create unlogged table gen.receipt_number as
select g.donation_id, g.unit_code, extract(year from g.day)::int as year,
       coalesce(rc.last_number, 0) + row_number() over (partition by g.unit_code, extract(year from g.day)
                                                         order by g.day, g.campaign_id, g.i) as number
from gen.gift g left join receipt_counter rc on rc.unit_code = g.unit_code and rc.year = extract(year from g.day);
create unique index on gen.receipt_number (donation_id);

insert into donation (id, campaign_id, receiving_unit_code, unit_path, channel, donor_id, donor_kind, donor_domestic,
                      donor_name, donor_public_name, donor_email, amount_dong, received_on, message, received_by,
                      recorded_by, receipt_year, receipt_number, receipt_entry_id, search_text, created_at)
select g.donation_id, g.campaign_id, g.unit_code,
       case when g.level = 'COMMUNE' then array[g.unit_code, g.province] else array[g.unit_code] end,
       g.channel, g.donor_id, g.donor_kind, g.domestic, g.donor_name, g.public_name, g.email, g.amount, g.day,
       nullif(g.message, ''), 'Thủ quỹ Ủy ban MTTQ', 'country', rn.year, rn.number, e.id,
       gen.fold(g.donor_name || ' ' || coalesce(g.message, '') || ' ' || rn.number || '/' || rn.year || '/BN-' || g.unit_code),
       gen.at(g.day, 11)
from gen.gift g
join gen.receipt_number rn on rn.donation_id = g.donation_id
join gen.entry e on e.kind = 'RECEIPT' and e.source_ref = g.donation_id::text and e.campaign_id = g.campaign_id
order by g.donation_id;
select setval('donation_id_seq', (select max(id) from donation));

insert into receipt_counter (unit_code, year, last_number)
select unit_code, year, max(number) from gen.receipt_number group by unit_code, year
on conflict (unit_code, year) do update set last_number = greatest(receipt_counter.last_number, excluded.last_number);

-- ------------------------------------------------------------------ deliveries (delivery module)
-- one transaction: a confirmed delivery needs its proof by the commit (a deferred check)
begin;
insert into delivery (id, need_id, campaign_id, unit_code, commune_code, province_code, category_code, year, season,
                      delivered_on, amount_dong, value_dong, children_count, handed_over_by, note, status,
                      ledger_entry_ids, recorded_by, recorded_at)
select d.delivery_id, d.need_id, d.campaign_id, n.unit_code, n.commune_code, n.province_code, n.category_code, n.year,
       n.season, d.day, d.amount, d.amount, n.children_served,
       gen.pick(array['Ban Công tác Mặt trận thôn', 'Ủy ban MTTQ Việt Nam xã', 'Chi hội Phụ nữ thôn',
                      'Đoàn Thanh niên xã'], gen.ut('handover', d.k)),
       null, case when gen.ut('proof', d.k) < 0.9 then 'CONFIRMED' else 'AWAITING_PROOF' end,
       array[e.id], 'country', gen.at(d.day, 16)
from gen.deliv d
join need n on n.id = d.need_id
join gen.entry e on e.kind = 'DELIVERY' and e.need_id = d.need_id and e.campaign_id = d.campaign_id
order by d.delivery_id;
select setval('delivery_id_seq', (select max(id) from delivery));

-- the signed list of recipients (a tiny PNG: the content is not what is measured)
insert into delivery_file (delivery_id, kind, proof_kind, content_type, size_bytes, sha256, content, original_name,
                           uploaded_by, uploaded_at)
select d.id, 'PROOF', 'SIGNED_LIST', 'image/png', octet_length(p.png), encode(sha256(p.png), 'hex'), p.png,
       'danh-sach-ky-nhan.png', 'country', d.recorded_at
from delivery d
cross join (select decode('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201f8d3a8a90000000049454e44ae426082', 'hex') as png) p
where d.status = 'CONFIRMED' and d.id in (select delivery_id from gen.deliv)
order by d.id;
commit;

insert into delivery_child (delivery_id, child_id, withdrawn, received)
select d.delivery_id, n.child_id, false, n.description
from gen.deliv d join need n on n.id = d.need_id
where n.child_id is not null
order by d.delivery_id;

insert into delivery_need_allocation (need_id, campaign_id, allocated_dong)
select need_id, campaign_id, sum(amount) from gen.alloc group by need_id, campaign_id
on conflict (need_id, campaign_id) do update set allocated_dong = delivery_need_allocation.allocated_dong + excluded.allocated_dong;

-- when needs became funded and delivered (for the reports' counts)
insert into need_milestone (need_id, kind, reached_at)
select a.need_id, 'FUNDED', gen.at(max(a.day), 10)
from gen.alloc a join gen.need_fate f on f.id = a.need_id
where f.status in ('FUNDED', 'DELIVERED', 'CLOSED')
group by a.need_id
union all
select d.need_id, 'DELIVERED', gen.at(d.day, 16) from gen.deliv d
order by 1, 2;

analyze ledger_entry;
analyze ledger_balance;
analyze ledger_lot;
analyze ledger_trace;
analyze donation;
analyze delivery;
