#!/usr/bin/env bash
# Public ledger search with 5 million entries (issue 4: "a name search on the public ledger with
# 5 million entries <= 100 ms p95"): bench/ledger-search.sh
#
#  1. starts the packaged app on a throwaway embedded database (port 18083, database 55443, data in
#     a temp dir; demo data off), so Flyway creates the real schema and indexes;
#  2. fills one campaign with ENTRIES (5,000,000) receipts through SQL generate_series: Vietnamese
#     donor names (16 surnames x 12 middle names x 40 given names, with diacritics), transfer
#     messages in the shapes banks print, amounts from 10,000 to 50,000,000 đồng over a year; the
#     folded search column the same way the app folds (unaccent, lower case, punctuation to
#     spaces); the trigram index is built after the load, like a restore; hashes are placeholders
#     (the chain is not what is measured);
#  3. runs QUERIES (200) searches of names and message words, typed with and without diacritics:
#     a) GET /public/ledger?campaign=..&q=.. over HTTP (the whole page: search, capped count,
#        totals, balances, names), client-side time on loopback with keep-alive;
#     b) the page's search SQL alone in psql (the same WHERE, ORDER BY sequence DESC LIMIT 26,
#        and the count capped at 10,001);
#     c) the baseline: a sequential ILIKE scan of name and message (index scans off), BASELINE
#        (20) of the same queries;
#  and prints p50/p95/max of each as markdown (raw timings in bench/results/<stamp>-ledger/).
#
# Knobs: ENTRIES=5000000 QUERIES=200 BASELINE=20 JAR=/path/to/chungtay.jar (else builds into
#        /tmp/ct-bench-ls) KEEP=1 (leave the app and database running for a look; prints how to stop)
# Everything it starts is stopped on exit (the app, then its postmaster) and the temp dir removed.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
ENTRIES=${ENTRIES:-5000000}
QUERIES=${QUERIES:-200}
BASELINE=${BASELINE:-20}
HTTP_PORT=18083
DB_PORT=55443
BUILD_DIR=/tmp/ct-bench-ls

say() { printf '[ledger-search %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

for tool in java python3 curl psql; do
    command -v "$tool" >/dev/null 2>&1 || { say "missing $tool; install it first (psql: postgresql-client)"; exit 1; }
done
for port in $HTTP_PORT $DB_PORT; do
    if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
        say "port $port is in use; stop whatever listens there first"
        exit 1
    fi
done

WORK=$(mktemp -d /tmp/ct-bench-ls-run.XXXXXX)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/$STAMP-ledger
mkdir -p "$OUT"
APP_PID=""

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ "${KEEP:-}" = 1 ] && [ -n "$APP_PID" ]; then
        say "KEEP=1: app pid $APP_PID on http://127.0.0.1:$HTTP_PORT, database 127.0.0.1:$DB_PORT, data $WORK"
        say "stop it with: kill $APP_PID; then rm -rf $WORK"
        exit $rc
    fi
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        say "stopping app pid $APP_PID"
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    if [ -e "$WORK/pg/postmaster.pid" ]; then
        pm=$(head -1 "$WORK/pg/postmaster.pid")
        if kill -0 "$pm" 2>/dev/null && grep -q postgres "/proc/$pm/cmdline" 2>/dev/null; then
            say "stopping postmaster pid $pm"
            kill -INT "$pm" 2>/dev/null || true
            for _ in $(seq 1 30); do kill -0 "$pm" 2>/dev/null || break; sleep 1; done
            kill -KILL "$pm" 2>/dev/null || true
        fi
    fi
    rm -rf "$WORK"
    exit $rc
}
trap cleanup EXIT INT TERM

# ---------------------------------------------------------------- the jar
if [ -n "${JAR:-}" ]; then
    [ -f "$JAR" ] || { say "JAR=$JAR not found"; exit 1; }
