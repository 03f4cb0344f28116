-- The synthetic country, step 1: villages (thôn, bản, buôn, bon, làng, ấp, tổ dân phố) of every
-- commune that has none yet, as the organisation module stores them (org_unit rows one level below
-- the commune, code <commune>-NN, valid from the reform), and the "đặc biệt khó khăn" flag of many
-- villages in the mountains for both classification periods.

create table gen.village as
with v as (
    select c.code as commune, c.idx as commune_idx, c.province, c.unit_type as commune_type, c.highland, c.ethnic,
           i, c.villages as nv,
           case
               when c.unit_type = 'Phường' then 'Tổ dân phố'
               when c.province in ('91', '86', '92', '96', '82', '80', '75', '79') then 'Ấp'
               when not c.highland or i <= c.villages / 2 then 'Thôn'
               when c.province = '66' then 'Buôn'
               when c.province = '68' then 'Bon'
               when c.province = '52' then 'Làng'
               when c.province in ('04', '08', '11', '12', '14', '15', '20', '19', '25', '38', '40') then 'Bản'
               else 'Thôn'
           end as type
    from gen.commune c cross join generate_series(1, c.villages) i
    where not c.has_villages
)
select commune || '-' || lpad(i::text, 2, '0') as code, commune, commune_idx, province, i, type,
       case when type in ('Buôn', 'Bon', 'Làng', 'Bản', 'Ấp') then
           (select w[((i - 1 + floor(gen.ut('vn', commune) * cardinality(w))::int) % cardinality(w)) + 1]
            from gen.words where kind = case type when 'Bản' then 'ban' when 'Ấp' then 'ap' else 'buon' end)
           else i::text
       end as name,
       commune_type <> 'Phường' and gen.ut('dbkk', commune || '-' || i) < case when highland then 0.4 else 0.05 end
           as difficult
from v;
create unique index on gen.village (code);
create index on gen.village (commune, i);

insert into org_unit (code, name, full_name, unit_type, level, parent_code, valid_from, name_folded)
select v.code, v.name, v.type || ' ' || v.name, v.type, c.level + 1, v.commune, date '2025-07-01',
       gen.fold(v.type || ' ' || v.name)
from gen.village v join gen.commune c on c.code = v.commune
order by v.code;

insert into org_unit_classification (unit_id, period_id, kind, value, document, recorded_by)
select u.id, p.id, 'ESPECIALLY_DIFFICULT', 'true', p.document, 'country-generator'
from gen.village v
join org_unit u on u.code = v.code and u.valid_to is null
cross join org_classification_period p
where v.difficult
order by u.id, p.id;

-- every commune's villages (also the demo's), numbered, for picking one by a hash
create table gen.commune_village as
select u.parent_code as commune, u.code,
       row_number() over (partition by u.parent_code order by u.code) as n,
       count(*) over (partition by u.parent_code) as of_n,
       u.full_name
from org_unit u join gen.commune c on c.code = u.parent_code
where u.valid_to is null;
create unique index on gen.commune_village (commune, n);
analyze gen.commune_village;
