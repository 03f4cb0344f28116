#!/usr/bin/env bash
# Benchmark (issue 7): importing 100,000 children from one XLSX (target <= 30 s, at -Xmx512m),
# beside a PostgreSQL COPY of the same rows.
#
#  1. builds the jar once into /tmp/ct-bench-children100k (never target/), unless SKIP_BUILD=1;
#  2. starts it on port 4101 with its embedded database on 5101 under a temp dir (demo data on),
#     with -Xmx512m and a GC log (the heap's peak is read from it);
#  3. runs bench/children_import_100k.py: a 50-row warm-up, then $RUNS runs, each a fresh
#     deterministic workbook of $ROWS children (seed 100000 + run; realistic Vietnamese names; the
#     villages of every commune of province 68 that has villages; consents) uploaded as the province
#     officer through POST /children/import, then COPYed by psql into `like child including all`;
#  4. prints a markdown summary (p50 of the runs, the COPY, the ratio, the heap's peak) and keeps
#     the raw results in bench/results/<stamp>-children100k/.
#
# Knobs: ROWS=100000 RUNS=3 SKIP_BUILD=1 HTTP_PORT=4101 DB_PORT=5101 JAVA_OPTS="-Xmx512m"
# COUNTRY_DIR=<a dir from bench/country.sh> (or DATA_DIR=<a data dir>) imports into that database's
# registry (1.5 million children at SCALE=1.0; Lâm Đồng's generated villages) instead of a fresh one;
# each run adds its children to it.
# Runs under `flock /tmp/ct-bench.lock` (one benchmark at a time on the machine). Everything it
# starts is stopped on exit (by pid) and the temp dir is removed. No child data is printed.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
say() { printf '[children-100k %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
. bench/lib.sh
ct_take_lock "$@"
ROWS=${ROWS:-100000}
RUNS=${RUNS:-3}
HTTP_PORT=${HTTP_PORT:-4101}
DB_PORT=${DB_PORT:-5101}
BUILD_DIR=${BUILD_DIR:-/tmp/ct-bench-children100k}
JAR=$BUILD_DIR/chungtay.jar
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/$STAMP-children100k${COUNTRY_DIR:+-country}
ct_require_tools java python3 curl psql
ct_require_free_ports "$HTTP_PORT" "$DB_PORT"

WORK=$(mktemp -d /tmp/ct-bench-children100k-run.XXXXXX)
mkdir -p "$WORK/tmp" "$OUT"
APP_PID=""
cleanup() {
    ct_stop "$APP_PID"
    [ -f "$WORK/gc.log" ] && cp "$WORK/gc.log" "$OUT/" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

# ---------------------------------------------------------------- build
ct_build_jar "$BUILD_DIR" "$WORK/build.log"

# ---------------------------------------------------------------- start
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
PG_DIR=$(ct_data_dir "$WORK/pg")
say "starting the app on $HTTP_PORT (database on $DB_PORT, data $PG_DIR), JVM options: $JAVA_OPTS"
# shellcheck disable=SC2086
java -Djava.io.tmpdir="$WORK/tmp" -Dot.epg.working-dir=/tmp/embedded-pg $JAVA_OPTS -Xlog:gc:file="$WORK/gc.log" \
    -jar "$JAR" --server.port=$HTTP_PORT --chungtay.embedded-db.port=$DB_PORT \
    --chungtay.embedded-db.data-dir="$PG_DIR" --chungtay.demo-data=true \
    >"$WORK/app.log" 2>&1 &
APP_PID=$!
ct_wait_healthy "$HTTP_PORT" "$APP_PID" "$WORK/app.log"
say "healthy"

# ---------------------------------------------------------------- the runs
python3 bench/children_import_100k.py --http-port "$HTTP_PORT" --db-port "$DB_PORT" --rows "$ROWS" \
    --runs "$RUNS" --work "$WORK" --out "$OUT" | tee "$OUT/summary.md" || say "the driver failed (see above)"

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
if grep -q "OutOfMemoryError" "$WORK/app.log"; then
    say "the app ran out of memory"
    echo "| OutOfMemoryError | yes (see app log) |" | tee -a "$OUT/summary.md"
fi
# the heap's peak: the largest "before" of the GC pauses (e.g. "Pause Young ... 301M->88M(512M)")
PEAK=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$WORK/gc.log" | sed 's/M->.*//' | sort -n | tail -1)
echo "| JVM options / heap peak (GC log) / load average before, after | \`$JAVA_OPTS\` / ${PEAK:-?} MB / $LOAD_BEFORE, $LOAD_AFTER |" |
    tee -a "$OUT/summary.md"
grep -E "children imported by|WARN|ERROR" "$WORK/app.log" | grep -v "^\s*at " | tail -20 >"$OUT/app-log-tail.txt" || true
grep -h "children imported by" "$WORK/app.log" | sed 's/.*ChildManagement *: //' | while read -r line; do say "server: $line"; done
say "raw results in $OUT"
