-- The synthetic country, step 2: children with their guardians' (and, from 7 years, their own)
-- consents, and donors. Names follow the naming customs of the child's ethnic group: Kinh names with
-- realistic surname frequencies (Nguyễn about 38 %), Tày, Nùng, Thái, Mường, H'Mông (Giàng A Páo),
-- Dao (Triệu Tài Vần), Ê Đê (Y Bih Niê, H'Linh Mlô), Gia Rai (Ksor H'Ly), Ba Na (A Thương),
-- Mnông (Điểu Xiêm), Cơ Ho (K'Brơi, Ka Huyên), Khơ-me (Thạch Thị Sa Rươl), Hoa.
set work_mem = '128MB';

-- immutable on purpose: the word lists do not change during a run, so a call with a constant
-- argument is evaluated once when a statement is planned, not per row
create function gen.w(kind text) returns text[] language sql immutable parallel safe as
$$ select w from gen.words where words.kind = $1 $$;

create function gen.person_name(eth text, male boolean, k text) returns text language sql stable parallel safe as
$$
select case
    when eth = '03' then gen.pick(gen.w('thai_surname'), gen.ut('s', k)) || case when male then ' Văn ' else ' Thị ' end
        || gen.pick(gen.w(case when male then 'thai_given_m' else 'thai_given_f' end), gen.ut('g', k))
    when eth = '08' then gen.pick(gen.w('mong_surname'), gen.ut('s', k)) || ' '
        || case when male then gen.pick(gen.w('mong_middle_m'), gen.ut('m', k)) else 'Thị' end || ' '
        || gen.pick(gen.w(case when male then 'mong_given_m' else 'mong_given_f' end), gen.ut('g', k))
    when eth = '09' then gen.pick(gen.w('dao_surname'), gen.ut('s', k)) || ' '
        || case when male then gen.pick(gen.w('dao_middle_m'), gen.ut('m', k)) else 'Thị' end || ' '
        || gen.pick(gen.w(case when male then 'dao_given_m' else 'dao_given_f' end), gen.ut('g', k))
    when eth = '12' then case when male then 'Y ' || gen.pick(gen.w('ede_given_m'), gen.ut('g', k))
                              else 'H''' || gen.pick(gen.w('ede_given_f'), gen.ut('g', k)) end
        || ' ' || gen.pick(gen.w('ede_clan'), gen.ut('s', k))
    when eth = '10' then gen.pick(gen.w('jrai_clan'), gen.ut('s', k)) || ' '
        || gen.pick(gen.w(case when male then 'jrai_given_m' else 'jrai_given_f' end), gen.ut('g', k))
    when eth = '13' then case when male then 'A ' else 'Y ' end || gen.pick(gen.w('bana_given'), gen.ut('g', k))
    when eth = '20' then case when male then 'Điểu ' else 'Thị ' end || gen.pick(gen.w('mnong_given'), gen.ut('g', k))
    when eth = '16' then case when male then 'K''' else 'Ka ' end || gen.pick(gen.w('coho_given'), gen.ut('g', k))
    when eth = '05' then gen.pick(gen.w('khmer_surname'), gen.ut('s', k)) || ' '
        || gen.pick(gen.w(case when male then 'khmer_given_m' else 'khmer_given_f' end), gen.ut('g', k))
    else
        case eth when '02' then gen.pick(gen.w('tay_surname'), gen.ut('s', k))
                 when '07' then gen.pick(gen.w('nung_surname'), gen.ut('s', k))
                 when '06' then gen.pick(gen.w('muong_surname'), gen.ut('s', k))
                 when '04' then gen.pick(gen.w('hoa_surname'), gen.ut('s', k))
                 when '19' then gen.pick(array['Đinh','Phạm','Hồ','Đinh'], gen.ut('s', k))
                 when '17' then gen.pick(array['Đạo','Lưu','Hán','Thành','Quảng','Châu'], gen.ut('s', k))
                 else gen.pick(gen.w('surname'), gen.ut('s', k)) end || ' '
        || case when eth <> '01' and gen.ut('m2', k) < 0.7 then case when male then 'Văn' else 'Thị' end
                else gen.pick(gen.w(case when male then 'middle_m' else 'middle_f' end), gen.ut('m', k)) end || ' '
        || gen.pick(gen.w(case when male then 'given_m' else 'given_f' end), gen.ut('g', k))
end
$$;

-- ------------------------------------------------------------------ children
create table gen.commune_vcount as select commune, count(*)::int as nv from gen.commune_village group by commune;
create unique index on gen.commune_vcount (commune);

create unlogged table gen.child as
with n as (
    select c.code as commune, c.name as commune_name, c.province, c.highland, c.ethnic, i,
           c.code || ':' || i as k
    from gen.commune c cross join generate_series(1, gen.share(1500000 * (select scale from gen.params), c.w)) i
), base as (
    select n.*, row_number() over (order by commune, i) as idx,
           gen.pick(ethnic, gen.ut('eth', k)) as eth,
           gen.ut('sex', k) < 0.51 as male,
           (select asof from gen.params) - floor(gen.ut('dob', k) * 16 * 365.25)::int as dob,
           gen.ut('status', k) as us,
           date '2025-07-01' + floor(gen.ut('created', k) * 480)::int as created_on
    from n
)
select b.*,
       (select coalesce(max(id), 0) from child) + idx as id,
       extract(year from age((select asof from gen.params), dob))::int as age,
       case when us < 0.93 then 'ACTIVE' when us < 0.96 then 'DRAFT' when us < 0.99 then 'WITHDRAWN' else 'ERASED' end
           as status,
       gen.person_name(eth, male, k) as full_name,
       case when gen.ut('grel', k) < 0.45 then 'Mẹ' when gen.ut('grel', k) < 0.75 then 'Cha'
            when gen.ut('grel', k) < 0.85 then 'Bà ngoại' when gen.ut('grel', k) < 0.92 then 'Bà nội'
            when gen.ut('grel', k) < 0.96 then 'Ông nội' else 'Cô' end as relationship
from base b;

-- public codes: a bijection of the ordinal into the 31^6 codes of the app's alphabet
create function gen.public_code(idx bigint) returns text language sql immutable parallel safe as
$$
select 'TE-' || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (((idx * 594823321 + 104729) % 887503681) / 28629151 % 31)::int + 1, 1)
             || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (((idx * 594823321 + 104729) % 887503681) / 923521 % 31)::int + 1, 1)
             || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (((idx * 594823321 + 104729) % 887503681) / 29791 % 31)::int + 1, 1)
             || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (((idx * 594823321 + 104729) % 887503681) / 961 % 31)::int + 1, 1)
             || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (((idx * 594823321 + 104729) % 887503681) / 31 % 31)::int + 1, 1)
             || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', ((idx * 594823321 + 104729) % 887503681 % 31)::int + 1, 1)
