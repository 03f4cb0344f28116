-- Donors' own accounts: role DONOR, no scope, linked to their donor record (kept as a plain id:
-- the donor module owns that table). Donors sign in with their e-mail address as the username.
alter table user_account add column donor_id bigint;
alter table user_account drop constraint user_account_scope;
alter table user_account add constraint user_account_scope
    check (role in ('ADMIN', 'DONOR') or scope_code is not null);
alter table user_account add constraint user_account_donor_linked
    check ((role = 'DONOR') = (donor_id is not null));
create index user_account_donor_idx on user_account (donor_id) where donor_id is not null;
