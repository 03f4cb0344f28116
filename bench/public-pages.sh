#!/usr/bin/env bash
# Public pages under load (issue 7: "/public/needs and /public/ledger pages >= 1,500 requests/s
# with p99 <= 100 ms at 64 connections (wrk over loopback); baseline: a static file served by the
# same app", everything with -Xmx512m): bench/public-pages.sh
#
#  1. starts the packaged app with -Xmx512m (full JIT: throughput, not start-up, is measured here)
#     on port 4510, its embedded database on 5510, data in a temp dir, demo data on;
#  2. fills it through SQL: NEEDS (500,000) needs over today's 3,321 communes, skewed so that a few
#     provinces hold most of them, PUBLIC_PERCENT (8 %) of them public (published, partly funded,
#     funded, delivered), the rest drafts, approved, closed and cancelled; two campaigns with
#     LEDGER_ENTRIES (1,200,000) and LEDGER_ENTRIES/4 ledger receipts (Vietnamese donor names and
#     bank-style messages, as bench/ledger-search.sh does);
#     or, with DATA_DIR=<an embedded PostgreSQL data dir> (or COUNTRY_DIR=<dir>, whose pg/ is used
#     when it has one; bench/country.sh writes such a dir), runs on that data as it is: the
#     campaign with the most entries and the province with the most public needs are measured,
#     nothing is written and the dir is not removed (the app's Flyway and demo runners still run);
#  3. under `flock /tmp/ct-bench.lock` (other benchmarks wait), for each target a WARMUP wrk run,
#     then `wrk -t2 -c64 -d30s --latency`, all in the same run, one after the other:
#       - the static file /css/app.css (the baseline: the same app, Tomcat and security filters);
#       - /public/needs: the first page, a later page (page=PAGE, 20 needs a page), a province;
#       - /public/needs first page with Accept-Encoding: gzip (what browsers send);
#       - /public/ledger?campaign=<big>: the newest entries, and a later page (keyset, before=);
#       - a mix of 34 ledger searches (names and message words, with and without diacritics);
#       - searches that are all different (the same words, each with another before=): no two alike;
#     the public search limit (chungtay.rate-limit.public-search-per-minute, 120 a minute per
#     client) is raised to 10,000,000 for the run, so the searches measure the page, not the 429;
#  4. records per target req/s, latency p50/p75/p90/p99/max, non-2xx/3xx responses (must be 0),
#     socket errors, the load average before and after, and whether an anonymous request to it set
#     a session cookie; prints a markdown table (raw wrk output in bench/results/<stamp>-public/).
#
# Knobs: NEEDS=500000 PUBLIC_PERCENT=8 LEDGER_ENTRIES=1200000 DURATION=30s CONNECTIONS=64 THREADS=2
#        WARMUP=10s PAGE=1000 ONLY="static needs ..." (names of the targets to run, default all)
#        JAR=/path/to/chungtay.jar (else builds into /tmp/ct-bench-public) JAVA_OPTS="..." (added)
#        APP_ARGS="--chungtay.public-cache.enabled=false ..." (added to the app's command line)
#        TIMEOUT=10s (wrk's per-request timeout; slower requests count as socket errors, not latencies)
#        DATA_DIR / COUNTRY_DIR (see 2) KEEP=1 (leave the app and database running; prints how to stop)
#        KEEP_DATA=1 (keep the filled database dir for later runs with DATA_DIR=...; it is printed)
# Everything it starts is stopped on exit (the app, then its postmaster) and the temp dir removed.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
NEEDS=${NEEDS:-500000}
PUBLIC_PERCENT=${PUBLIC_PERCENT:-8}
LEDGER_ENTRIES=${LEDGER_ENTRIES:-1200000}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-10s}
TIMEOUT=${TIMEOUT:-10s}
PAGE=${PAGE:-1000}
ONLY=${ONLY:-}
HTTP_PORT=4510
DB_PORT=5510
BUILD_DIR=/tmp/ct-bench-public
LOCK=/tmp/ct-bench.lock

say() { printf '[public-pages %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
. "$ROOT/bench/lib.sh"

if ! command -v wrk >/dev/null 2>&1; then
    say "installing wrk"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y wrk >/dev/null; } ||
        { say "could not install wrk (apt-get install -y wrk)"; exit 1; }
