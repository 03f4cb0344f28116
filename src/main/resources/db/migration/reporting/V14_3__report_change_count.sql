-- Every write of a report row is counted (also writes that bypass the module, and on any app
-- instance), so the roll-up can tell whether a period's reports changed since it last summed them:
-- the stamp of a period is the number of its reports and the sum of their changes
-- (ReportStore.stamp, ReportConsolidation).
alter table report add column changes bigint not null default 0;

create function report_counts_changes() returns trigger
    language plpgsql as
$$
begin
    new.changes := old.changes + 1;
    return new;
end
$$;

create trigger report_counts_changes before update on report
    for each row execute function report_counts_changes();
