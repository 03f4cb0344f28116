-- Outreach activities (duty 1 of the 2019 letter): what was done, where (villages of one
-- commune), for whom (people and households reached), in which language, with optional photos.
-- Deleting keeps the row with the reason; lists, coverage and indicators leave deleted rows out.
create table outreach_activity (
    id                 bigserial primary key,
    activity_date      date         not null,
    commune_code       varchar(20)  not null,
    province_code      varchar(20),
    method             varchar(30)  not null check (method in
        ('VILLAGE_MEETING', 'HOME_VISITS', 'LOUDSPEAKER', 'LEAFLETS', 'SCHOOL_SESSION', 'SOCIAL_MEDIA', 'OTHER')),
    organisers         varchar(500) not null,
    partners           varchar(500),
    people_reached     integer      not null check (people_reached between 0 and 1000000),
    households_reached integer      not null check (households_reached >= 0),
    language           varchar(10)  not null check (language = 'vi' or language ~ '^[0-9]{2}$'),
    notes              varchar(2000),
    created_by         varchar(60)  not null,
    created_at         timestamptz  not null default now(),
    updated_by         varchar(60),
    updated_at         timestamptz,
    deleted_at         timestamptz,
    deleted_by         varchar(60),
    delete_reason      varchar(500),
    version            bigint       not null default 0,
    constraint outreach_households_at_most_people check (households_reached <= people_reached),
    constraint outreach_deleted_with_reason check ((deleted_at is null) = (delete_reason is null))
);
create index outreach_activity_commune_date_idx on outreach_activity (commune_code, activity_date) where deleted_at is null;
create index outreach_activity_province_date_idx on outreach_activity (province_code, activity_date) where deleted_at is null;

create table outreach_activity_village (
    activity_id  bigint      not null references outreach_activity (id),
    village_code varchar(20) not null,
    primary key (activity_id, village_code)
);
create index outreach_activity_village_code_idx on outreach_activity_village (village_code);

create table outreach_activity_topic (
    activity_id bigint      not null references outreach_activity (id),
    topic       varchar(30) not null check (topic in
        ('CARE', 'EDUCATION', 'PROTECTION', 'ABUSE_PREVENTION', 'NUTRITION', 'OTHER')),
    primary key (activity_id, topic)
);

-- photos: JPEG or PNG (checked by their first bytes), at most 10 MB, with their SHA-256
create table outreach_photo (
    id           bigserial primary key,
    activity_id  bigint       not null references outreach_activity (id),
    filename     varchar(200) not null,
    content_type varchar(20)  not null check (content_type in ('image/jpeg', 'image/png')),
    size_bytes   integer      not null check (size_bytes between 1 and 10485760),
    sha256       char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea        not null,
    uploaded_by  varchar(60)  not null,
    uploaded_at  timestamptz  not null default now(),
    removed_at   timestamptz,
    constraint outreach_photo_size_matches check (octet_length(content) = size_bytes)
);
create unique index outreach_photo_once_idx on outreach_photo (activity_id, sha256) where removed_at is null;