fi
if ! command -v psql >/dev/null 2>&1; then
    say "installing postgresql-client"
    apt-get install -y postgresql-client >/dev/null 2>&1 || { say "could not install psql"; exit 1; }
fi
for tool in java python3 curl flock; do
    command -v "$tool" >/dev/null 2>&1 || { say "missing $tool; install it first"; exit 1; }
done
for port in $HTTP_PORT $DB_PORT; do
    if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
        say "port $port is in use; stop whatever listens there first"
        exit 1
    fi
done

if [ -n "${COUNTRY_DIR:-}" ] && [ -z "${DATA_DIR:-}" ]; then
    if [ -f "$COUNTRY_DIR/pg/PG_VERSION" ]; then DATA_DIR=$COUNTRY_DIR/pg; else DATA_DIR=$COUNTRY_DIR; fi
fi
if [ -n "${DATA_DIR:-}" ] && [ ! -f "$DATA_DIR/PG_VERSION" ]; then
    say "DATA_DIR=$DATA_DIR is not a PostgreSQL data dir (no PG_VERSION)"
    exit 1
fi

WORK=$(mktemp -d /tmp/ct-bench-public-run.XXXXXX)
PG_DIR=${DATA_DIR:-$WORK/pg}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/$STAMP-public
mkdir -p "$OUT"
APP_PID=""

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ "${KEEP:-}" = 1 ] && [ -n "$APP_PID" ]; then
        say "KEEP=1: app pid $APP_PID on http://127.0.0.1:$HTTP_PORT, database 127.0.0.1:$DB_PORT, data $PG_DIR"
        say "stop it with: kill $APP_PID; then rm -rf $WORK"
        exit $rc
    fi
    ct_stop "$APP_PID"
    ct_stop_postmaster "$PG_DIR"
    if [ "${KEEP_DATA:-}" = 1 ] && [ -z "${DATA_DIR:-}" ] && [ -f "$PG_DIR/PG_VERSION" ]; then
        mv "$PG_DIR" "$WORK.pg"
        say "KEEP_DATA=1: the filled database is in $WORK.pg; run again with DATA_DIR=$WORK.pg"
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
git rev-parse --short HEAD >"$OUT/commit.txt" 2>/dev/null || true

# ---------------------------------------------------------------- the app
say "starting the app with -Xmx512m (port $HTTP_PORT, database $DB_PORT, data $PG_DIR)"
# shellcheck disable=SC2086
java -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" --server.port=$HTTP_PORT \
    --chungtay.embedded-db.port=$DB_PORT --chungtay.embedded-db.data-dir="$PG_DIR" \
    --chungtay.rate-limit.public-search-per-minute=10000000 --server.tomcat.accesslog.enabled=false \
    ${APP_ARGS:-} >"$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { say "the app died; see $OUT/app.log"; exit 1; }
    sleep 1
done
curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null || { say "the app did not start"; exit 1; }
# demo data runs after the context has started; wait until the demo campaigns' ledger is there
sleep 5

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" -U postgres -d chungtay)

