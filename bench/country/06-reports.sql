-- The synthetic country, step 6: the annual reports of programme DA588 for two years.
--  * 2025–2026 (period "2025", 1 July 2025 – 30 June 2026, due 10 July 2026): every generated
--    commune of today, to its province; figures computed from the generated records exactly as the
--    modules' IndicatorProviders compute them (step 9 and ConsolidationAtScaleIntegrationTests
--    check that), mostly accepted, some late, returned, submitted or still drafts.
--  * 2024–2025 (period "2024", due 10 July 2025): the old communes of before the reform, to their
--    districts; there are no records of that year in the system, so the figures are the paper
--    records entered as adjustments with a note (computed 0), as the demo does.
-- The template and periods are the demo's (DemoReports) when present, created the same way if not.
set work_mem = '128MB';

insert into report_template (programme_code, title, indicator_codes, created_by)
select 'DA588', 'Kết quả thực hiện Đề án “Vận động nguồn lực xã hội hỗ trợ trẻ em các xã đặc biệt khó khăn thuộc vùng dân tộc thiểu số và miền núi”',
       '{}', 'country'
where not exists (select 1 from report_template where programme_code = 'DA588');
insert into report_period (template_id, code, name, starts_on, ends_on, created_by)
select t.id, p.code, p.name, p.starts_on, p.ends_on, 'country'
from report_template t
cross join (values ('2024', 'năm 2024–2025', date '2024-07-01', date '2025-06-30'),
                   ('2025', 'năm 2025–2026', date '2025-07-01', date '2026-06-30')) p(code, name, starts_on, ends_on)
where t.programme_code = 'DA588'
  and not exists (select 1 from report_period x where x.template_id = t.id and x.code = p.code);
insert into report_deadline (period_id, level, due_on)
select p.id, d.level, d.due_on
from report_period p join report_template t on t.id = p.template_id
join (values ('2024', 'COMMUNE', date '2025-07-10'), ('2024', 'DISTRICT', date '2025-07-20'),
             ('2025', 'COMMUNE', date '2026-07-10')) d(code, level, due_on) on d.code = p.code
where t.programme_code = 'DA588'
on conflict do nothing;

create table gen.period as
select p.code, p.id, p.starts_on, p.ends_on, d.due_on
from report_period p join report_template t on t.id = p.template_id
join report_deadline d on d.period_id = p.id and d.level = 'COMMUNE'
where t.programme_code = 'DA588' and p.code in ('2024', '2025');

-- the indicators the modules provide (reporting.internal.Indicators with every provider), in order
create table gen.indicator as
select * from (values
    ('need.published', 'need.indicator.published', 'COUNT', 'reporting.group.needs', 10),
    ('need.funded', 'need.indicator.funded', 'COUNT', 'reporting.group.needs', 20),
    ('need.delivered', 'need.indicator.delivered', 'COUNT', 'reporting.group.needs', 30),
    ('delivery.count', 'delivery.indicator.count', 'COUNT', 'delivery.indicator.group', 400),
    ('delivery.value', 'delivery.indicator.value', 'VND', 'delivery.indicator.group', 401),
    ('delivery.children_distinct', 'delivery.indicator.childrenDistinct', 'PEOPLE', 'delivery.indicator.group', 402),
    ('outreach.activities', 'outreach.indicator.activities', 'COUNT', 'outreach.indicator.group', 500),
    ('outreach.people', 'outreach.indicator.people', 'PEOPLE', 'outreach.indicator.group', 510),
    ('outreach.households', 'outreach.indicator.households', 'COUNT', 'outreach.indicator.group', 520),
    ('outreach.dbkk_villages_reached', 'outreach.indicator.dbkkVillagesReached', 'COUNT', 'outreach.indicator.group', 530),
    ('supervision.visits', 'supervision.indicator.visits', 'COUNT', 'supervision.indicator.group', 600),
    ('supervision.recommendations_resolved', 'supervision.indicator.recommendationsResolved', 'COUNT', 'supervision.indicator.group', 610),
    ('supervision.recommendations_open', 'supervision.indicator.recommendationsOpen', 'COUNT', 'supervision.indicator.group', 620),
    ('commendation.proposed', 'commendation.indicator.proposed', 'COUNT', 'commendation.indicator.group', 900),
    ('commendation.approved', 'commendation.indicator.approved', 'COUNT', 'commendation.indicator.group', 910)
) i(code, label_key, unit, group_key, sort_order)
union all
select 'delivery.child_turns.' || lower(code), 'delivery.indicator.childTurns.' || code, 'PEOPLE',
       'delivery.indicator.group', 409 + row_number() over (order by code)::int
