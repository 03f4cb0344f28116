-- Commendations: rules per unit (or national), year and level; proposals with their candidates.
create table commendation_rule (
    id              bigserial primary key,
    unit_code       text,
    year            integer not null check (year between 2000 and 2100),
    level           text not null check (level in ('COMMUNE', 'PROVINCE')),
    form            text not null check (form in ('THU_CAM_ON', 'GIAY_KHEN', 'BANG_KHEN')),
    donor_group     text not null check (donor_group in ('INDIVIDUAL', 'COLLECTIVE')),
    origin          text not null check (origin in ('DOMESTIC', 'FOREIGN')),
    threshold_dong  bigint not null check (threshold_dong > 0),
    basis           text not null check (basis in ('DELIVERED', 'RECEIVED')),
    active          boolean not null default true,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    updated_by      text,
    updated_at      timestamptz
);
-- one active rule per owner, year, level, form, donor group and origin
create unique index commendation_rule_once
    on commendation_rule (coalesce(unit_code, ''), year, level, form, donor_group, origin) where active;

create table commendation_proposal (
    id            bigserial primary key,
    unit_code     text not null,
    level         text not null check (level in ('COMMUNE', 'PROVINCE')),
    year          integer not null check (year between 2000 and 2100),
    period_from   date not null,
    period_to     date not null,
    status        text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'DECIDED')),
    number        integer check (number > 0),
    number_year   integer,
    submitted_on  date,
    submitted_by  text,
    decided_on    date,
    created_by    text not null,
    created_at    timestamptz not null default now(),
    check (period_to >= period_from),
    check ((status = 'DRAFT') = (submitted_on is null)),
    check ((status = 'DRAFT') = (number is null)),
    check ((status = 'DECIDED') = (decided_on is not null)),
    unique (unit_code, year, period_from, period_to),
    unique (unit_code, number_year, number)
);
create index commendation_proposal_unit_idx on commendation_proposal (unit_code, year);

create table commendation_candidate (
    id               bigserial primary key,
    proposal_id      bigint not null references commendation_proposal (id),
    donor_id         bigint not null,
    donor_name       text not null,
    donor_kind       text not null,
    donor_group      text not null check (donor_group in ('INDIVIDUAL', 'COLLECTIVE')),
    domestic         boolean not null,
    country          text,
    value_dong       bigint not null check (value_dong >= 0),
    basis            text not null check (basis in ('DELIVERED', 'RECEIVED')),
    form             text not null check (form in ('THU_CAM_ON', 'GIAY_KHEN', 'BANG_KHEN')),
    rule_id          bigint references commendation_rule (id),
    achievements     text not null default '' check (length(achievements) <= 2000),
    excluded         boolean not null default false,
    excluded_reason  text,
    decision         text not null default 'PENDING' check (decision in ('PENDING', 'APPROVED', 'REJECTED')),
    decision_reason  text,
    decided_by       text,
    decided_at       timestamptz,
    unique (proposal_id, donor_id),
    check (not excluded or length(btrim(coalesce(excluded_reason, ''))) > 0),
    check (not excluded or decision = 'PENDING'),
    check (decision <> 'REJECTED' or length(btrim(coalesce(decision_reason, ''))) > 0)
);
