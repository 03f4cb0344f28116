-- Balances move once per statement instead of once per row. The row trigger updated the same few
-- rows (the campaign's pool balance and its ledger_chain totals) once per entry; a statement's
-- 12,000 receipts (one bank statement, one transaction) left 12,000 versions of each row, and every
-- further update had to walk past all of them (quadratic: ~20 s for one import). The statement
-- trigger below keeps every rule exactly as before, for any writer (INSERT, COPY, SQL by hand):
--  * each account's balance, taken in chain order (sequence) from its stored value, never goes
--    below zero at any entry, for money and for quantities of goods — refused with the same
--    check_violation and constraint name (ledger_balance_amount_not_negative /
--    ledger_balance_quantity_not_negative) as the table's own checks, which still hold too;
--  * the balance rows a statement touches are locked first, in one order, so racing writers
--    serialise on them as before and the loser fails as a whole;
--  * a new balance row takes the name and unit of the first entry (by sequence) moving into it;
--  * the campaign totals (received, allocated, delivered; a reversal subtracts from the kind it
--    undoes) move once per campaign.
create function ledger_entries_move_balances() returns trigger
    language plpgsql as
$$
declare
    broken record;
begin
    -- the moves of the inserted entries (transition table `added`): out of each from account, into
    -- each to account (DONOR:… accounts are outside the ledger). First lock the balances they touch,
    -- in one order.
    perform 1
       from ledger_balance b
       join (select distinct campaign_id, from_account as account, item_key
               from added where from_account not like 'DONOR:%'
              union
             select distinct campaign_id, to_account, item_key
               from added where to_account not like 'DONOR:%') t
         on b.campaign_id = t.campaign_id and b.account = t.account and b.item_key = t.item_key
      order by b.campaign_id, b.account, b.item_key
        for update of b;

    -- no balance below zero at any entry, in chain order
    select m.account, m.sequence, m.amount_left, m.quantity_left into broken
      from (select mv.account, mv.sequence,
                   coalesce(b.amount_dong, 0) + sum(mv.amount) over w as amount_left,
                   coalesce(b.quantity, 0) + sum(mv.quantity) over w as quantity_left
              from (select campaign_id, from_account as account, item_key, sequence,
                           -amount_dong as amount, -coalesce(item_quantity, 0) as quantity
                      from added where from_account not like 'DONOR:%'
                     union all
                    select campaign_id, to_account, item_key, sequence, amount_dong, coalesce(item_quantity, 0)
                      from added where to_account not like 'DONOR:%') mv
              left join ledger_balance b
                on b.campaign_id = mv.campaign_id and b.account = mv.account and b.item_key = mv.item_key
            window w as (partition by mv.campaign_id, mv.account, mv.item_key order by mv.sequence
                         rows between unbounded preceding and current row)) m
     where m.amount_left < 0 or m.quantity_left < 0
     order by m.sequence
     limit 1;
    if found then
        if broken.amount_left < 0 then
            raise exception 'new row for relation "ledger_balance" violates check constraint "ledger_balance_amount_not_negative"'
                using errcode = 'check_violation', constraint = 'ledger_balance_amount_not_negative',
                      table = 'ledger_balance',
                      detail = format('account %s would hold %s at entry %s',
                                      broken.account, broken.amount_left, broken.sequence);
        end if;
        raise exception 'new row for relation "ledger_balance" violates check constraint "ledger_balance_quantity_not_negative"'
            using errcode = 'check_violation', constraint = 'ledger_balance_quantity_not_negative',
                  table = 'ledger_balance',
                  detail = format('account %s would hold %s at entry %s',
                                  broken.account, broken.quantity_left, broken.sequence);
    end if;

    -- the net move of each account, in one statement: a plain update of the balances that exist (an
    -- upsert would check its negative candidate row first), an insert of the others, named after
    -- their first goods (never negative: the check above starts a missing balance at zero)
    with net as (
        select mv.campaign_id, mv.account, mv.item_key, sum(mv.amount) as amount, sum(mv.quantity) as quantity,
               (array_agg(mv.item_name order by mv.sequence))[1] as item_name,
               (array_agg(mv.item_unit order by mv.sequence))[1] as item_unit
          from (select campaign_id, from_account as account, item_key, sequence, -amount_dong as amount,
                       -coalesce(item_quantity, 0) as quantity, item_name, item_unit
                  from added where from_account not like 'DONOR:%'
                 union all
                select campaign_id, to_account, item_key, sequence, amount_dong, coalesce(item_quantity, 0),
                       item_name, item_unit
                  from added where to_account not like 'DONOR:%') mv
         group by mv.campaign_id, mv.account, mv.item_key),
    updated as (
        update ledger_balance b
           set amount_dong = b.amount_dong + net.amount,
               quantity    = b.quantity + net.quantity
          from net
         where b.campaign_id = net.campaign_id and b.account = net.account and b.item_key = net.item_key
        returning b.campaign_id, b.account, b.item_key)
    insert into ledger_balance as b (campaign_id, account, item_key, amount_dong, quantity, item_name, item_unit)
    select net.campaign_id, net.account, net.item_key, net.amount, net.quantity, net.item_name, net.item_unit
      from net
     where not exists (select 1 from updated u
                        where u.campaign_id = net.campaign_id and u.account = net.account and u.item_key = net.item_key)
     order by net.campaign_id, net.account, net.item_key
    on conflict (campaign_id, account, item_key) do update
        set amount_dong = b.amount_dong + excluded.amount_dong,
            quantity    = b.quantity + excluded.quantity;

    -- the campaigns' totals
    update ledger_chain c
       set received_dong  = c.received_dong + t.received,
           allocated_dong = c.allocated_dong + t.allocated,
           delivered_dong = c.delivered_dong + t.delivered
      from (select a.campaign_id,
                   coalesce(sum(case coalesce(r.kind, a.kind) when 'RECEIPT' then s.sign * a.amount_dong end), 0) as received,
                   coalesce(sum(case coalesce(r.kind, a.kind) when 'ALLOCATION' then s.sign * a.amount_dong end), 0) as allocated,
                   coalesce(sum(case coalesce(r.kind, a.kind) when 'DELIVERY' then s.sign * a.amount_dong end), 0) as delivered
              from added a
              left join ledger_entry r on a.kind = 'REVERSAL' and r.id = a.reverses_id
             cross join lateral (select case when a.kind = 'REVERSAL' then -1 else 1 end as sign) s
             group by a.campaign_id) t
     where c.campaign_id = t.campaign_id;
    return null;
end
$$;

drop trigger ledger_entry_moves_balances on ledger_entry;
drop function ledger_entry_moves_balances();

create trigger ledger_entry_moves_balances
    after insert on ledger_entry
    referencing new table as added
    for each statement execute function ledger_entries_move_balances();