# ---------------------------------------------------------------- fill (only a fresh temp database)
fill_ledger() { # campaign entries commune
    local campaign=$1 entries=$2 commune=$3
    "${PSQL[@]}" <<SQL
set session_replication_role = replica;
insert into ledger_chain (campaign_id) values ($campaign);
with names as (
    select array['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý'] s,
           array['Văn','Thị','Hữu','Đức','Minh','Ngọc','Thanh','Quốc','Xuân','Hoàng','Thu','Kim'] m,
           array['An','Bình','Châu','Dũng','Giang','Hà','Hải','Hạnh','Hiếu','Hoa','Hùng','Hương','Khánh','Lan',
                 'Linh','Long','Mai','Nam','Nga','Ngân','Phúc','Phương','Quân','Quỳnh','Sơn','Tâm','Thảo','Thắng',
                 'Trang','Trinh','Tú','Tuấn','Uyên','Việt','Vinh','Vy','Xuân','Yến','Đạt','Ánh'] g,
           array['ung ho cac chau vung cao','Ủng hộ trẻ em vùng lũ','chuc cac chau khoe manh, hoc gioi',
                 'gia dinh %s ung ho','MBVCB.%s.%s chuyen tien','CT tu 0101****009 %s toi 0011****418 MAT TRAN TO QUOC VN',
                 'ung ho ao am mua dong','Ủng hộ sữa cho các cháu mầm non','%s ung ho quy vi tre em',
                 'xin cam on','quyen gop sach vo cho hoc sinh','ung ho dong bao bi bao lu','',
                 'chuyen tien ung ho CT1001','Nhóm bạn trẻ thiện nguyện','ung ho xay diem truong'] msg
), rows as (
    select gs,
           n.s[1 + (gs * 7) % 16] || ' ' || n.m[1 + (gs * 13) % 12] || ' ' || n.g[1 + (gs * 31 + gs / 97) % 40] as donor,
           n.msg[1 + (gs * 17 + gs / 13) % 16] as template
    from generate_series(1, $entries) gs, names n
), shaped as (
    select gs, case when gs % 9 = 0 then 'Ẩn danh' else donor end as donor,
           case when template like '%\%s%\%s%' then format(template, (700000000 + gs * 37 % 299999999)::text, upper(unaccent(donor)))
                when template like '%\%s%' then format(template, unaccent(donor))
                else template end as message
    from rows
)
insert into ledger_entry (campaign_id, sequence, kind, entry_date, amount_dong, item_key, from_account, to_account,
                          donor_id, donor_public_name, public_message, search_folded, previous_hash, hash, created_by)
select $campaign, gs, 'RECEIPT', date '2026-01-01' + (gs * 365 / $entries)::int,
       (array[10000,20000,50000,100000,200000,300000,500000,1000000,2000000,5000000,10000000,50000000])[1 + (gs * 11) % 12]
           + (gs % 7) * 1000,
       '', 'DONOR:' || (gs % 200000 + 1), 'POOL:$commune', gs % 200000 + 1, donor, nullif(message, ''),
       trim(regexp_replace(lower(unaccent(donor || ' ' || message)), '[^a-z0-9]+', ' ', 'g')),
       repeat('0', 64), encode(sha256(($campaign || ':' || gs)::bytea), 'hex'), 'bench'
from shaped;
update ledger_chain c set entry_count = t.n, received_dong = t.total,
       head_hash = (select hash from ledger_entry where campaign_id = $campaign order by sequence desc limit 1)
  from (select count(*) n, sum(amount_dong) total from ledger_entry where campaign_id = $campaign) t
 where c.campaign_id = $campaign;
insert into ledger_balance (campaign_id, account, item_key, amount_dong, quantity)
select $campaign, 'POOL:$commune', '', received_dong, 0 from ledger_chain where campaign_id = $campaign;
SQL
}

if [ -z "${DATA_DIR:-}" ]; then
    say "filling $NEEDS needs ($PUBLIC_PERCENT % public)"
    FILL_START=$(date +%s)
    "${PSQL[@]}" <<SQL | tee "$OUT/fill.log" >&2
\timing on
create temporary table bench_commune as
select (row_number() over (order by u.code) - 1)::int as i, u.code, u.parent_code,
       trim(regexp_replace(lower(unaccent(u.full_name)), '[^a-z0-9]+', ' ', 'g')) as folded
  from org_unit u
 where u.level = 2 and (u.valid_from is null or u.valid_from <= current_date)
   and (u.valid_to is null or u.valid_to >= current_date);
