#!/usr/bin/env bash
# Benchmarks on the national database (issue 7 §2): COUNTRY_DIR=/tmp/ct-country-1.0 bench/country-bench.sh
#
# On a country made by bench/country.sh (its data directory is used as it is; the benchmarks only
# read, apart from re-saving a report row unchanged to measure the roll-up after a change):
#  1. restart to healthy with bin/chungtay (unpacked jar, CDS archive, C1: docs/adr/008), RESTARTS
#     times, and once with plain java -jar, all -Xmx512m (target <= 10 s);
#  2. the consolidated national annual report, GET /api/v1/reports/consolidated and the page, warm
#     and right after a report changed, for 2025-26 (today's communes) and 2024-25 (old communes
#     rolled up through the merger links), a province's; beside it the same figures by a plain
#     GROUP BY in psql (per province over the accepted reports' figures, and over the records)
#     (target <= 200 ms p95 warm);
#  3. the dashboard of the 2026 17/10 campaign of the province holding the most data
#     (/campaigns/{id}/dashboard), beside the same figures by GROUP BY over its ledger entries and
#     villages in psql (target <= 100 ms p95);
#  4. memory: every start and run at -Xmx512m; the logs are searched for OutOfMemoryError.
# Takes the benchmark lock (flock /tmp/ct-bench.lock) for the whole run, so other benchmarks on the
# machine wait. Raw results: bench/results/<stamp>-country-bench/ (results.jsonl, summary.md, logs).
#
# Knobs: COUNTRY_DIR (required) HTTP_PORT=4412 DB_PORT=5412 JAR=... (else built into
#        /tmp/ct-country-build) SKIP_BUILD=1 RESTARTS=3 (0: no restart measurements)
#        N=100 N2=50 N3=30 N4=20 (requests of the main, secondary, after-a-change and slowest measurements) NO_LOCK=1
#        JAVA_ARGS="" (extra app arguments, e.g. --spring.flyway.ignore-migration-patterns=*:missing for an older jar)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
: "${COUNTRY_DIR:?set COUNTRY_DIR to a directory made by bench/country.sh}"
[ -f "$COUNTRY_DIR/country.env" ] || { echo "no finished country in $COUNTRY_DIR (run bench/country.sh)" >&2; exit 1; }
# shellcheck disable=SC1091
. "$COUNTRY_DIR/country.env"
HTTP_PORT=${HTTP_PORT:-4412}
DB_PORT=${DB_PORT:-5412}
RESTARTS=${RESTARTS:-3}
N=${N:-100}
N2=${N2:-50}
N3=${N3:-30}
N4=${N4:-20}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/$STAMP-country-bench
mkdir -p "$OUT"
RESULTS=$OUT/results.jsonl
SAY_AS=country-bench
# shellcheck source=country/lib.sh
. "$ROOT/bench/country/lib.sh"

ensure_tools
if [ "${NO_LOCK:-}" != 1 ]; then
    exec 9>/tmp/ct-bench.lock
    say "waiting for the benchmark lock /tmp/ct-bench.lock"
    flock 9
fi
ports_free "$HTTP_PORT" "$DB_PORT"
trap 'rc=$?; trap - EXIT INT TERM; stop_app; exit $rc' EXIT INT TERM
ensure_jar
git -C "$ROOT" rev-parse --short HEAD >"$OUT/commit.txt" 2>/dev/null || true
APP_DIR=/tmp/ct-country-app-$(sha1sum "$JAR" | cut -c1-8)
export APP_DIR
note() { python3 -c "import json,sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2])), ensure_ascii=False))" "$@" >>"$RESULTS"; }
note what machine cores "$(nproc)" cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    memory "$(free -h | awk '/Mem:/ {print $2}')" java "$(java -version 2>&1 | head -1)" date "$STAMP" \
    country "SCALE=$SCALE SEED=$SEED PROVINCES=${PROVINCES:-all}" commit "$(cat "$OUT/commit.txt")"

# ---------------------------------------------------------------- 1. restart
if [ "$RESTARTS" -gt 0 ]; then
say "restart: training the CDS archive once (not measured)"
start_app "$OUT/app-cds-training.log" bin
stop_app
for i in $(seq 1 "$RESTARTS"); do
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    start_app "$OUT/app-restart-$i.log" bin
    say "restart $i (bin/chungtay): healthy after $STARTED_IN s (load $load)"
    note what restart how bin/chungtay seconds "$STARTED_IN" load "$load" \
        started "$(grep -o 'Started ChungTayApplication in [0-9.]* seconds' "$OUT/app-restart-$i.log" | head -1)"
    stop_app
