-- The public needs list (PublicNeeds.published) in its own order, for the public statuses only:
-- a page is read from this index instead of sorting every public need (40,000 of 500,000 needs: a
-- first page in under a millisecond instead of 0.1-0.3 s), and the count is an index-only scan of
-- need_public_idx. The expressions are those of the query's ORDER BY with the default
-- chungtay.public.min-count of 3; with another value the query still works, sorting as before.
create index need_public_order_idx on need (
    province_code,
    commune_code,
    (case when (target in ('VILLAGE', 'SCHOOL') and children_served >= 3) and unit_code <> commune_code
          then unit_code else '' end),
    (case priority when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end),
    id)
    where status in ('PUBLISHED', 'PARTLY_FUNDED', 'FUNDED', 'DELIVERED');
