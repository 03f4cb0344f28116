-- The ledger: append-only, hash-chained entries per campaign (receipt, allocation, transfer,
-- delivery, reversal), the balances they leave (maintained by a trigger and never below zero),
-- the FIFO lots and traces that tell where each gift went, the daily published chain heads and the
-- alerts of the daily check. See docs/ledger-hashing.md for the hash.

-- one row per campaign, locked FOR UPDATE by every posting: the chain grows one entry at a time
create table ledger_chain (
    campaign_id bigint   primary key,
    entry_count bigint   not null default 0 check (entry_count >= 0),
    head_hash   char(64) not null default repeat('0', 64)
);

create table ledger_entry (
    id                bigserial     primary key,
    campaign_id       bigint        not null,
    sequence          bigint        not null check (sequence >= 1),
    kind              varchar(10)   not null
        check (kind in ('RECEIPT', 'ALLOCATION', 'TRANSFER', 'DELIVERY', 'REVERSAL')),
    entry_date        date          not null,
    amount_dong       bigint        not null check (amount_dong >= 0),
    item_name         varchar(200),
    item_unit         varchar(40),
    item_quantity     bigint        check (item_quantity > 0),
    -- '' for money; the folded "name|unit" of an item, so "Gạo"/"kg" and "gạo"/"Kg" are one balance
    item_key          varchar(250)  not null default '',
    from_account      varchar(100)  not null,
    to_account        varchar(100)  not null,
    commune_code      varchar(20),
    village_code      varchar(20),
    category_code     varchar(30),
    need_id           bigint,
    donor_id          bigint,
    donor_public_name varchar(300),
    public_message    varchar(2000),
    children_count    integer       not null default 0 check (children_count >= 0),
    reverses_id       bigint        references ledger_entry (id),
    reverses_sequence bigint,
    reason            varchar(500),
    source_ref        varchar(100),
    search_folded     text          not null default '',
    previous_hash     char(64)      not null check (previous_hash ~ '^[0-9a-f]{64}$'),
    hash              char(64)      not null check (hash ~ '^[0-9a-f]{64}$'),
    created_by        varchar(60)   not null,
    created_at        timestamptz   not null default now(),
    constraint ledger_entry_sequence_per_campaign unique (campaign_id, sequence),
    constraint ledger_entry_reversed_at_most_once unique (reverses_id),
    constraint ledger_entry_item_complete check (
        (item_name is null) = (item_quantity is null)
        and (item_unit is null) = (item_quantity is null)
        and (item_name is null) = (item_key = '')),
    constraint ledger_entry_moves_something check (amount_dong > 0 or item_quantity is not null),
    constraint ledger_entry_reversal_names_entry_and_reason check (
        (kind = 'REVERSAL') = (reverses_id is not null)
        and (kind <> 'REVERSAL' or (reason is not null and reverses_sequence is not null))),
    constraint ledger_entry_between_two_accounts check (from_account <> to_account)
);

create index ledger_entry_need_idx on ledger_entry (need_id, kind) where need_id is not null;
create index ledger_entry_donor_idx on ledger_entry (donor_id) where donor_id is not null;
create index ledger_entry_source_idx on ledger_entry (source_ref) where source_ref is not null;
create index ledger_entry_campaign_kind_idx on ledger_entry (campaign_id, kind, entry_date);
create index ledger_entry_campaign_date_idx on ledger_entry (campaign_id, entry_date, sequence);
create index ledger_entry_campaign_amount_idx on ledger_entry (campaign_id, amount_dong, sequence);
create index ledger_entry_search_idx on ledger_entry using gin (search_folded gin_trgm_ops);

create function ledger_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger ledger_entry_no_update_or_delete
    before update or delete on ledger_entry
    for each row execute function ledger_is_append_only();

create trigger ledger_entry_no_truncate
    before truncate on ledger_entry
    for each statement execute function ledger_is_append_only();

-- What each account holds per item ('' = money). The checks are the invariants: no pool below
-- zero (allocated and transferred <= received), no allocation account below zero (delivered <=
-- allocated), for money and for quantities of goods. Accounts DONOR:<id> are outside the ledger.
create table ledger_balance (
    campaign_id bigint       not null,
    account     varchar(100) not null,
    item_key    varchar(250) not null default '',
    amount_dong bigint       not null default 0,
    quantity    bigint       not null default 0,
    constraint ledger_balance_amount_not_negative check (amount_dong >= 0),
    constraint ledger_balance_quantity_not_negative check (quantity >= 0),
    primary key (campaign_id, account, item_key)
);

