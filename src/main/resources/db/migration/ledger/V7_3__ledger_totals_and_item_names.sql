-- Campaign totals and the names of goods kept by the balance trigger, so the public page does not
-- add up millions of entries on every request: received, allocated and delivered per campaign
-- (reversals subtract from the kind they undo), and each goods balance's name and unit.
alter table ledger_chain
    add column received_dong  bigint not null default 0,
    add column allocated_dong bigint not null default 0,
    add column delivered_dong bigint not null default 0;

alter table ledger_balance
    add column item_name varchar(200),
    add column item_unit varchar(40);

update ledger_chain c
   set received_dong  = t.received,
       allocated_dong = t.allocated,
       delivered_dong = t.delivered
  from (select e.campaign_id,
               coalesce(sum(case coalesce(r.kind, e.kind) when 'RECEIPT' then s.sign * e.amount_dong end), 0) as received,
               coalesce(sum(case coalesce(r.kind, e.kind) when 'ALLOCATION' then s.sign * e.amount_dong end), 0) as allocated,
               coalesce(sum(case coalesce(r.kind, e.kind) when 'DELIVERY' then s.sign * e.amount_dong end), 0) as delivered
          from ledger_entry e
          left join ledger_entry r on r.id = e.reverses_id
          cross join lateral (select case when e.kind = 'REVERSAL' then -1 else 1 end as sign) s
         group by e.campaign_id) t
 where c.campaign_id = t.campaign_id;

update ledger_balance b
   set item_name = n.item_name, item_unit = n.item_unit
  from (select distinct on (campaign_id, item_key) campaign_id, item_key, item_name, item_unit
          from ledger_entry where item_key <> '' order by campaign_id, item_key, sequence) n
 where b.campaign_id = n.campaign_id and b.item_key = n.item_key;

create or replace function ledger_entry_moves_balances() returns trigger
    language plpgsql as
$$
declare
    counted varchar(10) := new.kind;
    sign    integer     := 1;
begin
    if new.from_account not like 'DONOR:%' then
        -- a plain update (an upsert would check the negative candidate row first); no row means a
        -- balance of zero, and the insert of the negative amount then fails the check
        update ledger_balance
           set amount_dong = amount_dong - new.amount_dong,
               quantity    = quantity - coalesce(new.item_quantity, 0)
         where campaign_id = new.campaign_id and account = new.from_account and item_key = new.item_key;
        if not found then
            insert into ledger_balance (campaign_id, account, item_key, amount_dong, quantity, item_name, item_unit)
            values (new.campaign_id, new.from_account, new.item_key, -new.amount_dong, -coalesce(new.item_quantity, 0),
                    new.item_name, new.item_unit);
        end if;
    end if;
    if new.to_account not like 'DONOR:%' then
        insert into ledger_balance as b (campaign_id, account, item_key, amount_dong, quantity, item_name, item_unit)
        values (new.campaign_id, new.to_account, new.item_key, new.amount_dong, coalesce(new.item_quantity, 0),
                new.item_name, new.item_unit)
        on conflict (campaign_id, account, item_key) do update
            set amount_dong = b.amount_dong + new.amount_dong,
                quantity    = b.quantity + coalesce(new.item_quantity, 0);
    end if;
    if new.kind = 'REVERSAL' then
        select kind into counted from ledger_entry where id = new.reverses_id;
        sign := -1;
    end if;
    update ledger_chain
       set received_dong  = received_dong  + case when counted = 'RECEIPT'    then sign * new.amount_dong else 0 end,
           allocated_dong = allocated_dong + case when counted = 'ALLOCATION' then sign * new.amount_dong else 0 end,
           delivered_dong = delivered_dong + case when counted = 'DELIVERY'   then sign * new.amount_dong else 0 end
     where campaign_id = new.campaign_id;
    return null;
end
$$;
