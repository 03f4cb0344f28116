-- Data-subject requests of children's guardians (Law 91/2025/QH15) and the personal-data breach register
-- (Decree 13/2023: the authority is notified within 72 hours of discovery).
create table privacy_request (
    id bigserial primary key,
    kind varchar(16) not null check (kind in ('ACCESS', 'CORRECTION', 'DELETION', 'OBJECTION')),
    child_id bigint not null,
    commune_code varchar(32) not null,
    received_on date not null,
    channel varchar(16) not null check (channel in ('IN_PERSON', 'PAPER', 'PHONE', 'EMAIL', 'ONLINE')),
    requester_name varchar(200) not null check (length(trim(requester_name)) > 0),
    requester_relationship varchar(100) not null check (length(trim(requester_relationship)) > 0),
    details varchar(2000),
    due_on date not null,
    status varchar(16) not null default 'RECEIVED' check (status in ('RECEIVED', 'IN_PROGRESS', 'DONE', 'REFUSED')),
    outcome varchar(2000),
    finished_on date,
    recorded_by varchar(100) not null,
    recorded_at timestamptz not null default now(),
    check (due_on >= received_on),
    check (status <> 'REFUSED' or length(trim(outcome)) > 0),
    check ((status in ('DONE', 'REFUSED')) = (finished_on is not null))
);
create index privacy_request_commune on privacy_request (commune_code, status, due_on);
create index privacy_request_child on privacy_request (child_id);

create table privacy_breach (
    id bigserial primary key,
    unit_code varchar(32),
    discovered_at timestamptz not null,
    description varchar(4000) not null check (length(trim(description)) > 0),
    data_affected varchar(1000) not null check (length(trim(data_affected)) > 0),
    people_affected integer not null check (people_affected >= 0),
    containment varchar(4000),
    notification_deadline timestamptz not null,
    authority_notified_at timestamptz,
    people_notified_at timestamptz,
    closed_at timestamptz,
    recorded_by varchar(100) not null,
    recorded_at timestamptz not null default now(),
    check (notification_deadline = discovered_at + interval '72 hours'),
    check (authority_notified_at is null or authority_notified_at >= discovered_at),
    check (people_notified_at is null or people_notified_at >= discovered_at),
    check (closed_at is null or closed_at >= discovered_at)
);