create function ledger_entry_moves_balances() returns trigger
    language plpgsql as
$$
begin
    if new.from_account not like 'DONOR:%' then
        -- a plain update (an upsert would check the negative candidate row first); no row means a
        -- balance of zero, and the insert of the negative amount then fails the check
        update ledger_balance
           set amount_dong = amount_dong - new.amount_dong,
               quantity    = quantity - coalesce(new.item_quantity, 0)
         where campaign_id = new.campaign_id and account = new.from_account and item_key = new.item_key;
        if not found then
            insert into ledger_balance (campaign_id, account, item_key, amount_dong, quantity)
            values (new.campaign_id, new.from_account, new.item_key, -new.amount_dong, -coalesce(new.item_quantity, 0));
        end if;
    end if;
    if new.to_account not like 'DONOR:%' then
        insert into ledger_balance as b (campaign_id, account, item_key, amount_dong, quantity)
        values (new.campaign_id, new.to_account, new.item_key, new.amount_dong, coalesce(new.item_quantity, 0))
        on conflict (campaign_id, account, item_key) do update
            set amount_dong = b.amount_dong + new.amount_dong,
                quantity    = b.quantity + coalesce(new.item_quantity, 0);
    end if;
    return null;
end
$$;

create trigger ledger_entry_moves_balances
    after insert on ledger_entry
    for each row execute function ledger_entry_moves_balances();

-- FIFO lots: how much of which receipt an account holds, and which entry brought it there (via).
-- Allocations take a pool's lots first in, first out; deliveries take the allocations' lots.
create table ledger_lot (
    campaign_id      bigint       not null,
    account          varchar(100) not null,
    item_key         varchar(250) not null,
    via_id           bigint       not null references ledger_entry (id),
    receipt_id       bigint       not null references ledger_entry (id),
    via_sequence     bigint       not null,
    receipt_sequence bigint       not null,
    amount_dong      bigint       not null check (amount_dong >= 0),
    quantity         bigint       not null check (quantity >= 0),
    primary key (campaign_id, account, item_key, via_id, receipt_id)
);
create index ledger_lot_fifo_idx on ledger_lot (campaign_id, account, item_key, via_sequence, receipt_sequence)
    where amount_dong > 0 or quantity > 0;

-- Which receipts' value each entry moved, from which lot (from_via) into which (to_via): the
-- link table behind "where did my gift go" and the donors' delivered totals.
create table ledger_trace (
    entry_id    bigint not null references ledger_entry (id),
    receipt_id  bigint not null references ledger_entry (id),
    from_via_id bigint references ledger_entry (id),
    to_via_id   bigint references ledger_entry (id),
    amount_dong bigint not null check (amount_dong >= 0),
    quantity    bigint not null check (quantity >= 0)
);
create index ledger_trace_entry_idx on ledger_trace (entry_id);
create index ledger_trace_receipt_idx on ledger_trace (receipt_id);

create trigger ledger_trace_no_update_or_delete
    before update or delete on ledger_trace
    for each row execute function ledger_is_append_only();

create trigger ledger_trace_no_truncate
    before truncate on ledger_trace
    for each statement execute function ledger_is_append_only();

-- The head of each chain as published once a day (two instances: the first insert wins).
create table ledger_head (
    campaign_id  bigint      not null,
    head_date    date        not null,
    entry_count  bigint      not null check (entry_count >= 0),
    head_hash    char(64)    not null check (head_hash ~ '^[0-9a-f]{64}$'),
    published_at timestamptz not null default now(),
    primary key (campaign_id, head_date)
);

create trigger ledger_head_no_update_or_delete
    before update or delete on ledger_head
    for each row execute function ledger_is_append_only();

-- A stored entry that no longer gives its hash (found by the daily check or on demand).
create table ledger_alert (
    id          bigserial     primary key,
    campaign_id bigint        not null,
    sequence    bigint        not null,
    problem     varchar(500)  not null,
    detected_at timestamptz   not null default now(),
    constraint ledger_alert_once unique (campaign_id, sequence, problem)
);