done
load=$(cut -d' ' -f1-3 /proc/loadavg)
start_app "$OUT/app-restart-jar.log" jar
say "restart (java -jar): healthy after $STARTED_IN s (load $load)"
note what restart how "java -jar" seconds "$STARTED_IN" load "$load"
stop_app
fi

# ---------------------------------------------------------------- the app for the HTTP measurements
start_app "$OUT/app-bench.log" bin
P2025=$(PSQL -At -c "select p.id from report_period p join report_template t on t.id = p.template_id where t.programme_code = 'DA588' and p.code = '2025'")
P2024=$(PSQL -At -c "select p.id from report_period p join report_template t on t.id = p.template_id where t.programme_code = 'DA588' and p.code = '2024'")
BIG=${BIGGEST_PROVINCE:-$(PSQL -At -c "select province_code from need group by 1 order by count(*) desc limit 1")}
CAMPAIGN=$(PSQL -At -c "select id from campaign where unit_code = '$BIG' and template_code = 'NGAY_VI_NGUOI_NGHEO' and template_year = 2026")
ENTRIES=$(PSQL -At -c "select entry_count from ledger_chain where campaign_id = $CAMPAIGN")
note what setup period2025 "$P2025" period2024 "$P2024" province "$BIG" campaign "$CAMPAIGN" campaign_entries "$ENTRIES"
# re-saving one accepted report unchanged: the period's stamp changes, its content does not
touch25="update report set comment = comment where id = (select id from report where period_id = $P2025 and status = 'ACCEPTED' order by random() limit 1)"
touch24="update report set comment = comment where id = (select id from report where period_id = $P2024 and status = 'ACCEPTED' order by random() limit 1)"
M() { python3 "$ROOT/bench/country/measure.py" "$@" --out "$RESULTS"; }
H() { M http --port "$HTTP_PORT" --db-port "$DB_PORT" "$@"; }

# ---------------------------------------------------------------- 2. the consolidated national report
say "consolidated national report"
API="/api/v1/reports/consolidated?programme=DA588"
# first: the day's first request across the reform, before anything is kept (one sample per start)
H --name "API national 2024-25, first request after the start (merger links resolved)" --path "$API&period=2024" --n 1 --warmup 0
H --name "API national 2025-26, warm" --path "$API&period=2025" --n "$N" --warmup 5
H --name "API national 2025-26, right after a report changed" --path "$API&period=2025" --n "$N3" --warmup 2 --before-sql "$touch25"
H --name "page /reports/consolidated national 2025-26, warm" --path "/reports/consolidated?programme=DA588&period=2025" --n "$N2" --warmup 3
H --name "API province $BIG 2025-26, warm" --path "$API&period=2025&unit=$BIG" --n "$N2" --warmup 3
H --name "API national 2024-25 (old communes, across the reform), warm" --path "$API&period=2024" --n "$N2" --warmup 2
H --name "API national 2024-25, right after a report changed" --path "$API&period=2024" --n "$N4" --warmup 1 --before-sql "$touch24"
M sql --db-port "$DB_PORT" --name "baseline: GROUP BY province, indicator over the accepted reports' figures + completeness per province (2025-26, psql)" --n 30 --warmup 3 --sql "
select r.receiver_code, f.indicator_code, sum(coalesce(f.adjusted, f.computed)) from report r
  join report_figure f on f.report_id = r.id where r.period_id = $P2025 and r.status = 'ACCEPTED' group by 1, 2;
select r.receiver_code, count(*), count(*) filter (where r.status = 'ACCEPTED'),
       count(*) filter (where (r.first_submitted_at at time zone 'Asia/Ho_Chi_Minh')::date <= date '2026-07-10')
  from report r where r.period_id = $P2025 group by 1"