create temporary table bench_category as
select (row_number() over (order by code) - 1)::int as i, code from support_category where active;
with numbered as (
    select gs,
           -- a pseudo-random uniform number per row, raised to a power: the first provinces get most needs
           floor((select count(*) from bench_commune)
                 * power(((gs::bigint * 2654435761) % 1000003) / 1000003.0, 2.5))::int as commune_i,
           (gs % 100) as bucket
      from generate_series(1, $NEEDS) gs
), shaped as (
    select n.gs, c.code as commune, c.parent_code as province, c.folded as commune_folded, k.code as category,
           (array['Áo ấm, chăn cho mùa đông','Quần áo đồng phục','Sách vở, cặp sách cho năm học mới',
                  'Sữa và bữa trưa bán trú','Khám sức khỏe, thuốc men','Đồ chơi, sân chơi cho trẻ mầm non',
                  'Nhà vệ sinh điểm trường','Xe đạp đến trường'])[1 + n.gs % 8]
               || ' – đợt ' || (1 + n.gs / 8 % 5) || ' (#' || n.gs || ')' as description,
           1 + n.gs % 50 as quantity, 50000 + (n.gs % 20) * 25000 as unit_cost,
           case when n.bucket < $PUBLIC_PERCENT then
                    (array['PUBLISHED','PUBLISHED','PARTLY_FUNDED','FUNDED','DELIVERED','PUBLISHED','PARTLY_FUNDED','PUBLISHED'])[1 + n.gs / 100 % 8]
                else (array['DRAFT','DRAFT','APPROVED','CLOSED','CLOSED','CLOSED','CANCELLED','APPROVED'])[1 + n.gs / 100 % 8]
           end as status,
           (array['Đông','Xuân','Hè','Thu'])[1 + n.gs % 4] || ' 2026' as season
      from numbered n
      join bench_commune c on c.i = n.commune_i
      join bench_category k on k.i = n.gs % (select count(*) from bench_category)
)
insert into need (target, unit_code, commune_code, province_code, category_code, description, quantity, unit,
                  unit_cost_dong, total_dong, funded_dong, year, season, season_folded, needed_by, priority,
                  children_served, status, submitted, cancel_reason, description_folded, commune_folded,
                  created_by, published_at)
select 'COMMUNE', commune, commune, province, category, description, quantity, 'bộ',
       unit_cost, unit_cost * quantity,
       case status when 'PARTLY_FUNDED' then unit_cost * quantity / 3 when 'FUNDED' then unit_cost * quantity
                   when 'DELIVERED' then unit_cost * quantity else 0 end,
       2026, season, trim(regexp_replace(lower(unaccent(season)), '[^a-z0-9]+', ' ', 'g')),
       date '2026-12-01' + gs % 28, (array['HIGH','MEDIUM','LOW'])[1 + gs % 3], 5 + gs % 60,
       status, status <> 'DRAFT', case when status = 'CANCELLED' then 'Trùng với nhu cầu khác' end,
       trim(regexp_replace(lower(unaccent(description)), '[^a-z0-9]+', ' ', 'g')), commune_folded,
       'bench', case when status in ('PUBLISHED','PARTLY_FUNDED','FUNDED','DELIVERED') then now() end
  from shaped;
