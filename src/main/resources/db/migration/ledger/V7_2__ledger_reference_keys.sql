-- "Find my transfer": the SHA-256 (hex) of every run of 6 or more digits in a receipt's original
-- message (bank references, the donor's own account number), so a donor can find the entry by a
-- number that the published message shows only masked. Not public, not hashed into the chain.
alter table ledger_entry add column reference_keys text[] not null default '{}';
create index ledger_entry_reference_keys_idx on ledger_entry using gin (reference_keys);