else
    JAR=$BUILD_DIR/chungtay.jar
    say "building $JAR"
    ./mvnw -q -B -o -DskipTests -Dchungtay.build.dir=$BUILD_DIR package >"$OUT/build.log" 2>&1 ||
        { say "build failed; see $OUT/build.log"; exit 1; }
fi

# ---------------------------------------------------------------- the app on a throwaway database
say "starting the app (port $HTTP_PORT, database $DB_PORT)"
java -XX:TieredStopAtLevel=1 -jar "$JAR" --server.port=$HTTP_PORT \
    --chungtay.embedded-db.port=$DB_PORT --chungtay.embedded-db.data-dir="$WORK/pg" \
    --chungtay.demo-data=false --server.tomcat.accesslog.enabled=false >"$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { say "the app died; see $OUT/app.log"; exit 1; }
    sleep 1
done
curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null || { say "the app did not start"; exit 1; }

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" -U postgres -d chungtay)

# ---------------------------------------------------------------- fill
CAMPAIGN=$("${PSQL[@]}" -At -c "insert into campaign (name, unit_code, receiving_from, receiving_to, created_by)
    values ('Chiến dịch đo tìm kiếm sổ cái', '24640', date '2026-01-01', date '2026-12-31', 'bench') returning id")
say "campaign $CAMPAIGN: inserting $ENTRIES entries"
FILL_START=$(date +%s.%N)
"${PSQL[@]}" <<SQL | tee "$OUT/fill.log" >&2
\timing on
set session_replication_role = replica;
drop index ledger_entry_search_idx;
insert into ledger_chain (campaign_id) values ($CAMPAIGN);
with names as (
    select array['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý'] s,
           array['Văn','Thị','Hữu','Đức','Minh','Ngọc','Thanh','Quốc','Xuân','Hoàng','Thu','Kim'] m,
           array['An','Bình','Châu','Dũng','Giang','Hà','Hải','Hạnh','Hiếu','Hoa','Hùng','Hương','Khánh','Lan',
                 'Linh','Long','Mai','Nam','Nga','Ngân','Phúc','Phương','Quân','Quỳnh','Sơn','Tâm','Thảo','Thắng',
                 'Trang','Trinh','Tú','Tuấn','Uyên','Việt','Vinh','Vy','Xuân','Yến','Đạt','Ánh'] g,
           array['ung ho cac chau vung cao','Ủng hộ trẻ em Cư Jút','chuc cac chau khoe manh, hoc gioi',
                 'gia dinh %s ung ho','MBVCB.%s.%s chuyen tien','CT tu 0101****009 %s toi 0011****418 MAT TRAN TO QUOC VN',
                 'ung ho ao am mua dong','Ủng hộ sữa cho các cháu mầm non','%s ung ho quy vi tre em',
                 'xin cam on','quyen gop sach vo cho hoc sinh','ung ho dong bao bi bao lu','',
                 'chuyen tien ung ho CT1001','Nhóm bạn trẻ thiện nguyện','ung ho xay diem truong'] msg
), rows as (
    select gs,
           n.s[1 + (gs * 7) % 16] || ' ' || n.m[1 + (gs * 13) % 12] || ' ' || n.g[1 + (gs * 31 + gs / 97) % 40] as donor,
           n.msg[1 + (gs * 17 + gs / 13) % 16] as template
    from generate_series(1, $ENTRIES) gs, names n
), shaped as (
    select gs, case when gs % 9 = 0 then 'Ẩn danh' else donor end as donor,
           case when template like '%\%s%\%s%' then format(template, (700000000 + gs * 37 % 299999999)::text, upper(unaccent(donor)))
                when template like '%\%s%' then format(template, unaccent(donor))
                else template end as message
    from rows
)
insert into ledger_entry (campaign_id, sequence, kind, entry_date, amount_dong, item_key, from_account, to_account,
                          donor_id, donor_public_name, public_message, search_folded, previous_hash, hash, created_by)
select $CAMPAIGN, gs, 'RECEIPT', date '2026-01-01' + (gs % 365)::int,
       (array[10000,20000,50000,100000,200000,300000,500000,1000000,2000000,5000000,10000000,50000000])[1 + (gs * 11) % 12]
           + (gs % 7) * 1000,
       '', 'DONOR:' || (gs % 200000 + 1), 'POOL:24640', gs % 200000 + 1, donor, nullif(message, ''),
       trim(regexp_replace(lower(unaccent(donor || ' ' || message)), '[^a-z0-9]+', ' ', 'g')),
       repeat('0', 64), encode(sha256(gs::text::bytea), 'hex'), 'bench'
from shaped;
update ledger_chain c set entry_count = t.n, received_dong = t.total,
       head_hash = (select hash from ledger_entry where campaign_id = $CAMPAIGN order by sequence desc limit 1)
  from (select count(*) n, sum(amount_dong) total from ledger_entry where campaign_id = $CAMPAIGN) t
 where c.campaign_id = $CAMPAIGN;
insert into ledger_balance (campaign_id, account, item_key, amount_dong, quantity)
select $CAMPAIGN, 'POOL:24640', '', received_dong, 0 from ledger_chain where campaign_id = $CAMPAIGN;
set maintenance_work_mem = '256MB';
create index ledger_entry_search_idx on ledger_entry using gin (search_folded gin_trgm_ops);
vacuum analyze ledger_entry;
SQL
FILL_END=$(date +%s.%N)
"${PSQL[@]}" -At -c "select pg_size_pretty(pg_total_relation_size('ledger_entry')), pg_size_pretty(pg_relation_size('ledger_entry_search_idx'))" >"$OUT/sizes.txt"
say "filled in $(python3 -c "print(round($FILL_END - $FILL_START))") s; table and index sizes: $(cat "$OUT/sizes.txt")"

# ---------------------------------------------------------------- measure
python3 - "$OUT" "$CAMPAIGN" "$HTTP_PORT" "$DB_PORT" "$QUERIES" "$BASELINE" "$ENTRIES" "$(cat "$OUT/sizes.txt")" <<'PY'
import http.client, json, random, re, statistics, subprocess, sys, time, unicodedata, urllib.parse

out, campaign, http_port, db_port, n_queries, n_baseline, entries, sizes = sys.argv[1:9]
n_queries, n_baseline = int(n_queries), int(n_baseline)
random.seed(4)
typed = ["nguyen van an", "Nguyễn Thị Hoa", "tran minh quan", "le ngoc anh", "pham duc thang", "hoang thu trang",
         "vo kim uyen", "dang xuan vinh", "bui thanh tu", "do quoc viet", "ho huu long", "ngo thu giang",
         "duong minh khanh", "ly thanh yen", "huynh van dat", "phan thi quynh", "vung cao", "khoe manh",
         "ao am", "sach vo", "diem truong", "sua mam non", "bao lu", "nhom ban tre", "nguyen", "tran", "thi hoa",
         "Trần Văn Hùng", "Lê Thị Ngân", "Đặng Văn Sơn", "quy vi tre em", "mat tran", "Bùi Ánh", "vu kim chau"]
queries = [random.choice(typed) for _ in range(n_queries)]

def fold(text):
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").replace("đ", "d").replace("Đ", "D").lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

def summary(name, values):
    return {"what": name, "n": len(values), "p50": round(pct(values, 50), 1), "p95": round(pct(values, 95), 1),
            "max": round(max(values), 1)}

# a) HTTP, the whole public page
conn = http.client.HTTPConnection("127.0.0.1", int(http_port), timeout=120)
def page(q):
    path = "/public/ledger?" + urllib.parse.urlencode({"campaign": campaign, "q": q})
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status != 200:
        raise SystemExit(f"GET {path}: {response.status}")
    return elapsed, body
for q in typed[:10]:
    page(q)  # warm-up
http_ms, found = [], 0
for q in queries:
    ms, body = page(q)
    http_ms.append(ms)
    found += b'id="entry-' in body

# b) and c) SQL through one psql session, timed by psql
def sql_where(words):
    return " and ".join(f"e.search_folded like '%{w}%'" for w in words)

def psql_run(statements):
    script = "\\timing on\n" + "\n".join(statements) + "\n"
    run = subprocess.run(["psql", "-X", "-q", "-At", "-h", "127.0.0.1", "-p", db_port, "-U", "postgres", "-d", "chungtay"],
                         input=script, capture_output=True, text=True, check=True)
    times = [float(m) for m in re.findall(r"^Time: ([0-9.]+) ms", run.stdout, re.M)]
    values = [int(line) for line in run.stdout.splitlines() if re.fullmatch(r"\d+", line)]
    return times, values

def psql_times(statements):
    return psql_run(statements)[0]

# as the app runs it (LedgerQueries.entries): the trigram index alone, at most 10,001 matches; when
# there are more, the newest 26 by walking the campaign backwards by sequence
search = []
for q in queries:
    words = fold(q).split(" ")
    conds = " and ".join(f"e.search_folded like '%{w}%'" if len(w) >= 3 else f"strpos(e.search_folded, '{w}') > 0"
                         for w in words)
    search += ["begin;", "set local plan_cache_mode = force_custom_plan;", "set local enable_seqscan = off;",
               "set local enable_indexscan = off;",
               f"select count(*) from (select e.sequence from ledger_entry e where e.campaign_id = {campaign} and {conds}"
               f" limit 10001) t;",
               "set local enable_seqscan = on;", "set local enable_indexscan = on;", "set local enable_bitmapscan = off;",
               f"select count(*) from (select e.sequence from ledger_entry e where e.campaign_id = {campaign} and {conds}"
               f" order by e.sequence desc limit 26) t;",
               "commit;"]
times, counts = psql_run(search)
sql_ms, matches = [], []
for i in range(len(queries)):
    t = times[i * 10:(i + 1) * 10]
    found_step1, found_page = counts[i * 2], counts[i * 2 + 1]
    matches.append(found_step1)
    sql_ms.append(t[4] + (t[8] if found_step1 > 10000 else 0))
base = ["set enable_indexscan = off;", "set enable_bitmapscan = off;", "set max_parallel_workers_per_gather = 0;"]
for q in queries[:n_baseline]:
    pattern = q.replace("'", "''")
    base.append(f"select e.sequence from ledger_entry e where e.campaign_id = {campaign} and"
                f" (e.donor_public_name || ' ' || coalesce(e.public_message, '')) ilike '%{pattern}%'"
                f" order by e.sequence desc limit 26;")
base_ms = psql_times(base)[3:]

results = {"entries": int(entries), "sizes": sizes, "queries": n_queries, "pages_with_hits": found,
           "dense_queries": sum(1 for m in matches if m > 10000),
           "results": [summary("GET /public/ledger?q= (whole page, HTTP)", http_ms),
                       summary("search SQL as the app runs it (trigram index; ordered walk when > 10,000)", sql_ms),
                       summary("baseline: sequential ILIKE on name and message", base_ms)]}
json.dump({**results, "raw": {"http": http_ms, "sql": sql_ms, "baseline": base_ms, "queries": queries,
                                "matches": matches}},
          open(f"{out}/results.json", "w"), ensure_ascii=False, indent=1)
print(f"\n{int(entries):,} entries in one campaign (table + indexes, trigram index: {sizes}); {n_queries} searches,"
      f" {found} pages with hits, {results['dense_queries']} with more than 10,000 matches\n")
print("| what | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|")
for r in results["results"]:
    print(f"| {r['what']} | {r['n']} | {r['p50']} | {r['p95']} | {r['max']} |")
PY
say "raw results in $OUT"
