#!/usr/bin/env bash
# The synthetic country (issue 7 §1): bench/country.sh
#
# Fills a fresh database, on top of the real administrative units the app loads at its first start,
# with a whole country at SCALE (1.0 = the issue's numbers: ~66,000 villages, 1.5 million children
# with consents, 500,000 needs, 300,000 donors, 5 million ledger entries over the 17 October
# campaigns of 2025 and 2026 with valid hash chains, 200,000 outreach activities, the annual reports
# of every commune for two years) — deterministic for a SEED: hashes of the seed, never random().
#
#  1. starts the jar (-Xmx512m, demo data on: users, programme, periods, the demo communes) on
#     COUNTRY_DIR/pg, waits until healthy;
#  2. runs bench/country/0*.sql with psql (timed per step) and the consistency checks 09-checks.sql;
#  3. restarts the app, has it check every hash chain (its daily check: recomputes each entry's hash,
#     publishes the heads) and runs its CSV verifier on the largest campaign's public CSV;
#  4. prints the rows per table and the time taken (also COUNTRY_DIR/summary.md), stops the app.
#
# COUNTRY_DIR (default /tmp/ct-country-<SCALE>[-<PROVINCES>]) keeps the database for the benchmarks:
# COUNTRY_DIR=... bench/country-bench.sh. A directory that already holds a finished country is reused
# as it is (delete it to generate again).
#
# Knobs: SCALE=1.0 SEED=chungtay-7 PROVINCES="" (comma list of today's province codes; empty: all 34)
#        COUNTRY_DIR=... HTTP_PORT=4410 DB_PORT=5410 JAR=... (else built into /tmp/ct-country-build)
#        SKIP_BUILD=1 KEEP_GEN=1 (keep the generator's working schema "gen") JAVA_OPTS=""
# Full scale takes about 35 minutes on 2 cores (2,006 s of generation in the last clean run) and 11 GB
# of disk (keep ~25 GB free for the WAL and sorts while it runs); SCALE=0.01 about two minutes.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SCALE=${SCALE:-1.0}
SEED=${SEED:-chungtay-7}
PROVINCES=${PROVINCES:-}
HTTP_PORT=${HTTP_PORT:-4410}
DB_PORT=${DB_PORT:-5410}
SUFFIX=${PROVINCES:+-${PROVINCES//,/_}}
COUNTRY_DIR=${COUNTRY_DIR:-/tmp/ct-country-$SCALE$SUFFIX}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/$STAMP-country
mkdir -p "$OUT"
SAY_AS=country
# shellcheck source=country/lib.sh
. "$ROOT/bench/country/lib.sh"

if [ -f "$COUNTRY_DIR/country.env" ]; then
    say "$COUNTRY_DIR already holds a country ($(grep -E '^(SCALE|SEED|PROVINCES)=' "$COUNTRY_DIR/country.env" | tr '\n' ' '));"
    say "reuse it with COUNTRY_DIR=$COUNTRY_DIR, or delete it to generate again"
    exit 0
fi
if [ -e "$COUNTRY_DIR/pg" ]; then
    say "$COUNTRY_DIR/pg exists but holds no finished country (an interrupted run?); delete $COUNTRY_DIR first"
    exit 1
fi
ensure_tools
ports_free "$HTTP_PORT" "$DB_PORT"
mkdir -p "$COUNTRY_DIR"
trap 'rc=$?; trap - EXIT INT TERM; stop_app; exit $rc' EXIT INT TERM
ensure_jar
git -C "$ROOT" rev-parse --short HEAD >"$OUT/commit.txt" 2>/dev/null || true

say "first start on $COUNTRY_DIR/pg (units, reference data, demo data)"
start_app "$OUT/app-first.log"
FIRST=$STARTED_IN
say "healthy after $FIRST s"
T0=$(date +%s.%N)

PSQL -c "drop schema if exists gen cascade" -c "create schema gen" -c "
    create table gen.params as
    select '$SEED'::text as seed, $SCALE::numeric as scale,
           nullif(string_to_array('$PROVINCES', ','), '{}')::text[] as provinces, date '2026-11-25' as asof"
: >"$OUT/steps.tsv"
for step in 00-setup 01-villages 02-people 03-needs 04-ledger 05-outreach 06-reports 09-checks; do
    say "step $step"
    s=$(date +%s.%N)
    PSQL -f "$ROOT/bench/country/$step.sql" >>"$OUT/generate.log" 2>&1 || { say "step $step failed; see $OUT/generate.log"; tail -5 "$OUT/generate.log" >&2; exit 1; }
    e=$(date +%s.%N)
    printf '%s\t%s\n' "$step" "$(python3 -c "print(round($e - $s, 1))")" | tee -a "$OUT/steps.tsv" >&2
done
BIGGEST_PROVINCE=$(PSQL -At -c "select code from gen.province order by rank limit 1")
if [ "${KEEP_GEN:-}" != 1 ]; then PSQL -c "drop schema gen cascade" 2>/dev/null; fi
say "vacuum analyze"
s=$(date +%s.%N)
PSQL -c "vacuum analyze"
printf 'vacuum\t%s\n' "$(python3 -c "print(round($(date +%s.%N) - $s, 1))")" | tee -a "$OUT/steps.tsv" >&2
T1=$(date +%s.%N)

# ---------------------------------------------------------------- the app checks what was generated
stop_app
say "restart on the national database"
start_app "$OUT/app-second.log"
SECOND=$STARTED_IN
say "healthy after $SECOND s; the app's own check of every hash chain"
COOKIES=$OUT/cookies.txt
login "$COOKIES" admin
CSRF=$(csrf_of "$COOKIES" /admin/ledger/alerts)
s=$(date +%s.%N)
curl -fs -b "$COOKIES" -o /dev/null -X POST "http://127.0.0.1:$HTTP_PORT/admin/ledger/alerts/check" --data-urlencode "_csrf=$CSRF"
CHECK_S=$(python3 -c "print(round($(date +%s.%N) - $s, 1))")
read -r CHAINS HEADS ALERTS < <(PSQL -At -F ' ' -c "select (select count(*) from ledger_chain where entry_count > 0),
    (select count(*) from ledger_head where head_date = (now() at time zone 'Asia/Ho_Chi_Minh')::date),
    (select count(*) from ledger_alert)")
say "chains $CHAINS, heads published today $HEADS, alerts $ALERTS ($CHECK_S s)"
[ "$ALERTS" = 0 ] && [ "$HEADS" = "$CHAINS" ] || { say "the app found broken chains; see /admin/ledger/alerts"; exit 1; }
BIG=$(PSQL -At -c "select campaign_id from ledger_chain order by entry_count desc limit 1")
curl -fs "http://127.0.0.1:$HTTP_PORT/public/ledger.csv?campaign=$BIG" -o "$OUT/ledger-$BIG.csv"
HEAD=$(curl -fs "http://127.0.0.1:$HTTP_PORT/public/ledger/head?campaign=$BIG" | python3 -c "import json,sys; print(json.load(sys.stdin)['headHash'])")
VERIFIED=$(java -jar "$JAR" verify-ledger "$OUT/ledger-$BIG.csv" "$HEAD" 2>&1 | tail -1)
say "verifier: $VERIFIED"
case "$VERIFIED" in OK:*) ;; *) exit 1 ;; esac
rm -f "$OUT/ledger-$BIG.csv"
grep -l OutOfMemoryError "$OUT"/app-*.log && { say "OutOfMemoryError in the logs"; exit 1; }

# ---------------------------------------------------------------- counts and summary
PSQL -At -F ' | ' -c "
select t, n from (values
  ('villages (org_unit below communes)', (select count(*) from org_unit where code like '%-%' and valid_to is null)),
  ('  of them đặc biệt khó khăn', (select count(distinct unit_id) from org_unit_classification where kind = 'ESPECIALLY_DIFFICULT' and value = 'true')),
  ('children', (select count(*) from child)),
  ('  active with consents', (select count(*) from child where status = 'ACTIVE')),
  ('donors', (select count(*) from donor)),
  ('needs', (select count(*) from need)),
  ('need plans', (select count(*) from need_plan)),
  ('campaigns with entries', (select count(*) from ledger_chain where entry_count > 0)),
  ('ledger entries', (select count(*) from ledger_entry)),
  ('ledger lots', (select count(*) from ledger_lot)),
  ('ledger traces', (select count(*) from ledger_trace)),
  ('gifts (donation)', (select count(*) from donation)),
  ('deliveries', (select count(*) from delivery)),
  ('outreach activities', (select count(*) from outreach_activity)),
  ('reports', (select count(*) from report)),
  ('  accepted', (select count(*) from report where status = 'ACCEPTED')),
  ('report figures', (select count(*) from report_figure)),
  ('database size (MB)', (select pg_database_size('chungtay') / 1048576))
) v(t, n)" >"$OUT/counts.txt"
TOTAL=$(python3 -c "print(round($T1 - $T0))")
{
    echo "SCALE=$SCALE"
    echo "SEED=$SEED"
    echo "PROVINCES=$PROVINCES"
    echo "BIGGEST_PROVINCE=$BIGGEST_PROVINCE"
    echo "GENERATED=$STAMP"
    echo "COMMIT=$(cat "$OUT/commit.txt" 2>/dev/null)"
} >"$COUNTRY_DIR/country.env.tmp"
{
    echo "# Synthetic country: SCALE=$SCALE SEED=$SEED PROVINCES=${PROVINCES:-all} ($STAMP, commit $(cat "$OUT/commit.txt" 2>/dev/null))"
    echo
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Generated in $TOTAL s (first start $FIRST s not included). Steps (s):"
    echo
    echo '| step | s |'
    echo '| --- | --- |'
    sed 's/\t/ | /; s/^/| /; s/$/ |/' "$OUT/steps.tsv"
    echo
    echo '| table | rows |'
    echo '| --- | --- |'
    sed 's/^/| /; s/$/ |/' "$OUT/counts.txt"
    echo
    echo "The app restarted on it healthy in $SECOND s (plain java -jar, -Xmx512m); its check of all $CHAINS chains took $CHECK_S s, no alert; its CSV verifier on campaign $BIG: $VERIFIED"
} | tee "$OUT/summary.md"
cp "$OUT/summary.md" "$COUNTRY_DIR/summary.md"
mv "$COUNTRY_DIR/country.env.tmp" "$COUNTRY_DIR/country.env"
say "done: COUNTRY_DIR=$COUNTRY_DIR (results in ${OUT#"$ROOT"/})"
