-- What a need (NEED:<id>) still holds in every campaign, without reading every campaign's balances.
create index ledger_balance_account_idx on ledger_balance (account, item_key);