from support_category where active;

-- ------------------------------------------------------------------ 2025–2026: figures from the records
create unlogged table gen.figure as
with p as (select * from gen.period where code = '2025'),
w as (select gen.at(p.starts_on, 0) as t0, gen.at(p.ends_on + 1, 0) as t1, p.starts_on as d0, p.ends_on as d1 from p),
dnamed as (select delivery_id, count(*) as named from delivery_child group by delivery_id),
d as (
    select d.id, d.need_id, d.commune_code, d.category_code, d.value_dong, d.children_count, coalesce(n.named, 0) as named
    from delivery d cross join w left join dnamed n on n.delivery_id = d.id
    where d.commune_code in (select code from gen.commune) and d.delivered_on between w.d0 and w.d1
)
select n.commune_code as commune, 'need.published' as code, count(*) as value
from need n, w where n.published_at >= w.t0 and n.published_at < w.t1 and n.commune_code in (select code from gen.commune)
group by n.commune_code
union all
select n.commune_code, case m.kind when 'FUNDED' then 'need.funded' else 'need.delivered' end, count(*)
from need_milestone m join need n on n.id = m.need_id, w
where m.reached_at >= w.t0 and m.reached_at < w.t1 and n.commune_code in (select code from gen.commune)
group by n.commune_code, m.kind
union all
select commune_code, 'delivery.count', count(*) from d group by commune_code
union all
select commune_code, 'delivery.value', sum(value_dong) from d group by commune_code
union all
select commune_code, 'delivery.child_turns.' || lower(category_code), sum(children_count) from d
group by commune_code, category_code
union all
select commune_code, 'delivery.children_distinct', sum(v) from (
    select d.commune_code, count(distinct c.child_id) as v
    from delivery_child c join d on d.id = c.delivery_id where c.child_id is not null group by d.commune_code
    union all
    select d.commune_code, count(*) from delivery_child c join d on d.id = c.delivery_id where c.child_id is null
    group by d.commune_code
    union all
    select commune_code, sum(m) from (select commune_code, need_id, max(children_count - named) as m
                                      from d group by commune_code, need_id) g group by commune_code) x
group by commune_code
union all
select a.commune_code, c.code, case c.code when 'outreach.activities' then count(*)
                                        when 'outreach.people' then sum(a.people_reached)
                                        else sum(a.households_reached) end
from outreach_activity a, w,
     (values ('outreach.activities'), ('outreach.people'), ('outreach.households')) c(code)
where a.deleted_at is null and a.activity_date between w.d0 and w.d1 and a.commune_code in (select code from gen.commune)
group by a.commune_code, c.code
union all
select r.commune, 'outreach.dbkk_villages_reached', count(*)
from (select a.commune_code as commune, v.village_code, max(a.activity_date) as last_day
      from outreach_activity a join outreach_activity_village v on v.activity_id = a.id, w
      where a.deleted_at is null and a.activity_date between w.d0 and w.d1 and a.commune_code in (select code from gen.commune)
      group by a.commune_code, v.village_code) r
join org_unit u on u.code = r.village_code and (u.valid_from is null or u.valid_from <= r.last_day)
                and (u.valid_to is null or u.valid_to >= r.last_day)
join org_unit_classification k on k.unit_id = u.id and k.kind = 'ESPECIALLY_DIFFICULT' and k.value = 'true'
join org_classification_period cp on cp.id = k.period_id and r.last_day between cp.valid_from and cp.valid_to
group by r.commune;
create index on gen.figure (commune, code);

-- which communes report, in what state and when (times in Vietnam)
create unlogged table gen.report as
select c.code as unit_code, c.full_name as unit_name, c.province as receiver_code, p.full_name as receiver_name,
       'COMMUNE' as level, 'rep:' || c.code as k, gen.ut('rstatus', c.code) as us,
       gen.ut('late', c.code) < 0.2 as late, (select id from gen.period where code = '2025') as period_id,
       date '2026-07-10' as due
from gen.commune c join gen.province p on p.code = c.province
where not exists (select 1 from report r where r.period_id = (select id from gen.period where code = '2025')
                  and r.unit_code = c.code);

