-- The need module's table (its version number is the reporting work's, which added it): when a
-- need became funded and when it was delivered, so that reports count them in the right period.
-- Written by need.internal.NeedMilestones on NeedFundingRecorded / NeedDelivered.
create table need_milestone (
    need_id    bigint      not null references need (id),
    kind       varchar(10) not null check (kind in ('FUNDED', 'DELIVERED')),
    reached_at timestamptz not null,
    primary key (need_id, kind)
);
create index need_milestone_kind_idx on need_milestone (kind, reached_at);

-- needs funded or delivered before this table existed: the time the audit trail recorded
insert into need_milestone (need_id, kind, reached_at)
select cast(a.entity_id as bigint), 'FUNDED', min(a.occurred_at)
from audit_entry a
where a.entity_type = 'Need' and a.action = 'FUND' and a.after ->> 'status' = 'FUNDED'
  and a.entity_id ~ '^[0-9]+$' and exists (select 1 from need n where n.id = cast(a.entity_id as bigint))
group by a.entity_id;

insert into need_milestone (need_id, kind, reached_at)
select cast(a.entity_id as bigint), 'DELIVERED', min(a.occurred_at)
from audit_entry a
where a.entity_type = 'Need' and a.action = 'DELIVER'
  and a.entity_id ~ '^[0-9]+$' and exists (select 1 from need n where n.id = cast(a.entity_id as bigint))
group by a.entity_id;
