#!/usr/bin/env bash
# The national consolidated report (issue 6): 34 provinces and 3,321 communes, target <= 1 s.
#
#   bench/consolidated-report.sh
#
# Builds the jar once into /tmp/ct-bench-rep (never target/), starts it on port 18082 with a
# throwaway embedded database on 55441 under a temp dir, creates a programme whose template has
# INDICATORS indicators (3 provided by needs, the others without provider) and one period through
# the API, writes an ACCEPTED report with every figure for each of today's communes straight into
# the database (SQL, seconds), then times GET /api/v1/reports/consolidated for the whole country and
# for one province (session cookie, REQUESTS runs after WARMUP), the consolidated page, and the plain
# GROUP BY over the same figures in psql. Checks that the API's totals equal the GROUP BY's. Raw
# results in bench/results/<timestamp>-consolidated/ (git-ignored); a markdown summary on stdout.
# Stops everything it started (the app and its postmaster) and removes the temp dir.
#
# Knobs: REQUESTS=20 WARMUP=3 INDICATORS=20 SKIP_BUILD=1 (reuse the jar) JAVA_OPTS=""
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=/tmp/ct-bench-rep
JAR=$BUILD_DIR/chungtay.jar
HTTP_PORT=18082
DB_PORT=55441
REQUESTS=${REQUESTS:-20}
WARMUP=${WARMUP:-3}
INDICATORS=${INDICATORS:-20}
JAVA_OPTS=${JAVA_OPTS:-}
BASE=http://127.0.0.1:$HTTP_PORT

