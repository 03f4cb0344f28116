-- Needs per child, village, school or commune, their lifecycle, and the commune's yearly plan.
-- A need refers to a child by id only (child_id); no child data is ever stored here. Amounts are
-- whole đồng in bigint. The *_folded columns serve diacritics-insensitive search.

-- support categories are data: seeded from reference/programme/support-categories.csv at start,
-- administrators add more
create table support_category (
    code        varchar(30)  primary key check (code ~ '^[A-Z][A-Z0-9_]*$'),
    name_vi     varchar(200) not null,
    name_en     varchar(200) not null,
    name_folded varchar(200) not null,
    source      varchar(300),
    active      boolean      not null default true,
    created_at  timestamptz  not null default now(),
    created_by  varchar(60)  not null
);

create table need (
    id                      bigserial    primary key,
    target                  varchar(10)  not null check (target in ('CHILD', 'VILLAGE', 'SCHOOL', 'COMMUNE')),
    child_id                bigint,
    child_details_withdrawn boolean      not null default false,
    unit_code               varchar(20)  not null,
    commune_code            varchar(20)  not null,
    province_code           varchar(20)  not null,
    school_name             varchar(200),
    category_code           varchar(30)  not null references support_category (code),
    description             varchar(1000) not null,
    quantity                integer      not null check (quantity between 1 and 1000000),
    unit                    varchar(40)  not null,
    unit_cost_dong          bigint       not null check (unit_cost_dong >= 0),
    total_dong              bigint       not null,
    funded_dong             bigint       not null default 0 check (funded_dong >= 0),
    year                    integer      not null check (year between 2000 and 2100),
    season                  varchar(60),
    season_folded           varchar(60)  not null default '',
    needed_by               date,
    priority                varchar(6)   not null check (priority in ('HIGH', 'MEDIUM', 'LOW')),
    children_served         integer      not null check (children_served between 1 and 100000),
    status                  varchar(14)  not null check (status in ('DRAFT', 'APPROVED', 'PUBLISHED',
                                'PARTLY_FUNDED', 'FUNDED', 'DELIVERED', 'CLOSED', 'CANCELLED')),
    submitted               boolean      not null default false,
    cancel_reason           varchar(500),
    description_folded      varchar(1000) not null,
    school_folded           varchar(200) not null default '',
    village_folded          varchar(250) not null default '',
    commune_folded          varchar(250) not null default '',
    created_by              varchar(60)  not null,
    created_at              timestamptz  not null default now(),
    published_at            timestamptz,
    version                 bigint       not null default 0,
    constraint need_total_is_quantity_times_cost check (total_dong = unit_cost_dong * quantity),
    constraint need_child_only_for_child_target check (child_id is null or target = 'CHILD'),
    constraint need_cancel_has_reason check (status <> 'CANCELLED' or cancel_reason is not null)
);

create index need_public_idx on need (status, province_code, commune_code, unit_code);
create index need_commune_year_idx on need (commune_code, year);
create index need_child_idx on need (child_id) where child_id is not null;
create index need_unit_idx on need (unit_code, category_code, year);

create table need_plan (
    id            bigserial    primary key,
    commune_code  varchar(20)  not null,
    province_code varchar(20)  not null,
    year          integer      not null check (year between 2000 and 2100),
    status        varchar(10)  not null check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    comment       varchar(2000),
    submitted_by  varchar(60),
    submitted_at  timestamptz,
    decided_by    varchar(60),
    decided_at    timestamptz,
    created_by    varchar(60)  not null,
    created_at    timestamptz  not null default now(),
    version       bigint       not null default 0,
    constraint need_plan_one_per_commune_and_year unique (commune_code, year),
    constraint need_plan_returned_has_comment check (status <> 'RETURNED' or comment is not null)
);
