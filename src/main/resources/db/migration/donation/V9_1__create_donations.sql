-- Gifts received for a campaign: money (cash, bank transfer, other) or goods in kind, each with a
-- receipt numbered per issuing unit and year without gaps, and the ledger entries it posted.
create sequence donation_id_seq;

create table donation (
    id                    bigint primary key default nextval('donation_id_seq'),
    campaign_id           bigint not null,
    receiving_unit_code   text not null,
    unit_path             text[] not null,
    channel               text not null check (channel in ('CASH', 'BANK_TRANSFER', 'IN_KIND', 'OTHER')),
    donor_id              bigint not null,
    donor_kind            text not null,
    donor_domestic        boolean not null,
    donor_name            text not null,
    donor_public_name     text not null,
    donor_email           text,
    amount_dong           bigint not null check (amount_dong > 0),
    received_on           date not null,
    need_id               bigint,
    earmark_commune_code  text,
    earmark_category_code text,
    message               text check (length(message) <= 2000),
    received_by           text not null check (length(btrim(received_by)) between 1 and 200),
    recorded_by           text not null,
    receipt_year          integer not null,
    receipt_number        integer not null check (receipt_number > 0),
    receipt_entry_id      bigint,
    allocation_entry_id   bigint,
    reversed_at           timestamptz,
    reversed_by           text,
    reverse_reason        text,
    search_text           text not null default '',
    created_at            timestamptz not null default now(),
    unique (receiving_unit_code, receipt_year, receipt_number),
    check (receipt_year = extract(year from received_on)),
    check ((reversed_at is null) = (reverse_reason is null)),
    check (need_id is null or (earmark_commune_code is null and earmark_category_code is null))
);
alter sequence donation_id_seq owned by donation.id;
create index donation_campaign_idx on donation (campaign_id, received_on desc, id desc);
create index donation_unit_idx on donation (receiving_unit_code, received_on desc, id desc);
create index donation_unit_path_idx on donation using gin (unit_path);
create index donation_donor_idx on donation (donor_id);
create index donation_need_idx on donation (need_id) where need_id is not null;

-- goods of a gift in kind: what, how many, the estimated value of the line, condition or expiry
create table donation_item (
    donation_id           bigint not null references donation (id),
    position              integer not null,
    name                  text not null check (length(btrim(name)) between 1 and 200),
    quantity              bigint not null check (quantity > 0),
    unit                  text not null check (length(btrim(unit)) between 1 and 40),
    value_dong            bigint not null check (value_dong > 0),
    condition             text check (length(condition) <= 200),
    expires_on            date,
    receipt_entry_id      bigint,
    allocation_entry_id   bigint,
    primary key (donation_id, position)
);

-- the last receipt number given per issuing unit and year: updated in the gift's transaction, so a
-- failed gift gives its number back and two gifts never get the same one
create table receipt_counter (
    unit_code             text not null,
    year                  integer not null,
    last_number           integer not null check (last_number >= 0),
    primary key (unit_code, year)
);

-- how a bank's statement export is laid out; officers add their own
create table statement_layout (
    id                    bigserial primary key,
    name                  text not null unique check (length(btrim(name)) between 1 and 100),
    header_signature      text[] not null check (cardinality(header_signature) > 0),
    date_column           text not null,
    date_format           text not null,
    time_column           text,
    credit_column         text,
    debit_column          text,
    amount_column         text,
    grouping              text not null check (grouping in ('DOT', 'COMMA')),
    message_column        text not null,
    reference_columns     text[] not null default '{}',
    counterparty_column   text,
    account_column        text,
    builtin               boolean not null default false,
    created_by            text not null,
    created_at            timestamptz not null default now(),
    check ((amount_column is null) <> (credit_column is null))
);

insert into statement_layout (name, header_signature, date_column, date_format, time_column, credit_column,
                              debit_column, amount_column, grouping, message_column, reference_columns,
                              counterparty_column, account_column, builtin, created_by)
values ('A-TNXDate', '{TNXDate,DocNo,Debit,Credit,Transactions in Detail}', 'TNXDate', 'dd/MM/yyyy', null, 'Credit',
        'Debit', null, 'DOT', 'Transactions in Detail', '{DocNo}', null, null, true, 'system'),
       ('B-PageId', '{PageId,Date,DocumentNumber,ReferenceNumber,TransactionDetails,CreditAmount}', 'Date',
        'dd/MM/yyyy', 'Time', 'CreditAmount', 'DebitAmount', null, 'COMMA', 'TransactionDetails',
        '{ReferenceNumber,DocumentNumber}', 'OffsetAccount', null, true, 'system');

create table statement_import (
    id                    bigserial primary key,
    campaign_id           bigint not null,
    unit_code             text not null,
    layout_id             bigint not null references statement_layout (id),
    file_name             text not null,
    account_number        text not null,
    lines                 integer not null,
    imported              integer not null,
    matched               integer not null,
    duplicates            integer not null,
    unmatched             integer not null,
    set_aside             integer not null,
    imported_by           text not null,
    imported_at           timestamptz not null default now()
);

-- one line of a bank statement, kept once: the same account, day, amount, direction and bank
-- reference (or, without one, time and message) is the same line however often it is imported
create table statement_line (
    id                    bigserial primary key,
    import_id             bigint not null references statement_import (id),
    campaign_id           bigint not null,
    unit_code             text not null,
    unit_path             text[] not null,
    account_number        text not null,
    booked_on             date not null,
    booked_time           text not null default '',
    amount_dong           bigint not null check (amount_dong > 0),
    credit                boolean not null,
    reference             text not null,
    dedup_key             text not null,
    message               text not null,
    counterparty          text not null default '',
    row_number            bigint not null,
    status                text not null check (status in ('MATCHED', 'QUEUED', 'SET_ASIDE')),
    set_aside_reason      text,
    note                  text,
    donation_id           bigint references donation (id),
    resolved_by           text,
    resolved_at           timestamptz,
    unique (account_number, booked_on, amount_dong, credit, dedup_key),
    check ((status = 'MATCHED') = (donation_id is not null)),
    check (status <> 'SET_ASIDE' or set_aside_reason is not null)
);
create index statement_line_queue_idx on statement_line (unit_code, booked_on, id) where status = 'QUEUED';
create index statement_line_import_idx on statement_line (import_id);
