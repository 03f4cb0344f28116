-- Donors: people, organisations, businesses and funds, at home or abroad. name_folded (lower case,
-- no diacritics, đ as d) serves search and duplicate detection; phone is kept as digits (a leading
-- + for foreign numbers), e-mail in lower case. A donor merged into another keeps its row (its
-- history stays) with merged_into set; donor_merge records who merged what, when and why.

create sequence donor_id_seq start with 1001;

create table donor (
    id                   bigint       primary key default nextval('donor_id_seq'),
    kind                 varchar(12)  not null check (kind in ('INDIVIDUAL', 'ORGANISATION', 'BUSINESS', 'FUND')),
    name                 varchar(300) not null check (length(btrim(name)) between 1 and 300),
    name_folded          varchar(300) not null check (length(name_folded) between 1 and 300),
    domestic             boolean      not null default true,
    country              char(2)      not null default 'VN' check (country ~ '^[A-Z]{2}$'),
    phone                varchar(20)  check (phone ~ '^\+?[0-9]{8,15}$'),
    email                varchar(254) check (email = lower(email) and email like '%_@_%'),
    address              varchar(500),
    tax_code             varchar(14)  check (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
    anonymous            boolean      not null default false,
    list_consent         boolean      not null default false,
    list_consent_on      date,
    registered_unit_code varchar(20),
    commune_code         varchar(20),
    province_code        varchar(20),
    merged_into          bigint       references donor (id),
    created_by           varchar(60)  not null,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    version              bigint       not null default 0,
    constraint donor_domestic_in_vietnam check (domestic = (country = 'VN')),
    constraint donor_consent_dated check (list_consent = (list_consent_on is not null)),
    constraint donor_not_merged_into_itself check (merged_into is null or merged_into <> id)
);
alter sequence donor_id_seq owned by donor.id;

create index donor_name_folded_idx on donor (name_folded);
create index donor_name_trgm_idx on donor using gin (name_folded gin_trgm_ops);
create index donor_phone_idx on donor (phone) where phone is not null;
create index donor_email_idx on donor (email) where email is not null;
create index donor_tax_code_idx on donor (tax_code) where tax_code is not null;
create index donor_scope_idx on donor (province_code, commune_code, registered_unit_code);
create index donor_merged_into_idx on donor (merged_into) where merged_into is not null;

-- every merge, and its undoing; filled_fields lists the survivor's empty contact fields that were
-- filled from the merged donor (so an unmerge can empty them again)
create table donor_merge (
    id            bigserial    primary key,
    survivor_id   bigint       not null references donor (id),
    merged_id     bigint       not null references donor (id),
    reason        varchar(500) not null check (length(btrim(reason)) > 0),
    filled_fields jsonb        not null default '{}'::jsonb,
    merged_by     varchar(60)  not null,
    merged_at     timestamptz  not null default now(),
    undone_by     varchar(60),
    undone_at     timestamptz,
    undo_reason   varchar(500),
    check (survivor_id <> merged_id),
    check ((undone_at is null) = (undone_by is null))
);
-- a donor is merged at most once at a time
create unique index donor_merge_open_idx on donor_merge (merged_id) where undone_at is null;

-- pairs an officer said are different donors despite the same name: left off the duplicates page
create table donor_distinct_pair (
    low_id      bigint       not null references donor (id),
    high_id     bigint       not null references donor (id),
    decided_by  varchar(60)  not null,
    decided_at  timestamptz  not null default now(),
    primary key (low_id, high_id),
    check (low_id < high_id)
);

-- donors' own sign-up, waiting for the e-mail confirmation: the link's token is kept only as its
-- SHA-256, works once and for 48 hours; the chosen password only as its hash
create table donor_signup (
    id            bigserial    primary key,
    name          varchar(300) not null,
    email         varchar(254) not null check (email = lower(email)),
    kind          varchar(12)  not null check (kind in ('INDIVIDUAL', 'ORGANISATION', 'BUSINESS', 'FUND')),
    password_hash varchar(200) not null,
    language      varchar(2)   not null default 'vi' check (language in ('vi', 'en')),
    token_hash    varchar(64)  not null unique,
    expires_at    timestamptz  not null,
    created_at    timestamptz  not null default now(),
    used_at       timestamptz,
    outcome       varchar(20)  check (outcome in ('CREATED', 'ALREADY_REGISTERED')),
    donor_id      bigint       references donor (id),
    user_id       bigint
);
create index donor_signup_email_idx on donor_signup (email, created_at);
