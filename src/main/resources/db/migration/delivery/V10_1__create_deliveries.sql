-- Deliveries: what reached the children of a need, from which campaign, with the recipients'
-- confirmation (proof) and photos stored here with their SHA-256, and which children received it
-- (child id only, never child data) for the support history and the coordination warning.
-- Amounts are whole đồng in bigint. The ledger holds the money side (one DELIVERY entry per part).

create table delivery (
    id                  bigserial     primary key,
    need_id             bigint        not null,
    campaign_id         bigint        not null,
    unit_code           varchar(20)   not null,
    commune_code        varchar(20)   not null,
    province_code       varchar(20)   not null,
    category_code       varchar(30)   not null,
    year                integer       not null check (year between 2000 and 2100),
    season              varchar(60),
    delivered_on        date          not null,
    -- money handed over in cash or by transfer (0 when only goods)
    amount_dong         bigint        not null default 0 check (amount_dong >= 0),
    -- money plus the value of the goods: what left the need's allocation in the ledger
    value_dong          bigint        not null check (value_dong >= 0),
    children_count      integer       not null check (children_count between 1 and 100000),
    handed_over_by      varchar(200)  not null,
    note                varchar(1000),
    status              varchar(14)   not null check (status in ('AWAITING_PROOF', 'CONFIRMED')),
    duplicate_confirmed boolean       not null default false,
    ledger_entry_ids    bigint[]      not null default '{}',
    recorded_by         varchar(60)   not null,
    recorded_at         timestamptz   not null default now(),
    constraint delivery_value_covers_money check (value_dong >= amount_dong)
);

create index delivery_need_idx on delivery (need_id);
create index delivery_scope_idx on delivery (province_code, commune_code, unit_code, delivered_on);

create table delivery_item (
    delivery_id bigint       not null references delivery (id),
    position    integer      not null check (position >= 0),
    name        varchar(200) not null check (length(name) > 0),
    unit        varchar(40)  not null check (length(unit) > 0),
    quantity    bigint       not null check (quantity > 0),
    value_dong  bigint       not null check (value_dong >= 0),
    -- goods given in kind and allocated to the need as goods (posted to the ledger as items, valued
    -- by the ledger), or bought with the need's money (posted as money, valued by the officer)
    in_kind     boolean      not null default false,
    item_key    varchar(250) not null,
    primary key (delivery_id, position)
);

-- one row per listed child; child_id becomes null (withdrawn = true) when the child's data may no
-- longer be used, so counts stay and nothing points at the child any more
create table delivery_child (
    id          bigserial    primary key,
    delivery_id bigint       not null references delivery (id),
    child_id    bigint,
    withdrawn   boolean      not null default false,
    received    varchar(300),
    amount_dong bigint       check (amount_dong >= 0),
    constraint delivery_child_once unique (delivery_id, child_id),
    constraint delivery_child_withdrawn_has_no_id check (withdrawn = (child_id is null))
);

create index delivery_child_child_idx on delivery_child (child_id) where child_id is not null;

create table delivery_file (
    id            bigserial    primary key,
    delivery_id   bigint       not null references delivery (id),
    kind          varchar(5)   not null check (kind in ('PROOF', 'PHOTO')),
    proof_kind    varchar(20)  check (proof_kind in ('SIGNED_LIST', 'GUARDIAN_SIGNATURE')),
    content_type  varchar(20)  not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes    integer      not null check (size_bytes between 1 and 10485760),
    sha256        char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content       bytea        not null,
    original_name varchar(200),
    uploaded_by   varchar(60)  not null,
    uploaded_at   timestamptz  not null default now(),
    constraint delivery_file_proof_has_kind check ((kind = 'PROOF') = (proof_kind is not null)),
    constraint delivery_file_size_matches check (octet_length(content) = size_bytes)
);

create index delivery_file_delivery_idx on delivery_file (delivery_id);

-- deliveryRequiresProof, in the database too: a confirmed delivery has a proof file
create function delivery_confirmed_has_proof() returns trigger language plpgsql as $$
begin
    if new.status = 'CONFIRMED' and not exists (
            select 1 from delivery_file f where f.delivery_id = new.id and f.kind = 'PROOF') then
        raise exception 'deliveryRequiresProof: delivery % has no proof', new.id using errcode = '23514';
    end if;
    return null;
end $$;

create constraint trigger delivery_confirmed_has_proof
    after insert or update of status on delivery
    deferrable initially deferred
    for each row execute function delivery_confirmed_has_proof();

-- money (and value of goods) allocated to each need per campaign, kept from the ledger's postings
-- (allocations less their reversals): the campaigns a delivery may come from
create table delivery_need_allocation (
    need_id        bigint not null,
    campaign_id    bigint not null,
    allocated_dong bigint not null check (allocated_dong >= 0),
    primary key (need_id, campaign_id)
);

-- goods allocated in kind to each need per campaign, by the ledger's item key (folded name | unit)
create table delivery_need_goods (
    need_id     bigint       not null,
    campaign_id bigint       not null,
    item_key    varchar(250) not null,
    name        varchar(200) not null,
    unit        varchar(40)  not null,
    quantity    bigint       not null check (quantity >= 0),
    primary key (need_id, campaign_id, item_key)
);
