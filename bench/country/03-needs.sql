-- The synthetic country, step 3: the communes' needs of two plan years (2025 and 2026) and their
-- yearly plans. Each need's fate is decided here (published, partly funded, funded, delivered,
-- closed, cancelled) together with the campaign that funds it, the parts of its allocations and the
-- days they happen; step 4 posts exactly that to the ledger, so funded amounts, statuses and the
-- ledger agree by construction (and step 9 checks it).
set work_mem = '128MB';

-- the 17 October campaigns of both years that the generator fills: the yearly ones of the
-- generated provinces and communes with no ledger entries yet (the demo's stay as they are)
create table gen.campaign as
select c.id, c.unit_code, c.template_year as year, c.receiving_from, c.receiving_to,
       case when p.code is not null then 'PROVINCE' else 'COMMUNE' end as level,
       coalesce(p.code, gc.province) as province,
       coalesce(p.w / (select sum(w) from gen.province), gc.w) as w
from campaign c
left join gen.province p on p.code = c.unit_code
left join gen.commune gc on gc.code = c.unit_code
where c.template_code = 'NGAY_VI_NGUOI_NGHEO' and c.template_year in (2025, 2026)
  and (p.code is not null or gc.code is not null)
  and not exists (select 1 from ledger_chain l where l.campaign_id = c.id and l.entry_count > 0);
create unique index on gen.campaign (unit_code, year);

-- what a need can be: per target and category, the description, unit, cost and quantity ranges
create table gen.need_kind (target text, category text, weight int, description text, unit text,
                            cost_lo int, cost_hi int, qty_lo int, qty_hi int, children_per int);
insert into gen.need_kind values
 ('CHILD','DO_AM',15,'Áo ấm và chăn cho mùa đông','bộ',350000,500000,1,1,1),
 ('CHILD','DO_AM',10,'Áo khoác và mũ len','bộ',250000,400000,1,2,0),
 ('CHILD','HOC_TAP',15,'Sách vở và đồ dùng học tập đầu năm học','bộ',200000,400000,1,1,1),
 ('CHILD','HOC_TAP',7,'Học bổng cho học sinh nghèo vượt khó','suất',1000000,2000000,1,1,1),
 ('CHILD','HOC_TAP',3,'Xe đạp đến trường','chiếc',1500000,2200000,1,1,1),
 ('CHILD','QUAN_AO',15,'Đồng phục và giày dép','bộ',200000,300000,1,2,0),
 ('CHILD','SUC_KHOE',10,'Khám, chữa bệnh và thuốc men','lượt',300000,1500000,1,3,0),
 ('CHILD','SUC_KHOE',5,'Thẻ bảo hiểm y tế','thẻ',600000,900000,1,1,1),
 ('CHILD','DINH_DUONG',10,'Sữa và bánh dinh dưỡng','thùng',350000,450000,1,4,0),
 ('CHILD','KHAC',10,'Quà Tết cho cháu','suất',300000,500000,1,1,1),
 ('VILLAGE','DINH_DUONG',15,'Bữa ăn bán trú cho học sinh','suất',20000,30000,200,3000,-40),
 ('VILLAGE','DINH_DUONG',10,'Sữa cho trẻ mầm non','hộp',8000,12000,300,2000,-30),
 ('VILLAGE','DO_AM',20,'Chăn ấm cho các cháu','chiếc',200000,300000,10,120,1),
 ('VILLAGE','HOC_TAP',15,'Cặp sách và dụng cụ học tập','bộ',250000,350000,10,100,1),
 ('VILLAGE','QUAN_AO',15,'Đồng phục và giày dép cho học sinh tiểu học','bộ',200000,300000,10,80,1),
 ('VILLAGE','VUI_CHOI',10,'Đồ chơi và sân chơi cho trẻ em','bộ',1000000,5000000,1,3,-1),
 ('VILLAGE','SUC_KHOE',10,'Khám sức khỏe định kỳ cho trẻ em','lượt',150000,300000,20,150,1),
 ('VILLAGE','KHAC',5,'Quà Trung thu cho các cháu','suất',100000,200000,20,150,1),
 ('SCHOOL','HOC_TAP',35,'Tủ sách và đồ dùng dạy học','bộ',3000000,6000000,1,5,-2),
 ('SCHOOL','DINH_DUONG',30,'Bếp ăn bán trú','suất',20000,30000,500,4000,-50),
 ('SCHOOL','VUI_CHOI',15,'Sân chơi cho học sinh','bộ',5000000,20000000,1,2,-3),
 ('SCHOOL','CONG_TRINH',20,'Nhà vệ sinh và công trình nước sạch','công trình',40000000,150000000,1,1,-4),
 ('COMMUNE','CONG_TRINH',60,'Sửa chữa phòng học điểm trường','công trình',80000000,250000000,1,1,-4),
 ('COMMUNE','SUC_KHOE',20,'Khám sàng lọc bệnh tim bẩm sinh cho trẻ em','lượt',500000,1500000,20,200,1),
 ('COMMUNE','VUI_CHOI',20,'Tổ chức Tết Thiếu nhi và Trung thu cho trẻ em','suất',100000,150000,100,800,1);
create table gen.need_kind_pick as
select target, gen.weighted(array_agg(row_number::text order by row_number), array_agg(weight order by row_number)) as pick
from (select *, row_number() over (partition by target order by category, description) from gen.need_kind) k
group by target;
create table gen.need_kind_n as
select *, row_number() over (partition by target order by category, description)::text as n from gen.need_kind;

create unlogged table gen.need as
with n as (
    select c.code as commune, c.name as commune_name, c.full_name as commune_full, c.province, i,
           'n:' || c.code || ':' || i as k,
           coalesce(cc.nc, 0) as children
    from gen.commune c
    left join gen.commune_ccount cc on cc.commune = c.code
    cross join generate_series(1, gen.share(500000 * (select scale from gen.params), c.w)) i
), t as (
    select n.*, row_number() over (order by commune, i) as idx,
           case when gen.ut('year', k) < 0.55 then 2025 else 2026 end as year,
           case when gen.ut('target', k) < 0.5 and children > 0 then 'CHILD'
                when gen.ut('target', k) < 0.85 then 'VILLAGE'
                when gen.ut('target', k) < 0.95 then 'SCHOOL' else 'COMMUNE' end as target
    from n
), kinds as (
    select t.*, nk.category, nk.description as what, nk.unit, nk.children_per,
           (round((nk.cost_lo + (nk.cost_hi - nk.cost_lo) * gen.ut('cost', k)) / 10000) * 10000)::bigint as unit_cost,
           (nk.qty_lo + floor((nk.qty_hi - nk.qty_lo + 1) * gen.ut('qty', k)))::int as quantity,
           gen.ut('status', k) as us
    from t
    join gen.need_kind_pick p on p.target = t.target
    join gen.need_kind_n nk on nk.target = t.target and nk.n = gen.pick(p.pick, gen.ut('kind', t.k))
)
select k.*, (select coalesce(max(id), 0) from need) + idx as id,
       case when year = 2025 then
           case when us < 0.02 then 'DRAFT' when us < 0.05 then 'APPROVED' when us < 0.15 then 'PUBLISHED'
                when us < 0.27 then 'PARTLY_FUNDED' when us < 0.40 then 'FUNDED' when us < 0.85 then 'DELIVERED'
                when us < 0.95 then 'CLOSED' else 'CANCELLED' end
       else
           case when us < 0.05 then 'DRAFT' when us < 0.13 then 'APPROVED' when us < 0.50 then 'PUBLISHED'
                when us < 0.70 then 'PARTLY_FUNDED' when us < 0.90 then 'FUNDED' when us < 0.98 then 'DELIVERED'
                else 'CANCELLED' end
       end as planned_status
from kinds k;

-- where each need is: the child's village, a village, a school or the commune
create unlogged table gen.need_place as
select n.id,
       case n.target when 'CHILD' then ch.village_code when 'VILLAGE' then v.code else n.commune end as unit_code,
       case n.target when 'CHILD' then ch.id end as child_id,
       case n.target when 'CHILD' then cv.full_name when 'VILLAGE' then v.full_name end as village_name,
       case n.target when 'SCHOOL' then
           case when gen.ut('school', n.k) < 0.5 then 'Trường Tiểu học ' || n.commune_name
                else 'Điểm trường ' || v.full_name end end as school_name
from gen.need n
left join gen.commune_vcount vc on vc.commune = n.commune
left join gen.commune_village v on v.commune = n.commune and v.n = 1 + floor(gen.ut('village', n.k) * vc.nv)
left join gen.commune_child ch on n.target = 'CHILD' and ch.commune = n.commune
                               and ch.n = 1 + floor(gen.ut('child', n.k) * n.children)
left join gen.commune_village cv on cv.code = ch.village_code;
create unique index on gen.need_place (id);

-- the fate of each need: which campaign funds it, in how many parts, and when
create unlogged table gen.need_fate as
with f as (
    select n.id, n.k, n.year, n.commune, n.province, n.planned_status,
           n.unit_cost * n.quantity as total,
           coalesce(case when gen.ut('campaign', n.k) < 0.75 then cc.id else pc.id end, cc.id, pc.id) as campaign_id
    from gen.need n
    left join gen.campaign cc on cc.unit_code = n.commune and cc.year = n.year
    left join gen.campaign pc on pc.unit_code = n.province and pc.year = n.year
), s as (
    select f.*,
           case when planned_status in ('PARTLY_FUNDED', 'FUNDED', 'DELIVERED', 'CLOSED') and campaign_id is null
                    then 'PUBLISHED'
                when planned_status = 'PARTLY_FUNDED' and total < 10000 then 'FUNDED'
                else planned_status end as status
    from f
)
select s.id, s.k, s.year, s.commune, s.province, s.total, s.status,
       case when s.status in ('PARTLY_FUNDED', 'FUNDED', 'DELIVERED', 'CLOSED') then s.campaign_id end as campaign_id,
       case when s.status = 'PARTLY_FUNDED'
                then least(s.total - 1000, greatest(1000, gen.k(s.total * (0.15 + 0.7 * gen.ut('partly', s.k)))))
            when s.status in ('FUNDED', 'DELIVERED', 'CLOSED') then s.total else 0 end as funded,
       -- a second allocation for a quarter of the fully funded needs
       s.status in ('FUNDED', 'DELIVERED', 'CLOSED') and s.total >= 20000 and gen.ut('parts', s.k) < 0.25 as two_parts,
       case when s.year = 2025 then date '2025-11-19' + floor(gen.ut('alloc', s.k) * 30)::int
            else date '2026-11-19' + floor(gen.ut('alloc', s.k) * 4)::int end as alloc_on,
       case when s.year = 2025 then date '2026-01-05' + floor(gen.ut('deliver', s.k) * 160)::int
            else (select asof from gen.params) end as delivered_on,
       make_date(s.year, 8, 1) + floor(gen.ut('created', s.k) * 50)::int as created_on
from s;
create unique index on gen.need_fate (id);

insert into need (id, target, child_id, unit_code, commune_code, province_code, school_name, category_code,
                  description, quantity, unit, unit_cost_dong, total_dong, funded_dong, year, season, season_folded,
                  needed_by, priority, children_served, status, submitted, cancel_reason, description_folded,
                  school_folded, village_folded, commune_folded, created_by, created_at, published_at, version)
select n.id, n.target, p.child_id, p.unit_code, n.commune, n.province, p.school_name, n.category,
       d.description, n.quantity, n.unit, n.unit_cost, n.unit_cost * n.quantity, f.funded, n.year, s.season,
       gen.fold(s.season), null,
       case when gen.ut('prio', n.k) < 0.3 then 'HIGH' when gen.ut('prio', n.k) < 0.8 then 'MEDIUM' else 'LOW' end,
       case when n.target = 'CHILD' then 1
            when n.children_per > 0 then greatest(1, n.quantity * n.children_per)
            when n.children_per = -1 then 10 + floor(gen.ut('served', n.k) * 40)::int
            when n.children_per = -2 then 50 + floor(gen.ut('served', n.k) * 250)::int
            when n.children_per = -3 then 80 + floor(gen.ut('served', n.k) * 300)::int
            when n.children_per = -4 then 40 + floor(gen.ut('served', n.k) * 360)::int
            else greatest(1, n.quantity / (- n.children_per)) end,
       f.status, f.status <> 'DRAFT',
       case when f.status = 'CANCELLED' then 'Đã được nhà tài trợ khác hỗ trợ trực tiếp' end,
       gen.fold(d.description), coalesce(gen.fold(p.school_name), ''), coalesce(gen.fold(p.village_name), ''),
       gen.fold(n.commune_full), 'country', gen.at(f.created_on, 9),
       case when f.status not in ('DRAFT', 'APPROVED') and (f.status <> 'CANCELLED' or gen.ut('cpub', n.k) < 0.5)
            then gen.at(f.created_on + 3 + floor(gen.ut('pub', n.k) * 20)::int, 14) end,
       1
from gen.need n
join gen.need_place p on p.id = n.id
join gen.need_fate f on f.id = n.id
cross join lateral (
    select n.what || case when n.target = 'VILLAGE' then ' ' || p.village_name
                          when n.target = 'SCHOOL' then ' ' || p.school_name
                          when n.target = 'COMMUNE' then ' ' || n.commune_full else '' end as description) d
cross join lateral (
    select case when n.category = 'DO_AM' then 'Mùa đông ' || n.year
                when n.category in ('HOC_TAP', 'QUAN_AO') then 'Năm học ' || n.year || '-' || (n.year + 1)
                when n.category = 'KHAC' then 'Tết ' || (n.year + 1) end as season) s
order by n.id;
select setval('need_id_seq', (select max(id) from need));

-- the plans of the communes' years (approved; a fifth of 2026's still awaiting the province)
insert into need_plan (commune_code, province_code, year, status, comment, submitted_by, submitted_at, decided_by,
                       decided_at, created_by, created_at)
select y.commune, y.province, y.year,
       case when y.year = 2026 and gen.ut('plan', y.commune || y.year) < 0.2 then 'SUBMITTED' else 'APPROVED' end,
       case when y.year = 2026 and gen.ut('plan', y.commune || y.year) < 0.2 then null
            else 'Đồng ý kế hoạch năm ' || y.year || '.' end,
       'xa.' || y.commune, gen.at(make_date(y.year, 7, 15), 9),
       case when y.year = 2026 and gen.ut('plan', y.commune || y.year) < 0.2 then null else 'tinh.' || y.province end,
       case when y.year = 2026 and gen.ut('plan', y.commune || y.year) < 0.2 then null
            else gen.at(make_date(y.year, 7, 25), 10) end,
       'country', gen.at(make_date(y.year, 7, 10), 9)
from (select distinct commune, province, year from gen.need) y
where not exists (select 1 from need_plan p where p.commune_code = y.commune and p.year = y.year)
order by y.commune, y.year;
analyze need;
