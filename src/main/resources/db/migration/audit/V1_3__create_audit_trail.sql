-- The append-only audit trail: the application may insert, never update or delete.
create table audit_entry (
    id          bigserial primary key,
    occurred_at timestamptz not null default clock_timestamp(),
    actor       varchar(60) not null,
    actor_ip    varchar(64),
    action      varchar(20) not null,
    entity_type varchar(60) not null,
    entity_id   varchar(80) not null,
    unit_code   varchar(20),
    before      jsonb,
    after       jsonb
);
create index audit_entry_entity_idx on audit_entry (entity_type, entity_id, occurred_at desc);
create index audit_entry_unit_idx on audit_entry (unit_code, occurred_at desc);
create index audit_entry_time_idx on audit_entry (occurred_at desc);

create function audit_entry_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_entry is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