-- 2024–2025: the old communes (valid on 30 June 2025) that became part of today's generated communes
insert into gen.report
select o.code, o.full_name, d.code, d.full_name, 'COMMUNE', 'rep24:' || o.code, gen.ut('rstatus24', o.code),
       gen.ut('late24', o.code) < 0.2, (select id from gen.period where code = '2024'), date '2025-07-10'
from org_unit o
join org_unit d on d.code = o.parent_code and d.valid_to = date '2025-06-30' and d.level = 2
where o.level = 3 and o.unit_type in ('Xã', 'Phường', 'Thị trấn') and o.valid_to = date '2025-06-30'
  and exists (select 1 from org_unit_succession s join org_unit n on n.id = s.successor_id
              join gen.commune gc on gc.code = n.code and n.valid_to is null
              where s.predecessor_id = o.id)
  and not exists (select 1 from report r where r.period_id = (select id from gen.period where code = '2024')
                  and r.unit_code = o.code);

create unlogged table gen.report2 as
select r.*, (select coalesce(max(id), 0) from report) + row_number() over (order by r.period_id, r.unit_code) as id,
       case when us < 0.88 then 'ACCEPTED' when us < 0.93 then 'SUBMITTED'
            when us < 0.95 and r.period_id = (select id from gen.period where code = '2025') then 'RETURNED'
            when us < 0.98 and r.period_id = (select id from gen.period where code = '2025') then 'DRAFT'
            else null end as status,
       gen.at(case when r.late then r.due + 1 + floor(gen.ut('lateday', r.k) * 20)::int
                   else r.due - floor(gen.ut('day', r.k) * 15)::int end, 8 + gen.ut('hour', r.k) * 9) as first_at,
       gen.ut('resubmitted', r.k) < 0.05 as resubmitted
from gen.report r;
delete from gen.report2 where status is null;

insert into report (id, period_id, unit_code, unit_name, level, receiver_code, receiver_name, status, doc_number,
                    first_submitted_at, submitted_at, submitted_by, decided_at, decided_by, comment, created_at,
                    created_by)
select r.id, r.period_id, r.unit_code, r.unit_name, r.level, r.receiver_code, r.receiver_name,
       case when r.status = 'ACCEPTED' then 'SUBMITTED' else r.status end,
       case when r.status <> 'DRAFT' then (1 + floor(gen.ut('number', r.k) * 40))::text end,
       case when r.status <> 'DRAFT' then r.first_at end,
       case when r.status <> 'DRAFT' then r.first_at + case when r.resubmitted and r.status in ('ACCEPTED', 'SUBMITTED')
                                                            then interval '5 days' else interval '0' end end,
       case when r.status <> 'DRAFT' then 'xa.' || r.unit_code end,
       case when r.status in ('ACCEPTED', 'RETURNED') then r.first_at + interval '2 days'
                 + case when r.resubmitted and r.status = 'ACCEPTED' then interval '5 days' else interval '0' end end,
       case when r.status in ('ACCEPTED', 'RETURNED') then
           case when r.receiver_code ~ '^[0-9]{2}$' then 'tinh.' else 'huyen.' end || r.receiver_code end,
       case when r.status = 'RETURNED' or r.resubmitted
            then 'Đề nghị bổ sung số trẻ em được hỗ trợ theo từng thôn và nêu rõ khó khăn về nguồn lực.' end,
       r.first_at - interval '14 days', 'xa.' || r.unit_code
from gen.report2 r
order by r.id;
select setval('report_id_seq', (select max(id) from report));

-- every indicator of every report: computed from the records (2025) or, before the system (2024),
-- 0 computed and the paper figure as an adjustment with a note
insert into report_figure (report_id, indicator_code, label_key, unit, group_key, sort_order, summable, provided, computed,
                           adjusted, note)
select r.id, i.code, i.label_key, i.unit, i.group_key, i.sort_order, true, true,
       case when p.code = '2025' then coalesce(f.value, 0) else 0 end,
       case when p.code = '2024' then
           case when i.code = 'delivery.value' then floor(gen.ut('paper', r.k || i.code) * 30)::bigint * 2000000
                when i.code in ('outreach.people') then floor(gen.ut('paper', r.k || i.code) * 2000)::bigint
                when i.code in ('outreach.households', 'delivery.children_distinct') then floor(gen.ut('paper', r.k || i.code) * 300)::bigint
                when i.code like 'delivery.child_turns.%' then floor(gen.ut('paper', r.k || i.code) * 120)::bigint
                else floor(gen.ut('paper', r.k || i.code) * 25)::bigint end end,
       case when p.code = '2024' then 'Số liệu tổng hợp từ sổ theo dõi của xã (trước khi dùng hệ thống).' end
