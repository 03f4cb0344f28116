-- The administrative hierarchy with its history: a unit is its code plus its validity, because
-- codes were reused across the 2025 reform (24640 was Thị trấn Ea T'Ling, is Xã Cư Jút).
create extension if not exists btree_gist;
create extension if not exists pg_trgm;
create extension if not exists unaccent;

create table org_unit (
    id          bigserial primary key,
    code        varchar(20)  not null,
    name        varchar(200) not null,
    full_name   varchar(250) not null,
    unit_type   varchar(60)  not null,
    level       smallint     not null check (level between 1 and 4),
    parent_code varchar(20),
    valid_from  date,
    valid_to    date,
    name_folded varchar(250) not null,
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0,
    constraint org_unit_valid_dates check (valid_from is null or valid_to is null or valid_to >= valid_from),
    -- one unit per code on any day
    constraint org_unit_one_per_code_and_day
        exclude using gist (code with =, daterange(valid_from, valid_to, '[]') with &&)
);

-- a parent is referred to by code and resolved on the date asked, like every unit
create index org_unit_parent_idx on org_unit (parent_code);
create index org_unit_code_idx on org_unit (code);
create index org_unit_name_trgm_idx on org_unit using gin (name_folded gin_trgm_ops);

-- "new unit formed from old unit": one row per (successor, predecessor)
create table org_unit_succession (
    id             bigserial primary key,
    successor_id   bigint  not null references org_unit (id),
    predecessor_id bigint  not null references org_unit (id),
    partial        boolean not null,
    match_kind     varchar(20) not null,
    effective_date date    not null,
    constraint org_unit_succession_once unique (successor_id, predecessor_id),
    constraint org_unit_succession_not_self check (successor_id <> predecessor_id)
);
create index org_unit_succession_predecessor_idx on org_unit_succession (predecessor_id);

-- periods of the disadvantaged-area lists (2021–2025, 2026–2030, ...)
create table org_classification_period (
    id         bigserial primary key,
    code       varchar(20)  not null unique,
    name       varchar(200) not null,
    valid_from date         not null,
    valid_to   date         not null,
    document   varchar(300) not null,
    constraint org_classification_period_dates check (valid_to >= valid_from)
);

-- commune khu vực I/II/III, village "đặc biệt khó khăn", per period and deciding document
create table org_unit_classification (
    id          bigserial primary key,
    unit_id     bigint      not null references org_unit (id),
    period_id   bigint      not null references org_classification_period (id),
    kind        varchar(30) not null check (kind in ('AREA', 'ESPECIALLY_DIFFICULT')),
    value       varchar(10) not null,
    document    varchar(300),
    recorded_at timestamptz not null default now(),
    recorded_by varchar(60) not null,
    constraint org_unit_classification_once unique (unit_id, period_id, kind),
    constraint org_unit_classification_value check (
        (kind = 'AREA' and value in ('I', 'II', 'III')) or (kind = 'ESPECIALLY_DIFFICULT' and value in ('true', 'false')))
);

-- every load of a unit list or change list, with what it did
create table org_import_run (
    id                bigserial primary key,
    dataset           varchar(120) not null,
    checksum          char(64)     not null,
    effective_date    date,
    started_at        timestamptz  not null default now(),
    started_by        varchar(60)  not null,
    units_inserted    integer      not null,
    units_closed      integer      not null,
    links_inserted    integer      not null,
    rows_rejected     integer      not null,
    rejections        text
);

insert into org_classification_period (code, name, valid_from, valid_to, document) values
    ('2021-2025', 'Giai đoạn 2021–2025', date '2021-01-01', date '2025-12-31',
     'Quyết định 861/QĐ-TTg ngày 04/6/2021; Quyết định 612/QĐ-UBDT ngày 16/9/2021'),
    ('2026-2030', 'Giai đoạn 2026–2030', date '2026-01-01', date '2030-12-31',
     'Nghị định 272/2025/NĐ-CP và các danh sách kèm theo');
