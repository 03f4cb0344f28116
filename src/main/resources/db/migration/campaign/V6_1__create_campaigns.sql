-- Campaigns: the containers every gift, allocation and delivery belongs to.
create sequence campaign_id_seq start with 1001;

create table campaign (
    id              bigint primary key default nextval('campaign_id_seq'),
    name            text not null check (length(btrim(name)) between 1 and 300),
    unit_code       text not null,
    receiving_from  date not null,
    receiving_to    date not null,
    target_dong     bigint not null default 0 check (target_dong >= 0),
    plan_year       integer check (plan_year between 2000 and 2100),
    created_by      text not null,
    created_at      timestamptz not null default now(),
    check (receiving_to >= receiving_from)
);
alter sequence campaign_id_seq owned by campaign.id;
create index campaign_unit_idx on campaign (unit_code, receiving_from);

create table campaign_bank_account (
    campaign_id     bigint not null references campaign (id),
    position        integer not null,
    bank_bin        text not null check (bank_bin ~ '^[0-9]{6}$'),
    bank_name       text not null,
    account_number  text not null check (account_number ~ '^[0-9]{4,19}$'),
    account_name    text not null,
    primary key (campaign_id, position)
);
create index campaign_bank_account_number_idx on campaign_bank_account (account_number);

create table campaign_need (
    campaign_id     bigint not null references campaign (id),
    need_id         bigint not null,
    primary key (campaign_id, need_id)
);
