-- The annual results report: templates per programme, periods with due dates per reporting level,
-- per-unit extensions, the reports with their figures (computed beside adjusted, snapshotted on
-- submission) and narrative, their history, the units' e-mail addresses and the reminders sent.
-- Unit codes are plain values resolved on the period's end date (codes were reused in 2025).

create table report_template (
    id              bigserial    primary key,
    programme_code  varchar(40)  not null unique check (programme_code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]*$'),
    title           varchar(300) not null,
    -- the indicators of the report, in order; empty: every indicator the modules provide
    indicator_codes text[]       not null default '{}',
    sections        text[]       not null default '{RESULTS,DIFFICULTIES,PROPOSALS}'
                                 check (cardinality(sections) between 1 and 10),
    created_at      timestamptz  not null default now(),
    created_by      varchar(60)  not null
);

create table report_period (
    id           bigserial    primary key,
    template_id  bigint       not null references report_template (id),
    code         varchar(20)  not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]*$'),
    name         varchar(200) not null,
    starts_on    date         not null,
    ends_on      date         not null,
    -- whose units report: a province (or any unit) and everything under it; null: the whole country
    scope_code   varchar(20),
    -- data entry closes this many days after the due date (per-unit extensions aside)
    closing_days integer      not null default 15 check (closing_days between 0 and 366),
    created_at   timestamptz  not null default now(),
    created_by   varchar(60)  not null,
    constraint report_period_code_once unique (template_id, code),
    constraint report_period_dates check (ends_on >= starts_on)
);

-- which levels report in a period and by when (commune → province since the reform, commune →
-- district → province before it); the level above is the unit's parent on the period's end date
create table report_deadline (
    period_id bigint      not null references report_period (id),
    level     varchar(10) not null check (level in ('COMMUNE', 'DISTRICT', 'PROVINCE')),
    due_on    date        not null,
    primary key (period_id, level)
);

create table report_extension (
    period_id  bigint       not null references report_period (id),
    unit_code  varchar(20)  not null,
    closes_on  date         not null,
    reason     varchar(500) not null,
    granted_by varchar(60)  not null,
    granted_at timestamptz  not null default now(),
    primary key (period_id, unit_code)
);

create table report (
    id                 bigserial    primary key,
    period_id          bigint       not null references report_period (id),
    unit_code          varchar(20)  not null,
    unit_name          varchar(250) not null,
    level              varchar(10)  not null check (level in ('COMMUNE', 'DISTRICT', 'PROVINCE')),
    receiver_code      varchar(20),
    receiver_name      varchar(250),
    status             varchar(10)  not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    doc_number         varchar(20),
    first_submitted_at timestamptz,
    submitted_at       timestamptz,
    submitted_by       varchar(60),
    decided_at         timestamptz,
    decided_by         varchar(60),
    comment            varchar(2000),
    created_at         timestamptz  not null default now(),
    created_by         varchar(60)  not null,
    version            bigint       not null default 0,
    -- onlyOneReportPerUnitAndPeriod
    constraint report_once_per_unit_and_period unique (period_id, unit_code),
    constraint report_submitted_has_time check (status = 'DRAFT' or first_submitted_at is not null),
    constraint report_returned_has_comment check (status <> 'RETURNED' or comment is not null)
);
create index report_period_status_idx on report (period_id, status);
create index report_receiver_idx on report (receiver_code, status);

-- one row per indicator: what the records give (computed) and, only with a note, what the officer
-- reported instead (adjusted); the definition is kept so the report reads the same later
create table report_figure (
    report_id      bigint       not null references report (id),
    indicator_code varchar(100) not null,
    label_key      varchar(200) not null,
    unit           varchar(10)  not null check (unit in ('VND', 'COUNT', 'PEOPLE')),
    group_key      varchar(200) not null,
    sort_order     integer      not null,
    summable       boolean      not null,
    provided       boolean      not null,
    computed       bigint       not null check (computed >= 0),
    adjusted       bigint       check (adjusted >= 0),
    note           varchar(1000),
    primary key (report_id, indicator_code),
    -- adjustmentNeedsNote
    constraint report_figure_adjustment_has_note check (adjusted is null or length(trim(note)) > 0)
);

create table report_narrative (
    report_id bigint      not null references report (id),
    section   varchar(30) not null,
    body      text        not null check (length(body) <= 20000),
    primary key (report_id, section)
);

-- acceptedReportsAreLocked, also for code that bypasses the service
create function report_content_is_locked() returns trigger
    language plpgsql as
$$
declare
    target bigint := coalesce(new.report_id, old.report_id);
begin
    if exists (select 1 from report where id = target and status = 'ACCEPTED') then
        raise exception 'report % is accepted and locked', target using errcode = 'check_violation';
    end if;
    return coalesce(new, old);
end
$$;
create trigger report_figure_locked before insert or update or delete on report_figure
    for each row execute function report_content_is_locked();
create trigger report_narrative_locked before insert or update or delete on report_narrative
    for each row execute function report_content_is_locked();

create table report_history (
    id        bigserial    primary key,
    report_id bigint       not null references report (id),
    at        timestamptz  not null,
    actor     varchar(60)  not null,
    action    varchar(20)  not null,
    comment   varchar(2000),
    -- the figures as submitted (code → value), on SUBMIT
    figures   jsonb
);
create index report_history_report_idx on report_history (report_id, id);

-- where a unit's reports are sent (the level above's address) and its reminders go
create table report_unit_address (
    unit_code  varchar(20)  primary key,
    email      varchar(254) not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    updated_at timestamptz  not null default now(),
    updated_by varchar(60)  not null
);

-- each reminder once per unit, period and kind, whichever instance runs the job
create table report_reminder_sent (
    period_id bigint      not null references report_period (id),
    unit_code varchar(20) not null,
    kind      varchar(10) not null check (kind in ('BEFORE_14', 'BEFORE_7', 'BEFORE_1', 'OVERDUE')),
    sent_at   timestamptz not null default now(),
    mail_id   bigint,
    primary key (unit_code, period_id, kind)
);