M sql --db-port "$DB_PORT" --name "baseline: GROUP BY province over the records of 2025-26 (needs published, deliveries, outreach; psql)" --n 10 --warmup 1 --sql "
select province_code, count(*) from need where published_at >= timestamptz '2025-07-01 00:00+07' and published_at < timestamptz '2026-07-01 00:00+07' group by 1;
select province_code, count(*), sum(value_dong), sum(children_count) from delivery where delivered_on between date '2025-07-01' and date '2026-06-30' group by 1;
select province_code, count(*), sum(people_reached), sum(households_reached) from outreach_activity where deleted_at is null and activity_date between date '2025-07-01' and date '2026-06-30' group by 1"

# ---------------------------------------------------------------- 3. the province dashboard
say "dashboard of campaign $CAMPAIGN (province $BIG, $ENTRIES entries)"
H --name "page /campaigns/$CAMPAIGN/dashboard (province $BIG, 2026), warm" --path "/campaigns/$CAMPAIGN/dashboard" --n "$N" --warmup 5
NET="select coalesce(o.kind, e.kind) as kind, e.commune_code, e.village_code, e.category_code,
        case when e.kind = 'REVERSAL' then -e.amount_dong else e.amount_dong end as amount,
        case when e.kind = 'REVERSAL' then -e.children_count else e.children_count end as children
     from ledger_entry e left join ledger_entry o on o.id = e.reverses_id where e.campaign_id = $CAMPAIGN"
M sql --db-port "$DB_PORT" --name "baseline: the dashboard's figures by GROUP BY over the campaign's entries and the province's villages (psql)" --n 20 --warmup 2 --sql "
select kind, sum(amount) from ($NET) n group by kind;
select commune_code, sum(amount) filter (where kind = 'ALLOCATION'), sum(amount) filter (where kind = 'DELIVERY'), sum(children) filter (where kind = 'DELIVERY') from ($NET) n where commune_code is not null and kind in ('ALLOCATION', 'DELIVERY') group by 1;
select category_code, sum(amount) filter (where kind = 'ALLOCATION'), sum(amount) filter (where kind = 'DELIVERY'), sum(children) filter (where kind = 'DELIVERY') from ($NET) n where category_code is not null and kind in ('ALLOCATION', 'DELIVERY') group by 1;
select count(*) from (select v.code from org_unit v join org_unit c on c.code = v.parent_code and c.parent_code = '$BIG' and c.valid_to is null
  left join org_unit_classification k on k.unit_id = v.id and k.kind = 'ESPECIALLY_DIFFICULT'
  where v.valid_to is null and v.code not in (select village_code from ($NET) n where kind = 'DELIVERY' and village_code is not null group by 1 having sum(amount) > 0)) x"

# ---------------------------------------------------------------- 4. memory
stop_app
if grep -l OutOfMemoryError "$OUT"/app-*.log >/dev/null 2>&1; then
    note what memory oom "yes" logs "$(grep -l OutOfMemoryError "$OUT"/app-*.log | xargs -n1 basename | tr '\n' ' ')"
    say "OutOfMemoryError found in the logs!"
else
    note what memory oom "none" logs "$(ls "$OUT"/app-*.log | wc -l) app logs, every start -Xmx512m"
fi

python3 - "$RESULTS" "$OUT/summary.md" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
lines = []
m = next(r for r in rows if r.get("what") == "machine")
lines.append(f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory']} RAM, {m['java']}; run {m['date']}, commit {m['commit']}; country {m['country']}.")
s = next(r for r in rows if r.get("what") == "setup")
lines.append(f"Campaign {s['campaign']} (province {s['province']}, {s['campaign_entries']} entries).")
lines.append("")
restarts = [r for r in rows if r.get("what") == "restart"]
lines.append("| restart to healthy | s | load |")
lines.append("| --- | --- | --- |")
for r in restarts:
    lines.append(f"| {r['how']} | {r['seconds']} | {r['load']} |")
lines.append("")
lines.append("| measurement | n | p50 ms | p95 ms | p99 ms | min | max | load |")
lines.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
for r in rows:
    if "p50" in r:
        lines.append(f"| {r['name']} | {r['n']} | {r['p50']} | {r['p95']} | {r['p99']} | {r['min']} | {r['max']} | {r['load']} |")
mem = next((r for r in rows if r.get("what") == "memory"), {})
lines.append("")
lines.append(f"OutOfMemoryError in the logs: {mem.get('oom')} ({mem.get('logs')}).")
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
say "raw results in ${OUT#"$ROOT"/}/"
