-- Programmes as data (loaded from reference/programme/programmes.csv, then edited by administrators),
-- templates of yearly campaigns (the 17 October campaign month), and targets per campaign.
create table programme (
    code               text primary key check (code ~ '^[A-Z0-9_]{2,40}$'),
    name               text not null check (length(btrim(name)) between 1 and 300),
    name_en            text not null default '',
    decision           text not null default '',
    period_from        date not null,
    period_to          date not null,
    goals              text not null default '',
    goals_en           text not null default '',
    organising_levels  text not null default 'PROVINCE,COMMUNE',
    check (period_to >= period_from)
);

create table programme_indicator (
    programme_code  text not null references programme (code),
    code            text not null check (code ~ '^[a-z][a-z0-9_.]{1,60}$'),
    position        integer not null,
    name_vi         text not null,
    name_en         text not null,
    unit            text not null check (unit in ('VND', 'PEOPLE', 'COUNT')),
    category_code   text,
    primary key (programme_code, code)
);

-- A campaign opened every year for each organising unit: window as month-day (a window whose last
-- day comes before its first runs into the next year), the name with {year} and {unit}.
create table campaign_template (
    code          text primary key check (code ~ '^[A-Z0-9_]{2,40}$'),
    name_pattern  text not null check (name_pattern like '%{year}%'),
    first_month   integer not null check (first_month between 1 and 12),
    first_day     integer not null check (first_day between 1 and 31),
    last_month    integer not null check (last_month between 1 and 12),
    last_day      integer not null check (last_day between 1 and 31),
    from_year     integer not null check (from_year between 2000 and 2100),
    to_year       integer check (to_year between 2000 and 2100),
    active        boolean not null default true
);

create table campaign_template_level (
    template_code  text not null references campaign_template (code),
    level          text not null check (level in ('PROVINCE', 'COMMUNE')),
    target_dong    bigint not null default 0 check (target_dong >= 0),
    primary key (template_code, level)
);

create table campaign_template_target (
    template_code  text not null,
    level          text not null,
    category_code  text not null,
    child_turns    integer not null default 0 check (child_turns >= 0),
    amount_dong    bigint not null default 0 check (amount_dong >= 0),
    primary key (template_code, level, category_code),
    foreign key (template_code, level) references campaign_template_level (template_code, level)
);

alter table campaign add column programme_code text references programme (code);
alter table campaign add column template_code text references campaign_template (code);
alter table campaign add column template_year integer;
alter table campaign add column updated_at timestamptz;
alter table campaign add constraint campaign_template_has_year check ((template_code is null) = (template_year is null));
-- the rule that makes the yearly job safe with several instances: one campaign per template, unit and year
alter table campaign add constraint campaign_once_per_template_unit_year unique (template_code, unit_code, template_year);

create table campaign_target (
    campaign_id    bigint not null references campaign (id),
    category_code  text not null,
    child_turns    integer not null default 0 check (child_turns between 0 and 10000000),
    amount_dong    bigint not null default 0 check (amount_dong >= 0),
    primary key (campaign_id, category_code)
);