from gen.report2 r
join gen.period p on p.id = r.period_id
cross join gen.indicator i
left join gen.figure f on p.code = '2025' and f.commune = r.unit_code and f.code = i.code
order by r.id, i.sort_order;

insert into report_narrative (report_id, section, body)
select r.id, s.section, s.body
from gen.report2 r
join gen.period p on p.id = r.period_id
cross join lateral (values
    ('RESULTS', 'Trong ' || case p.code when '2025' then 'năm 2025–2026' else 'năm 2024–2025' end || ', Ủy ban MTTQ Việt Nam '
                || r.unit_name || ' đã phối hợp với các tổ chức thành viên vận động nguồn lực hỗ trợ trẻ em có hoàn cảnh khó khăn, '
                || gen.pick(array['tập trung vào các thôn, buôn đặc biệt khó khăn.', 'ưu tiên trẻ em mồ côi và trẻ em khuyết tật.',
                                  'chú trọng hỗ trợ đồ ấm và học tập trước mùa đông.', 'gắn với Ngày vì người nghèo 17/10.'],
                            gen.ut('results', r.k))),
    ('DIFFICULTIES', gen.pick(array['Nguồn lực vận động còn hạn chế so với nhu cầu.',
                                    'Địa bàn rộng, giao thông đi lại khó khăn vào mùa mưa.',
                                    'Một số thôn chưa cập nhật kịp danh sách trẻ em.',
                                    'Cán bộ kiêm nhiệm nhiều việc sau sắp xếp đơn vị hành chính.'], gen.ut('difficulties', r.k))),
    ('PROPOSALS', gen.pick(array['Đề nghị tỉnh tiếp tục hỗ trợ các xã đặc biệt khó khăn.',
                                 'Đề nghị tổ chức tập huấn sử dụng hệ thống cho cán bộ thôn.',
                                 'Đề nghị kêu gọi thêm doanh nghiệp đồng hành với chương trình.'], gen.ut('proposals', r.k)))
) s(section, body)
where r.status <> 'DRAFT'
order by r.id, s.section;

-- the workflow as the history records it
insert into report_history (report_id, at, actor, action, comment, figures)
select h.report_id, h.at, h.actor, h.action, h.comment, h.figures
from (
    select r.id as report_id, r.first_at - interval '14 days' as at, 'xa.' || r.unit_code as actor, 'OPEN' as action,
           null as comment, null::jsonb as figures, 1 as step
    from gen.report2 r
    union all
    select r.id, r.first_at, 'xa.' || r.unit_code, 'SUBMIT', null,
           (select jsonb_object_agg(f.indicator_code, coalesce(f.adjusted, f.computed)) from report_figure f where f.report_id = r.id), 2
    from gen.report2 r where r.status <> 'DRAFT'
    union all
    select r.id, r.first_at + interval '2 days', case when r.receiver_code ~ '^[0-9]{2}$' then 'tinh.' else 'huyen.' end || r.receiver_code,
           'RETURN', 'Đề nghị bổ sung số trẻ em được hỗ trợ theo từng thôn và nêu rõ khó khăn về nguồn lực.', null, 3
    from gen.report2 r where r.status = 'RETURNED' or r.resubmitted and r.status <> 'DRAFT'
    union all
    select r.id, r.first_at + interval '5 days', 'xa.' || r.unit_code, 'SUBMIT', null,
           (select jsonb_object_agg(f.indicator_code, coalesce(f.adjusted, f.computed)) from report_figure f where f.report_id = r.id), 4
    from gen.report2 r where r.resubmitted and r.status in ('ACCEPTED', 'SUBMITTED')
    union all
    select r.id, r.first_at + interval '2 days' + case when r.resubmitted then interval '5 days' else interval '0' end,
           case when r.receiver_code ~ '^[0-9]{2}$' then 'tinh.' else 'huyen.' end || r.receiver_code, 'ACCEPT', null, null, 5
    from gen.report2 r where r.status = 'ACCEPTED'
) h
order by h.report_id, h.step;

-- accepted last: their figures and narratives are locked from now on (report_content_is_locked)
update report r set status = 'ACCEPTED' from gen.report2 g where g.id = r.id and g.status = 'ACCEPTED';
analyze report;
analyze report_figure;
