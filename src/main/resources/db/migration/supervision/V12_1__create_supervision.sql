-- Supervision (duty 5 of the 2019 letter): plans (who supervises what, where, when), visits with
-- findings, recommendations with a responsible unit and a due date, and their follow-up with
-- evidence. OVERDUE is never stored: it is computed from the due date and today.
create table supervision_plan (
    id                   bigserial primary key,
    subject              varchar(300)  not null,
    supervising_unit     varchar(20)   not null,
    supervising_province varchar(20),
    planned_from         date          not null,
    planned_to           date          not null,
    members              varchar(1000) not null,
    notes                varchar(2000),
    created_by           varchar(60)   not null,
    created_at           timestamptz   not null default now(),
    version              bigint        not null default 0,
    constraint supervision_plan_dates check (planned_to >= planned_from)
);
create index supervision_plan_supervising_idx on supervision_plan (supervising_unit);
create index supervision_plan_province_idx on supervision_plan (supervising_province);

create table supervision_plan_unit (
    plan_id       bigint      not null references supervision_plan (id),
    unit_code     varchar(20) not null,
    province_code varchar(20),
    primary key (plan_id, unit_code)
);
create index supervision_plan_unit_code_idx on supervision_plan_unit (unit_code);

create table supervision_visit (
    id          bigserial primary key,
    plan_id     bigint        not null,
    unit_code   varchar(20)   not null,
    visit_date  date          not null,
    members     varchar(1000),
    findings    varchar(4000) not null,
    recorded_by varchar(60)   not null,
    recorded_at timestamptz   not null default now(),
    foreign key (plan_id, unit_code) references supervision_plan_unit (plan_id, unit_code)
);
create index supervision_visit_unit_date_idx on supervision_visit (unit_code, visit_date);

create table supervision_recommendation (
    id                   bigserial primary key,
    plan_id              bigint        not null references supervision_plan (id),
    visit_id             bigint references supervision_visit (id),
    responsible_unit     varchar(20)   not null,
    responsible_commune  varchar(20),
    responsible_province varchar(20),
    content              varchar(2000) not null,
    issued_on            date          not null,
    due_date             date          not null,
    status               varchar(20)   not null check (status in ('OPEN', 'IN_PROGRESS', 'DONE')),
    resolved_on          date,
    issued_by            varchar(60)   not null,
    issued_at            timestamptz   not null default now(),
    notified_email       varchar(254),
    mail_id              bigint,
    version              bigint        not null default 0,
    constraint supervision_recommendation_due check (due_date >= issued_on),
    constraint supervision_recommendation_resolved check ((status = 'DONE') = (resolved_on is not null))
);
create index supervision_recommendation_unit_idx on supervision_recommendation (responsible_unit, due_date);
create index supervision_recommendation_plan_idx on supervision_recommendation (plan_id);
create index supervision_recommendation_commune_idx on supervision_recommendation (responsible_commune);
create index supervision_recommendation_province_idx on supervision_recommendation (responsible_province);

-- each follow-up step of a recommendation, with its evidence (text, and a PDF/JPEG/PNG file if any)
create table supervision_follow_up (
    id                    bigserial primary key,
    recommendation_id     bigint        not null references supervision_recommendation (id),
    status                varchar(20)   not null check (status in ('OPEN', 'IN_PROGRESS', 'DONE')),
    note                  varchar(2000) not null,
    evidence_filename     varchar(200),
    evidence_content_type varchar(30) check (evidence_content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    evidence              bytea,
    evidence_sha256       char(64),
    recorded_by           varchar(60)   not null,
    recorded_at           timestamptz   not null default now(),
    constraint supervision_follow_up_evidence check (
        (evidence is null and evidence_filename is null and evidence_content_type is null and evidence_sha256 is null)
        or (evidence is not null and evidence_filename is not null and evidence_content_type is not null
            and evidence_sha256 is not null and octet_length(evidence) <= 10485760))
);
create index supervision_follow_up_recommendation_idx on supervision_follow_up (recommendation_id);

-- where a unit is notified of recommendations addressed to it
create table supervision_unit_contact (
    unit_code  varchar(20)  primary key,
    email      varchar(254) not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    updated_by varchar(60)  not null,
    updated_at timestamptz  not null default now()
);