analyze need;
SQL
    say "filling the ledger: $LEDGER_ENTRIES and $((LEDGER_ENTRIES / 4)) receipts in two campaigns"
    CAMPAIGN=$("${PSQL[@]}" -At -c "insert into campaign (name, unit_code, receiving_from, receiving_to, created_by)
        values ('Chiến dịch đo tải trang công khai', '24640', date '2026-01-01', date '2026-12-31', 'bench') returning id")
    SECOND=$("${PSQL[@]}" -At -c "insert into campaign (name, unit_code, receiving_from, receiving_to, created_by)
        values ('Chiến dịch đo tải thứ hai', '24649', date '2026-01-01', date '2026-12-31', 'bench') returning id")
    "${PSQL[@]}" -c "drop index if exists ledger_entry_search_idx; drop index if exists ledger_entry_tokens_idx;"
    fill_ledger "$CAMPAIGN" "$LEDGER_ENTRIES" 24640 2>&1 | tee -a "$OUT/fill.log" >&2
    fill_ledger "$SECOND" "$((LEDGER_ENTRIES / 4))" 24649 2>&1 | tee -a "$OUT/fill.log" >&2
    "${PSQL[@]}" <<SQL 2>&1 | tee -a "$OUT/fill.log" >&2
set maintenance_work_mem = '256MB';
create index ledger_entry_search_idx on ledger_entry using gin ((' ' || search_folded || ' ') gin_trgm_ops);
create index ledger_entry_tokens_idx on ledger_entry using gin (search_tokens);
vacuum analyze ledger_entry;
vacuum analyze ledger_chain;
vacuum analyze ledger_balance;
SQL
    say "filled in $(($(date +%s) - FILL_START)) s"
else
    CAMPAIGN=$("${PSQL[@]}" -At -c "select campaign_id from ledger_chain order by entry_count desc, campaign_id limit 1")
fi
PROVINCE=$("${PSQL[@]}" -At -c "select province_code from need where status in ('PUBLISHED','PARTLY_FUNDED','FUNDED','DELIVERED')
    group by 1 order by count(*) desc, 1 limit 1")
"${PSQL[@]}" -At -F ' | ' -c "select 'needs', count(*), count(*) filter (where status in ('PUBLISHED','PARTLY_FUNDED','FUNDED','DELIVERED')),
        count(*) filter (where province_code = '$PROVINCE' and status in ('PUBLISHED','PARTLY_FUNDED','FUNDED','DELIVERED')) from need" \
    -c "select 'ledger', (select count(*) from ledger_entry), (select entry_count from ledger_chain where campaign_id = $CAMPAIGN),
        pg_size_pretty(pg_total_relation_size('ledger_entry'))" >"$OUT/data.txt"
say "data: $(tr '\n' ' ' <"$OUT/data.txt")(needs: all | public | public in $PROVINCE; ledger: all | campaign $CAMPAIGN | size)"
ENTRIES_BIG=$("${PSQL[@]}" -At -c "select entry_count from ledger_chain where campaign_id = $CAMPAIGN")

# ---------------------------------------------------------------- the targets
BASE=http://127.0.0.1:$HTTP_PORT
python3 - "$OUT" "$CAMPAIGN" "$ENTRIES_BIG" <<'PY'
import random, sys, urllib.parse
out, campaign, entries = sys.argv[1], sys.argv[2], int(sys.argv[3])
typed = ["nguyen van an", "Nguyễn Thị Hoa", "tran minh quan", "le ngoc anh", "pham duc thang", "hoang thu trang",
         "vo kim uyen", "dang xuan vinh", "bui thanh tu", "do quoc viet", "ho huu long", "ngo thu giang",
         "duong minh khanh", "ly thanh yen", "huynh van dat", "phan thi quynh", "vung cao", "khoe manh",
         "ao am", "sach vo", "diem truong", "sua mam non", "bao lu", "nhom ban tre", "nguyen", "tran", "thi hoa",
         "Trần Văn Hùng", "Lê Thị Ngân", "Đặng Văn Sơn", "quy vi tre em", "mat tran", "Bùi Ánh", "vu kim chau"]
def lua(name, paths):
    with open(f"{out}/{name}.lua", "w") as f:
        f.write("local paths = {\n" + ",\n".join('  "' + p + '"' for p in paths) + "\n}\n")
        f.write("local i = 0\nrequest = function()\n  i = i + 1\n"
                "  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n")
q = lambda t: urllib.parse.quote(t)
lua("search-mix", [f"/public/ledger?campaign={campaign}&q={q(t)}" for t in typed])
random.seed(7)
# every request another page position: nothing is served twice
lua("search-unique", [f"/public/ledger?campaign={campaign}&q={q(random.choice(typed))}&before={random.randint(2, entries)}"
                      for _ in range(20000)])
PY

# name | path | extra wrk arguments
TARGETS=(
    "static|/css/app.css|"
    "needs|/public/needs|"
    "needs-later|/public/needs?page=$PAGE|"
    "needs-province|/public/needs?province=$PROVINCE|"
    "needs-gzip|/public/needs|-H Accept-Encoding:gzip"
    "ledger|/public/ledger?campaign=$CAMPAIGN|"
    "ledger-later|/public/ledger?campaign=$CAMPAIGN&before=$((ENTRIES_BIG / 2))|"
    "search-mix|/public/ledger|-s $OUT/search-mix.lua"
    "search-unique|/public/ledger|-s $OUT/search-unique.lua"
)

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

measure() {
    for target in "${TARGETS[@]}"; do
        IFS='|' read -r name path extra <<<"$target"
        if [ -n "$ONLY" ] && ! grep -qw -- "$name" <<<"$ONLY"; then continue; fi
        url=$BASE$path
        # one plain request: status, size, and whether it created a session
        curl -s -o /dev/null -D "$OUT/$name.headers" -w "%{http_code} %{size_download}\n" "$url" >"$OUT/$name.curl"
        say "$name: warm-up $WARMUP"
        # shellcheck disable=SC2086
        wrk -t"$THREADS" -c16 -d"$WARMUP" --timeout "$TIMEOUT" $extra "$url" >"$OUT/$name.warmup" 2>&1 || true
        before=$(loadavg)
        say "$name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT --latency $extra $url (load $before)"
        # shellcheck disable=SC2086
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" --latency $extra "$url" >"$OUT/$name.wrk" 2>&1 || true
        after=$(loadavg)
        printf '%s\n%s\n' "$before" "$after" >"$OUT/$name.load"
        echo "$name|$path|$extra" >>"$OUT/targets.txt"
    done
}

say "waiting for $LOCK (other benchmarks)"
exec 9>>"$LOCK"
flock 9
say "measuring (holding $LOCK)"
MEASURE_START=$(date -u +%H:%M:%S)
measure
flock -u 9
MEASURE_END=$(date -u +%H:%M:%S)
ps -o rss= -p "$APP_PID" >"$OUT/rss.txt" 2>/dev/null || true

# ---------------------------------------------------------------- report
python3 - "$OUT" "$MEASURE_START" "$MEASURE_END" "$DURATION" "$CONNECTIONS" "$THREADS" "$TIMEOUT" <<'PY'
import json, re, sys
out, start, end, duration, connections, threads, timeout = sys.argv[1:8]

def ms(text):
    m = re.match(r"([0-9.]+)(us|ms|s)", text)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

rows = []
for line in open(f"{out}/targets.txt"):
    name, path, extra = line.rstrip("\n").split("|", 2)
    wrk = open(f"{out}/{name}.wrk").read()
    row = {"what": name, "path": (path + (" " + extra if extra else "")).replace(out + "/", ""), "rps": None}
    m = re.search(r"Requests/sec:\s+([0-9.]+)", wrk)
    row["rps"] = float(m.group(1)) if m else None
    m = re.search(r"(\d+) requests in", wrk)
    row["requests"] = int(m.group(1)) if m else None
    for p in ("50", "75", "90", "99"):
        m = re.search(rf"^\s+{p}%\s+([0-9.]+(?:us|ms|s))", wrk, re.M)
        row["p" + p] = round(ms(m.group(1)), 2) if m else None
    m = re.search(r"Latency\s+\S+\s+\S+\s+([0-9.]+(?:us|ms|s))", wrk)
    row["max"] = round(ms(m.group(1)), 1) if m else None
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)
    row["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", wrk)
    row["socket_errors"] = sum(int(g) for g in m.groups()) if m else 0
    load = open(f"{out}/{name}.load").read().split("\n")
    row["load_before"], row["load_after"] = load[0], load[1]
    headers = open(f"{out}/{name}.headers").read()
    row["session_cookie"] = "JSESSIONID" in headers
    code, size = open(f"{out}/{name}.curl").read().split()
    row["status"], row["bytes"] = int(code), int(size)
    rows.append(row)

json.dump({"window_utc": [start, end], "wrk": f"-t{threads} -c{connections} -d{duration} --timeout {timeout} --latency",
           "data": open(f"{out}/data.txt").read(), "rss_kb": open(f"{out}/rss.txt").read().strip(),
           "results": rows}, open(f"{out}/results.json", "w"), indent=1)
static = next((r["rps"] for r in rows if r["what"] == "static" and r["rps"]), None)
print(f"\nwrk -t{threads} -c{connections} -d{duration} --timeout {timeout} --latency, {start}–{end} UTC; data: "
      + open(f"{out}/data.txt").read().replace("\n", "; "))
print("| what | path | req/s | × static | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors | body B | session? | load before → after |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for r in rows:
    ratio = f"{r['rps'] / static:.2f}" if static and r["rps"] else "–"
    print(f"| {r['what']} | `{r['path']}` | {r['rps']:.0f} | {ratio} | {r['p50']} | {r['p90']} | {r['p99']} | {r['max']} |"
          f" {r['non2xx']} | {r['socket_errors']} | {r['bytes']} | {'yes' if r['session_cookie'] else 'no'} |"
          f" {r['load_before']} → {r['load_after']} |" if r["rps"] is not None else f"| {r['what']} | `{r['path']}` | wrk failed |")
PY
say "raw results in $OUT"
