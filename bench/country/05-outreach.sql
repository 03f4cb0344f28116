-- The synthetic country, step 5: outreach activities (village meetings, home visits, loudspeakers,
-- school sessions …) since the reform, each in one to three villages of its commune, with topics,
-- people and households reached and, in the mountains, often in the local language.
set work_mem = '128MB';

create unlogged table gen.activity as
with n as (
    select c.code as commune, c.name as commune_name, c.full_name as commune_full, c.province, c.highland, c.ethnic, i,
           'o:' || c.code || ':' || i as k
    from gen.commune c cross join generate_series(1, gen.share(200000 * (select scale from gen.params), c.w)) i
), b as (
    select n.*, row_number() over (order by commune, i) as idx,
           date '2025-07-01' + floor(gen.ut('day', k) * ((select asof from gen.params) - date '2025-07-01'))::int as day,
           gen.pick(gen.weighted(array['VILLAGE_MEETING','HOME_VISITS','LOUDSPEAKER','LEAFLETS','SCHOOL_SESSION',
                                       'SOCIAL_MEDIA','OTHER'], array[35,25,12,8,12,5,3]), gen.ut('method', k)) as method
    from n
)
select b.*, (select coalesce(max(id), 0) from outreach_activity) + idx as id,
       case method when 'VILLAGE_MEETING' then 30 + floor(gen.ut('people', k) * 170)
                   when 'HOME_VISITS' then 5 + floor(gen.ut('people', k) * 35)
                   when 'LOUDSPEAKER' then 100 + floor(gen.ut('people', k) * 700)
                   when 'LEAFLETS' then 50 + floor(gen.ut('people', k) * 350)
                   when 'SCHOOL_SESSION' then 40 + floor(gen.ut('people', k) * 260)
                   when 'SOCIAL_MEDIA' then 200 + floor(gen.ut('people', k) * 2800)
                   else 20 + floor(gen.ut('people', k) * 80) end::int as people
from b;

insert into outreach_activity (id, activity_date, commune_code, province_code, method, organisers, partners,
                               people_reached, households_reached, language, notes, created_by, created_at,
                               deleted_at, deleted_by, delete_reason)
select a.id, a.day, a.commune, a.province, a.method,
       case when gen.ut('org', a.k) < 0.6 then 'Ban Công tác Mặt trận thôn; Ủy ban MTTQ Việt Nam ' || a.commune_full
            else 'Ủy ban MTTQ Việt Nam ' || a.commune_full end,
       case when gen.ut('partner', a.k) < 0.5
            then gen.pick(array['Hội Liên hiệp Phụ nữ xã', 'Đoàn Thanh niên xã', 'Trạm Y tế xã', 'Trường Tiểu học',
                                'Công an xã', 'Hội Nông dân xã'], gen.ut('partner2', a.k)) end,
       a.people, floor(a.people * (0.3 + 0.4 * gen.ut('households', a.k)))::int,
       case when a.highland and gen.ut('lang', a.k) < 0.4 and gen.pick(a.ethnic, gen.ut('langeth', a.k)) <> '01'
            then gen.pick(a.ethnic, gen.ut('langeth', a.k)) else 'vi' end,
       gen.pick(array['Tuyên truyền về quyền trẻ em và phòng, chống xâm hại trẻ em.',
                      'Vận động gia đình cho trẻ đến trường đúng độ tuổi.',
                      'Hướng dẫn chăm sóc dinh dưỡng cho trẻ dưới 5 tuổi.',
                      'Phổ biến chương trình Ngày vì người nghèo và cách ủng hộ.',
                      'Thăm hỏi, động viên các gia đình có trẻ em hoàn cảnh đặc biệt.',
                      'Tuyên truyền phòng, chống đuối nước cho trẻ em mùa mưa lũ.'], gen.ut('notes', a.k)),
       'country', gen.at(a.day, 17),
       case when gen.ut('deleted', a.k) < 0.01 then gen.at(a.day + 2, 9) end,
       case when gen.ut('deleted', a.k) < 0.01 then 'country' end,
       case when gen.ut('deleted', a.k) < 0.01 then 'Nhập trùng với hoạt động đã ghi' end
from gen.activity a
order by a.id;
select setval('outreach_activity_id_seq', (select max(id) from outreach_activity));

-- one to three neighbouring villages of the commune
insert into outreach_activity_village (activity_id, village_code)
select distinct a.id, v.code
from gen.activity a
join gen.commune_vcount vc on vc.commune = a.commune
cross join generate_series(0, least(vc.nv, 1 + floor(gen.ut('nvillages', a.k) * 3)::int) - 1) j
join gen.commune_village v on v.commune = a.commune
     and v.n = 1 + ((floor(gen.ut('village', a.k) * vc.nv)::int + j) % vc.nv)
order by a.id, v.code;

insert into outreach_activity_topic (activity_id, topic)
select distinct a.id, t.topic
from gen.activity a
cross join lateral (
    select gen.pick(array['CARE','EDUCATION','PROTECTION','ABUSE_PREVENTION','NUTRITION','OTHER'], gen.ut('topic1', a.k)) as topic
    union
    select gen.pick(array['CARE','EDUCATION','PROTECTION','ABUSE_PREVENTION','NUTRITION'], gen.ut('topic2', a.k))
    where gen.ut('topics', a.k) < 0.5) t
order by a.id, t.topic;
analyze outreach_activity;
analyze outreach_activity_village;