say() { printf '[consolidated-report %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
for tool in java python3 curl psql; do
    command -v "$tool" >/dev/null 2>&1 || { say "missing $tool"; exit 1; }
done
for port in $HTTP_PORT $DB_PORT; do
    if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then say "port $port is in use"; exit 1; fi
done

WORK=$(mktemp -d /tmp/ct-bench-rep-run.XXXXXX)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/$STAMP-consolidated
mkdir -p "$OUT" "$WORK/tmp"
APP_PID=""

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
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

# ------------------------------------------------------------------ build
if [ "${SKIP_BUILD:-}" = 1 ] && [ -f "$JAR" ]; then
    say "reusing $JAR"
else
    say "building $JAR"
    ./mvnw -q -B -DskipTests -Dmaven.test.skip=true -Dspotless.check.skip=true -Dchungtay.build.dir=$BUILD_DIR package \
        >"$OUT/build.log" 2>&1 || { say "build failed, see $OUT/build.log"; exit 1; }
fi
git rev-parse --short HEAD >"$OUT/commit.txt" 2>/dev/null || true

# ------------------------------------------------------------------ start
say "starting the app on $HTTP_PORT (database $DB_PORT)"
# shellcheck disable=SC2086
java -Djava.io.tmpdir="$WORK/tmp" -Dot.epg.working-dir=/tmp/embedded-pg $JAVA_OPTS -jar "$JAR" \
    --server.port=$HTTP_PORT --chungtay.embedded-db.port=$DB_PORT --chungtay.embedded-db.data-dir="$WORK/pg" \
    --chungtay.demo-data=true --logging.level.root=WARN >"$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 300); do
    curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q UP && break
    kill -0 "$APP_PID" 2>/dev/null || { say "the app stopped, see $OUT/app.log"; exit 1; }
    sleep 1
done
curl -fs "$BASE/actuator/health" | grep -q UP || { say "the app did not become healthy"; exit 1; }

PSQL=(psql -X -q -At -h 127.0.0.1 -p "$DB_PORT" -U postgres -d chungtay -v ON_ERROR_STOP=1)

# ------------------------------------------------------------------ data: a programme, a period, 3,321 accepted reports
PROGRAMME="BENCH$STAMP"
PROGRAMME=${PROGRAMME//[^A-Za-z0-9]/}
CODES=$(python3 -c "
n = $INDICATORS
codes = ['need.published', 'need.funded', 'need.delivered'] + ['bench.indicator%02d' % i for i in range(4, n + 1)]
print(','.join('\"%s\"' % c for c in codes[:n]))")
say "creating programme $PROGRAMME with $INDICATORS indicators and period B2026"
curl -fs -u admin:demo12345 -X PUT -H 'Content-Type: application/json' "$BASE/api/v1/reporting/templates/$PROGRAMME" \
    -d "{\"title\": \"Kết quả đo hiệu năng\", \"indicators\": [$CODES]}" >"$OUT/template.json"
curl -fs -u admin:demo12345 -H 'Content-Type: application/json' "$BASE/api/v1/reporting/periods" \
    -d "{\"programmeCode\": \"$PROGRAMME\", \"code\": \"B2026\", \"name\": \"năm 2025–2026 (đo hiệu năng)\", \"startsOn\": \"2025-07-01\", \"endsOn\": \"2026-06-30\"}" \
    >"$OUT/period.json"
PERIOD_ID=$(python3 -c "import json; print(json.load(open('$OUT/period.json'))['id'])")

say "writing an accepted report with $INDICATORS figures for every commune of today"
START_SQL=$(date +%s.%N)
"${PSQL[@]}" <<SQL >"$OUT/generate.log"
insert into report (period_id, unit_code, unit_name, level, receiver_code, receiver_name, status, first_submitted_at,
                    submitted_at, submitted_by, created_by)
select $PERIOD_ID, u.code, u.full_name, 'COMMUNE', p.code, p.full_name, 'SUBMITTED',
       timestamptz '2026-07-01 08:00+07' + (abs(hashtext(u.code)) % 14) * interval '1 day',
       timestamptz '2026-07-01 08:00+07' + (abs(hashtext(u.code)) % 14) * interval '1 day', 'bench', 'bench'
from org_unit u join org_unit p on p.code = u.parent_code and p.valid_to is null
where u.valid_to is null and u.unit_type in ('Xã', 'Phường', 'Đặc khu', 'Thị trấn');
insert into report_figure (report_id, indicator_code, label_key, unit, group_key, sort_order, summable, provided, computed)
select r.id, c.code, 'reporting.indicator.noProvider', 'COUNT', 'reporting.group.other', c.n, true, true,
       abs(hashtext(r.unit_code || c.code)) % 1000
from report r cross join unnest(array[$(echo "$CODES" | tr '"' "'")]) with ordinality as c(code, n)
where r.period_id = $PERIOD_ID;
update report set status = 'ACCEPTED', decided_at = submitted_at + interval '1 day', decided_by = 'bench'
where period_id = $PERIOD_ID;
analyze report;
analyze report_figure;
select count(*) from report where period_id = $PERIOD_ID and status = 'ACCEPTED';
select count(*) from report_figure f join report r on r.id = f.report_id where r.period_id = $PERIOD_ID;
SQL
END_SQL=$(date +%s.%N)
REPORTS=$(sed -n 1p "$OUT/generate.log")
FIGURES=$(sed -n 2p "$OUT/generate.log")
say "$REPORTS reports, $FIGURES figures written in $(python3 -c "print(round($END_SQL - $START_SQL, 1))") s"

# ------------------------------------------------------------------ sign in (session cookie: HTTP Basic would add bcrypt to every request)
JAR_COOKIES=$WORK/cookies.txt
CSRF=$(curl -fs -c "$JAR_COOKIES" "$BASE/login" | python3 -c "
import re, sys
html = sys.stdin.read()
m = re.search(r'name=\"_csrf\"\s+value=\"([^\"]+)\"', html) or re.search(r'value=\"([^\"]+)\"\s+name=\"_csrf\"', html)
print(m.group(1) if m else '')")
curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null -X POST "$BASE/login" \
    --data-urlencode username=admin --data-urlencode password=demo12345 --data-urlencode "_csrf=$CSRF"

# ------------------------------------------------------------------ timings
measure() {   # $1 name, $2 path, $3 output file
    local i line
    : >"$3"
    for i in $(seq 1 $((WARMUP + REQUESTS))); do
        line=$(curl -s -b "$JAR_COOKIES" -o "$WORK/body" -w '%{http_code} %{time_total}' "$BASE$2")
        [ "${line%% *}" = 200 ] || { say "$1: HTTP ${line%% *}"; cat "$WORK/body" >&2; exit 1; }
        [ "$i" -gt "$WARMUP" ] && echo "${line#* }" >>"$3"
    done
    cp "$WORK/body" "$3.body"
}
say "timing the national consolidated report ($REQUESTS runs after $WARMUP)"
measure national "/api/v1/reports/consolidated?period=B2026&programme=$PROGRAMME" "$OUT/national.times"
measure province "/api/v1/reports/consolidated?unit=68&period=B2026&programme=$PROGRAMME" "$OUT/province.times"
measure page "/reports/consolidated?period=B2026&programme=$PROGRAMME" "$OUT/page.times"

GROUP_BY="select f.indicator_code, sum(coalesce(f.adjusted, f.computed)) from report_figure f join report r on r.id = f.report_id where r.period_id = $PERIOD_ID and r.status = 'ACCEPTED' group by f.indicator_code order by 1"
"${PSQL[@]}" -F ' ' -c "$GROUP_BY" >"$OUT/group-by.txt"
"${PSQL[@]}" -c "explain (analyze, buffers) $GROUP_BY" >"$OUT/group-by-plan.txt"
: >"$OUT/sql.times"
for _ in $(seq 1 $((WARMUP + REQUESTS))); do
    "${PSQL[@]}" -c "\\timing on" -c "$GROUP_BY" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' >>"$OUT/sql.raw"
done
tail -n "$REQUESTS" "$OUT/sql.raw" | awk '{ printf "%.6f\n", $1 / 1000 }' >"$OUT/sql.times"

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$OUT" "$REPORTS" "$FIGURES" "$INDICATORS" "$LOAD" <<'PY'
import json, statistics, sys
out, reports, figures, indicators, load = sys.argv[1:6]
def times(name):
    values = sorted(float(x) * 1000 for x in open(f"{out}/{name}.times").read().split())
    def pct(p):
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
    return {"n": len(values), "p50": statistics.median(values), "p95": pct(95), "max": values[-1]}
api = json.load(open(f"{out}/national.times.body"))
sql = {line.split()[0]: int(line.split()[1]) for line in open(f"{out}/group-by.txt") if line.strip()}
equal = all(api["totals"].get(code) == value for code, value in sql.items()) and len(sql) == int(indicators)
results = {
    "reports": int(reports), "figures": int(figures), "indicators": int(indicators),
    "provinces": len(api["rows"]), "expected": api["completeness"]["expected"],
    "accepted": api["completeness"]["accepted"], "totals_equal_group_by": equal, "load_average": load,
    "national_api_ms": times("national"), "province_68_api_ms": times("province"),
    "consolidated_page_ms": times("page"), "group_by_sql_ms": times("sql"),
}
json.dump(results, open(f"{out}/results.json", "w"), indent=2)
n = results["national_api_ms"]
lines = [
    f"National consolidated report: {results['provinces']} provinces, {results['expected']} communes expected, "
    f"{results['accepted']} accepted reports × {indicators} indicators ({figures} figures); load average {load}.",
    "",
    "| measurement | n | p50 ms | p95 ms | max ms |",
    "| --- | --- | --- | --- | --- |",
]
for key, label in [("national_api_ms", "GET /api/v1/reports/consolidated (whole country)"),
                   ("province_68_api_ms", "GET /api/v1/reports/consolidated?unit=68"),
                   ("consolidated_page_ms", "page /reports/consolidated (whole country)"),
                   ("group_by_sql_ms", "plain GROUP BY in psql (baseline)")]:
    t = results[key]
    lines.append(f"| {label} | {t['n']} | {t['p50']:.1f} | {t['p95']:.1f} | {t['max']:.1f} |")
lines += ["", f"Totals of the API equal the GROUP BY: {'yes' if equal else 'NO'}. "
          f"Target ≤ 1 s: {'met' if n['p95'] <= 1000 else 'NOT met'} (p95 {n['p95']:.0f} ms)."]
open(f"{out}/summary.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
say "raw results in ${OUT#$ROOT/}/"