$$;

insert into child (id, public_code, status, full_name, name_folded, date_of_birth, birth_year, sex, ethnic_group_code,
                   village_code, commune_code, guardian_name, guardian_folded, guardian_relationship, guardian_phone,
                   household_poverty, poverty_certificate, schooling, school_name, circumstances, disability,
                   health_notes, nutrition_notes, guardian_consent_by, guardian_consent_date, guardian_consent_method,
                   consent_purposes, child_consent_by, child_consent_date, consent_withdrawn_at, erased_at, created_at,
                   created_by, updated_at)
select c.id, gen.public_code(c.idx), c.status,
       case when c.status <> 'ERASED' then c.full_name end,
       case when c.status <> 'ERASED' then gen.fold(c.full_name) end,
       case when c.status <> 'ERASED' then c.dob end,
       extract(year from c.dob)::int, case when c.male then 'MALE' else 'FEMALE' end, c.eth,
       v.code, c.commune,
       case when c.status <> 'ERASED' then g.name end,
       case when c.status <> 'ERASED' then gen.fold(g.name) end,
       c.relationship,
       case when c.status <> 'ERASED' and gen.ut('phone', c.k) < 0.8
            then '0' || gen.pick(array['3','5','7','8','9'], gen.ut('p1', c.k)) || lpad(floor(gen.ut('p2', c.k) * 1e8)::text, 8, '0') end,
       h.poverty,
       case h.poverty when 'POOR' then 'HN-' || lpad(floor(gen.ut('cert', c.k) * 10000)::text, 4, '0')
                      when 'NEAR_POOR' then 'CN-' || lpad(floor(gen.ut('cert', c.k) * 10000)::text, 4, '0') end,
       s.schooling,
       case s.schooling when 'PRESCHOOL' then 'Trường Mầm non ' || c.commune_name
                        when 'PRIMARY' then 'Trường Tiểu học ' || c.commune_name
                        when 'LOWER_SECONDARY' then case when c.highland then 'Trường PTDTBT THCS ' else 'Trường THCS ' end || c.commune_name
                        when 'UPPER_SECONDARY' then 'Trường THPT ' || c.commune_name end,
       case when gen.ut('hcdb', c.k) < 0.12
            then array[gen.pick(array['HCDB01','HCDB03','HCDB04','HCDB04','HCDB04','HCDB08','HCDB13','HCDB13','HCDB09','HCDB05'],
                                gen.ut('hcdb2', c.k))]::varchar(6)[]
            else '{}'::varchar(6)[] end,
       null, null,
       case when gen.ut('nutri', c.k) < 0.1 and c.age < 6 then 'Suy dinh dưỡng thể thấp còi' end,
       -- consents: the guardian's for processing (and mostly for anonymous mention), the child's own from 7
       case when c.status in ('ACTIVE', 'WITHDRAWN') then g.name end,
       case when c.status <> 'DRAFT' then c.created_on end,
       case when c.status <> 'DRAFT' then gen.pick(gen.weighted(array['WRITTEN','THUMBPRINT','VERBAL_WITNESSED','ELECTRONIC'],
                                                                array[70,15,10,5]), gen.ut('method', c.k)) end,
       case when c.status in ('ACTIVE', 'WITHDRAWN') then
           case when gen.ut('purp', c.k) < 0.35 then '{PROCESSING,ANONYMOUS_MENTION,PHOTOS}'
                when gen.ut('purp', c.k) < 0.85 then '{PROCESSING,ANONYMOUS_MENTION}'
                else '{PROCESSING}' end
           else '{}' end::varchar(20)[],
       case when c.status in ('ACTIVE', 'WITHDRAWN') and c.age >= 7 then c.full_name end,
       case when c.status in ('ACTIVE', 'WITHDRAWN') and c.age >= 7 then c.created_on end,
       case when c.status = 'WITHDRAWN' then gen.at(c.created_on + 30 + floor(gen.ut('wd', c.k) * 60)::int, 9) end,
       case when c.status = 'ERASED' then gen.at(c.created_on + 40, 10) end,
       gen.at(c.created_on, 8 + gen.ut('h', c.k) * 9), 'country',
       gen.at(c.created_on, 8 + gen.ut('h', c.k) * 9)
