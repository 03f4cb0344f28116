-- The protected registry of children. Personal fields are nullable because an erasure request
-- clears them and keeps only what anonymous counts need (village, sex, ethnic group, birth year,
-- circumstances). commune_code is the village's commune when registered (kept current when units
-- change); name_folded and guardian_folded serve diacritics-insensitive search and duplicate checks.
create table child (
    id                      bigserial primary key,
    public_code             varchar(9)   not null,
    status                  varchar(12)  not null check (status in ('DRAFT', 'ACTIVE', 'WITHDRAWN', 'ERASED')),
    full_name               varchar(150),
    name_folded             varchar(150),
    date_of_birth           date,
    birth_year              smallint     not null,
    sex                     varchar(6)   not null check (sex in ('MALE', 'FEMALE')),
    ethnic_group_code       varchar(2)   not null,
    village_code            varchar(20)  not null,
    commune_code            varchar(20)  not null,
    guardian_name           varchar(150),
    guardian_folded         varchar(150),
    guardian_relationship   varchar(60),
    guardian_phone          varchar(20),
    household_poverty       varchar(10)  not null default 'NONE'
        check (household_poverty in ('NONE', 'POOR', 'NEAR_POOR')),
    poverty_certificate     varchar(60),
    schooling               varchar(20),
    school_name             varchar(150),
    circumstances           varchar(6)[] not null default '{}',
    disability              varchar(1000),
    health_notes            varchar(1000),
    nutrition_notes         varchar(1000),
    guardian_consent_by     varchar(150),
    guardian_consent_date   date,
    guardian_consent_method varchar(30),
    consent_purposes        varchar(20)[] not null default '{}',
    child_consent_by        varchar(150),
    child_consent_date      date,
    consent_withdrawn_at    timestamptz,
    erased_at               timestamptz,
    created_at              timestamptz  not null default now(),
    created_by              varchar(60)  not null,
    updated_at              timestamptz  not null default now(),
    version                 bigint       not null default 0,
    constraint child_public_code_unique unique (public_code),
    constraint child_public_code_format check (public_code ~ '^TE-[2-9A-HJKMNP-Z]{6}$'),
    constraint child_erased_has_no_name check (status <> 'ERASED' or (full_name is null and date_of_birth is null
        and guardian_name is null and guardian_phone is null))
);

create index child_commune_idx on child (commune_code, status);
create index child_village_idx on child (village_code);
create index child_name_dob_idx on child (name_folded, date_of_birth);
create index child_guardian_dob_idx on child (guardian_folded, date_of_birth);
create index child_name_trgm_idx on child using gin (name_folded gin_trgm_ops);
