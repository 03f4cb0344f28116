-- Search that stays fast among millions of entries, also for a combination of common names
-- ("Lê Ngọc Anh"): every folded word of an entry's name, message, goods and reason, and every pair
-- of adjacent words, as an array with a GIN index (a typed name becomes its words and word pairs,
-- found by one index lookup); a word still being typed ("ngu") is found by word start through the
-- trigram index, now over the folded text padded with spaces so "% ngu%" means "a word starting
-- with ngu".
create function ledger_search_tokens(folded text) returns text[]
    language sql immutable parallel safe as
$$
    with w as (select word, i from unnest(string_to_array(nullif(btrim(folded), ''), ' ')) with ordinality as u(word, i))
    select coalesce(array_agg(distinct t), '{}')
      from (select word as t from w
            union all
            select a.word || ' ' || b.word from w a join w b on b.i = a.i + 1) x
$$;

alter table ledger_entry
    add column search_tokens text[] generated always as (ledger_search_tokens(search_folded)) stored;
create index ledger_entry_tokens_idx on ledger_entry using gin (search_tokens);

drop index ledger_entry_search_idx;
create index ledger_entry_search_idx on ledger_entry using gin ((' ' || search_folded || ' ') gin_trgm_ops);