from gen.child c
join gen.commune_vcount vc on vc.commune = c.commune
join gen.commune_village v on v.commune = c.commune and v.n = 1 + floor(gen.ut('village', c.k) * vc.nv)
cross join lateral (select gen.person_name(c.eth, c.relationship in ('Cha', 'Ông nội'), c.k || ':g') as name) g
cross join lateral (
    select case when gen.ut('poor', c.k) < case when c.highland then 0.40 else 0.20 end then 'POOR'
                when gen.ut('poor', c.k) < case when c.highland then 0.65 else 0.40 end then 'NEAR_POOR'
                else 'NONE' end as poverty) h
cross join lateral (
    select case when c.age < 3 then 'NOT_YET' when c.age < 6 then 'PRESCHOOL' when c.age < 11 then 'PRIMARY'
                when gen.ut('oos', c.k) < 0.05 then 'OUT_OF_SCHOOL'
                when c.age < 15 then 'LOWER_SECONDARY' else 'UPPER_SECONDARY' end as schooling) s
where not exists (select 1 from child x where x.public_code = gen.public_code(c.idx))
order by c.id;
select setval('child_id_seq', (select max(id) from child));

-- the usable children of each commune, numbered, for the needs of children
create table gen.commune_child as
select commune_code as commune, id, village_code, row_number() over (partition by commune_code order by id) as n
from child where status = 'ACTIVE' and commune_code in (select code from gen.commune);
create unique index on gen.commune_child (commune, n);
create table gen.commune_ccount as select commune, count(*)::int as nc from gen.commune_child group by commune;
create unique index on gen.commune_ccount (commune);

