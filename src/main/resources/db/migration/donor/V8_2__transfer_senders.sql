-- Bank-transfer senders that statements name without any contact detail (no phone, e-mail or tax
-- code to match on): one donor per registering unit, folded name and sender account, so that every
-- import of the unit finds the same donor instead of registering the sender again. account_key is
-- the SHA-256 (hex) of the sender's account number when the line shows one ("CT tu 0101… TEN …"),
-- else ''; name_key is the folded name, '' for lines that name nobody (the unit's anonymous
-- "Nhà hảo tâm" transfer donor). unit_code is '' for imports run by nobody's unit (the system).
create table donor_transfer_sender (
    unit_code   varchar(20)  not null,
    name_key    varchar(300) not null,
    account_key varchar(64)  not null check (account_key = '' or account_key ~ '^[0-9a-f]{64}$'),
    donor_id    bigint       not null references donor (id),
    created_at  timestamptz  not null default now(),
    primary key (unit_code, name_key, account_key)
);
create index donor_transfer_sender_donor_idx on donor_transfer_sender (donor_id);