-- ------------------------------------------------------------------ donors
create unlogged table gen.donor as
with n as (
    select c.code as commune, c.name as commune_name, c.province, i, 'd:' || c.code || ':' || i as k
    from gen.commune c cross join generate_series(1, gen.share(300000 * (select scale from gen.params), c.w)) i
), b as (
    select n.*, row_number() over (order by commune, i) as idx,
           case when gen.ut('kind', k) < 0.85 then 'INDIVIDUAL' when gen.ut('kind', k) < 0.93 then 'BUSINESS'
                when gen.ut('kind', k) < 0.98 then 'ORGANISATION' else 'FUND' end as kind,
           gen.ut('foreign', k) >= 0.02 as domestic
    from n
)
select b.*, (select coalesce(max(id), 1000) from donor) + idx as id,
       case
           when not domestic and kind = 'INDIVIDUAL' then
               gen.pick(array['John','Mary','David','Sarah','Yuki','Hiroshi','Min-jun','Ji-woo','Pierre','Marie','Lukas',
                              'Anna','Wei','Mei','Oliver','Emma'], gen.ut('fn', k)) || ' ' ||
               gen.pick(array['Smith','Johnson','Brown','Tanaka','Suzuki','Kim','Park','Dubois','Martin','Müller',
                              'Schmidt','Chen','Wang','Nguyen','Tran','Wilson'], gen.ut('ln', k))
           when not domestic then
               gen.pick(array['Hope for Children Foundation','Rotary Club of Sydney','Japan Heart Association',
                              'Friends of Vietnam e.V.','Children''s Aid Society','Lions Club of Singapore',
                              'Korea Sharing Movement','Les Amis du Vietnam'], gen.ut('org', k))
           when kind = 'INDIVIDUAL' then gen.person_name('01', gen.ut('dsex', k) < 0.5, k)
           when kind = 'BUSINESS' then
               'Công ty ' || gen.pick(array['TNHH','Cổ phần','TNHH','TNHH MTV'], gen.ut('b1', k)) || ' ' ||
               gen.pick(array['Thương mại','Xây dựng','Dược phẩm','Nông sản','Vận tải','Cà phê','Thủy sản','Vật liệu',
                              'Du lịch','Điện máy','May mặc','Thực phẩm'], gen.ut('b2', k)) || ' ' ||
               gen.pick(array['Hoàng Long','Phú Thịnh','An Phát','Minh Tâm','Đại Việt','Tân Tiến','Hưng Thịnh',
                              'Thành Công','Trường Sơn','Sao Mai','Bình Minh','Hòa Phát','Việt Úc','Cao Nguyên'],
                        gen.ut('b3', k))
           when kind = 'ORGANISATION' then
               gen.pick(array['Hội Liên hiệp Phụ nữ','Đoàn Thanh niên','Hội Chữ thập đỏ','Câu lạc bộ Thiện nguyện',
                              'Nhóm Thiện nguyện','Hội Cựu chiến binh','Hội Nông dân','Trường THPT'], gen.ut('o1', k))
               || ' ' || commune_name
           else 'Quỹ ' || gen.pick(array['Khuyến học','Bảo trợ trẻ em','Vì người nghèo','Thiện Tâm','Hy vọng'], gen.ut('f1', k))
               || ' ' || commune_name
       end as name
from b;

insert into donor (id, kind, name, name_folded, domestic, country, phone, email, tax_code, anonymous, list_consent,
                   list_consent_on, registered_unit_code, commune_code, province_code, created_by, created_at, updated_at)
select d.id, d.kind, d.name, gen.fold(d.name), d.domestic,
       case when d.domestic then 'VN' else gen.pick(array['US','JP','KR','AU','FR','DE','SG','CA','GB','TW'], gen.ut('ctry', d.k)) end,
       case when d.domestic and gen.ut('ph', d.k) < 0.6
                then '0' || gen.pick(array['3','5','7','8','9'], gen.ut('p1', d.k)) || lpad(floor(gen.ut('p2', d.k) * 1e8)::text, 8, '0')
            when not d.domestic and gen.ut('ph', d.k) < 0.3 then '+1' || lpad(floor(gen.ut('p2', d.k) * 1e10)::text, 10, '0') end,
       case when gen.ut('em', d.k) < 0.3 then 'donor' || d.id || '@example.vn' end,
       case when d.kind = 'BUSINESS' and d.domestic then lpad(floor(gen.ut('tax', d.k) * 1e10)::text, 10, '0') end,
       a.anonymous, a.consent, case when a.consent then date '2025-08-01' + floor(gen.ut('lc', d.k) * 470)::int end,
       case when gen.ut('lvl', d.k) < 0.2 then d.province else d.commune end,
       case when gen.ut('lvl', d.k) < 0.2 then null else d.commune end,
       d.province, 'country',
       gen.at(date '2025-08-01' + floor(gen.ut('lc', d.k) * 470)::int, 9), gen.at(date '2025-08-01' + floor(gen.ut('lc', d.k) * 470)::int, 9)
from gen.donor d
cross join lateral (select gen.ut('anon', d.k) < 0.05 as anonymous, gen.ut('anon', d.k) >= 0.05 and gen.ut('cons', d.k) < 0.68 as consent) a
order by d.id;
select setval('donor_id_seq', (select max(id) from donor));

-- donors of each commune, numbered (receipts mostly come from the commune's own donors)
create table gen.commune_donor as
select d.commune, d.id, row_number() over (partition by d.commune order by d.id) as n from gen.donor d;
create unique index on gen.commune_donor (commune, n);
create table gen.commune_dcount as select commune, count(*)::int as nd from gen.commune_donor group by commune;
create unique index on gen.commune_dcount (commune);
analyze child;
analyze donor;
