#!/usr/bin/env bash
# Benchmark (issue 4): import and reconcile a 250,000-line bank statement, beside a PostgreSQL COPY
# of the same rows.
#
#  1. builds the jar once into /tmp/ct-bench-statements (never target/), unless SKIP_BUILD=1;
#  2. starts it on port 4102 with its embedded database on 5102 under a temp dir (demo data on),
#     or on the national database of COUNTRY_DIR;
#  3. opens a campaign for Xã Cư Jút (24640) with its own bank account through the API;
#  4. writes a deterministic layout-B CSV of $LINES lines (seed 250000): comma-grouped quoted amounts,
#     a header repeated every 40 lines (one per PDF page), 10% of the messages over two lines,
#     60% with a bank reference, 2% debits (fees, transfers out), $CODED% carrying the campaign's
#     payment code (gifts posted to the ledger without a click), the rest waiting in the queue;
#  5. uploads it as xa.cujut to POST /api/v1/statements (curl's total time, the server's answer),
#     then uploads it again (every line a duplicate, nothing written);
#  6. exports the stored statement lines and COPYs them with psql into a scratch table made
#     `like statement_line including all` (same types, checks, unique key and indexes): the
#     database's floor for writing the same rows;
#  7. prints a markdown summary and the ratio import / COPY. Target: import <= 20 s on 2 cores.
#
# Knobs: LINES=250000 CODED=5 SKIP_BUILD=1 HTTP_PORT=4102 DB_PORT=5102 JAVA_OPTS="-Xmx512m" (issue 7:
# every benchmark at -Xmx512m). COUNTRY_DIR=<a dir from bench/country.sh> (or DATA_DIR=<a data dir>)
# runs on that database instead of a fresh one: the national ledger, donors and indexes around the
# import; each run adds its campaign, its statement and its gifts to that database. Runs under `flock /tmp/ct-bench.lock` (one benchmark at a time on
# the machine). Raw results (answers, summary, load average, the server's timing lines) go to
# bench/results/<stamp>-statements-<CODED>pct/. Everything it starts is stopped on exit (by pid) and
# the temp dir is removed.
set -euo pipefail

cd "$(dirname "$0")/.."
say() { printf '[statement-import %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
. bench/lib.sh
# one benchmark at a time machine-wide (the lock's re-execution starts the script again from the top)
ct_take_lock "$@"
LINES=${LINES:-250000}
CODED=${CODED:-5}
HTTP_PORT=${HTTP_PORT:-4102}
DB_PORT=${DB_PORT:-5102}
BUILD_DIR=/tmp/ct-bench-statements
JAR=$BUILD_DIR/chungtay.jar
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
USER_PASS=xa.cujut:demo12345
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$PWD/bench/results/$STAMP-statements-${CODED}pct${COUNTRY_DIR:+-country}
ct_require_tools java python3 curl psql
ct_require_free_ports "$HTTP_PORT" "$DB_PORT"

WORK=$(mktemp -d /tmp/ct-bench-statements-run.XXXXXX)
mkdir -p "$WORK/tmp" "$OUT"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
APP_PID=""
cleanup() {
    ct_stop "$APP_PID"
    rm -rf "$WORK"
}
trap cleanup EXIT

# ---------------------------------------------------------------- build
ct_build_jar "$BUILD_DIR" "$WORK/build.log"

# ---------------------------------------------------------------- start
PG_DIR=$(ct_data_dir "$WORK/pg")
say "starting the app on $HTTP_PORT (database on $DB_PORT, data $PG_DIR), JVM options: $JAVA_OPTS"
# shellcheck disable=SC2086
java -Djava.io.tmpdir="$WORK/tmp" -Dot.epg.working-dir=/tmp/embedded-pg $JAVA_OPTS -jar "$JAR" \
    --server.port=$HTTP_PORT --chungtay.embedded-db.port=$DB_PORT \
    --chungtay.embedded-db.data-dir="$PG_DIR" --chungtay.demo-data=true \
    --spring.servlet.multipart.max-file-size=300MB --spring.servlet.multipart.max-request-size=301MB \
    >"$WORK/app.log" 2>&1 &
APP_PID=$!
ct_wait_healthy "$HTTP_PORT" "$APP_PID" "$WORK/app.log"
say "healthy"
PSQL=(psql -X -q -h 127.0.0.1 -p "$DB_PORT" -U postgres -d chungtay -v ON_ERROR_STOP=1)

# ---------------------------------------------------------------- campaign
TODAY=$(date +%F)
ACCOUNT=$(printf '8%012d' $((RANDOM * 32768 + RANDOM)))
CAMPAIGN=$(curl -fs -u "$USER_PASS" -H 'Content-Type: application/json' \
    -d "{\"name\": \"Benchmark sao kê $(date +%s)\", \"unitCode\": \"24640\", \"receivingFrom\": \"2026-01-01\",
         \"receivingTo\": \"$TODAY\", \"targetDong\": 0,
         \"accounts\": [{\"bankBin\": \"970405\", \"bankName\": \"Agribank\", \"accountNumber\": \"$ACCOUNT\",
                         \"accountName\": \"UBMTTQ BENCH\"}]}" \
    "http://127.0.0.1:$HTTP_PORT/api/v1/campaigns" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
say "campaign $CAMPAIGN, account $ACCOUNT"

# ---------------------------------------------------------------- the statement
python3 - "$WORK/statement.csv" "$LINES" "$CODED" "$CAMPAIGN" "$TODAY" <<'PY'
import datetime, random, sys
path, lines, coded, campaign, today = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
rnd = random.Random(250000)
header = "PageId,Date,Time,DocumentNumber,ReferenceNumber,TransactionDetails,DebitAmount,CreditAmount,Balance,OffsetAccount"
first = datetime.date(2026, 9, 1)
last = min(datetime.date.fromisoformat(today), datetime.date(2026, 10, 31))
days = max(1, (last - first).days + 1)
surnames = ["NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "VU", "DANG", "BUI", "DO", "HO", "NGO", "DUONG", "LY"]
middles = ["VAN", "THI", "MINH", "HOANG", "THANH", "NGOC", "DUC", "HUU", "QUANG"]
given = ["AN", "BINH", "CHAU", "DUNG", "GIANG", "HA", "HUNG", "KHOA", "LAN", "LINH", "MAI", "NAM", "PHUC", "QUAN", "TAM", "THU", "VINH"]
texts = ["ung ho tre em vung cao", "UNG HO", "ung ho cac chau Cu Jut", "chuc cac chau hoc gioi", "gop ao am mua dong",
         "ung ho bua an ban tru", "MB({r})(Ung ho cac chau)", "IBFT ung ho quy vi tre em"]
amounts = [10_000, 20_000, 50_000, 100_000, 200_000, 300_000, 500_000, 1_000_000, 2_000_000]
def money(n): return '"{:,}"'.format(n)
with open(path, "w", newline="") as out:
    out.write("\ufeff" + header + "\r\n")
    for i in range(lines):
        if i > 0 and i % 40 == 0:
            out.write(header + "\r\n")
        day = first + datetime.timedelta(days=i * days // lines)
        date = day.strftime("%d/%m/%Y")
        time = "%02d:%02d:%02d" % (rnd.randrange(24), rnd.randrange(60), rnd.randrange(60))
        ref = "2026%010d" % i if rnd.random() < 0.6 else ""
        name = "%s %s %s" % (rnd.choice(surnames), rnd.choice(middles), rnd.choice(given))
        roll = rnd.random() * 100
        if roll < 2:
            msg = "THU PHI DICH VU SMS THANG %02d/2026" % day.month if roll < 1 else "CHUYEN TIEN MUA AO AM %d" % i
            row = [str(i // 40 + 1), date, time, "FT%08d" % i, ref, msg, money(rnd.choice([11_000, 55_000, 2_000_000])), "", "", ""]
        else:
            msg = rnd.choice(texts).replace("{r}", "%06d" % i)
            if roll < 2 + coded:
                msg += " CT%s" % campaign
            if rnd.random() < 0.1:
                msg = "CT nhanh 247 den: %s chuyen\ntien %s" % (name, msg)
            row = [str(i // 40 + 1), date, time, "", ref, msg, "", money(rnd.choice(amounts)), "",
                   "%s – A/C" % name]
        cells = []
        for v in row:
            if v.startswith('"'):
                cells.append(v)
            elif any(c in v for c in ',"\n'):
                cells.append('"' + v.replace('"', '""').replace("\n", "\r\n") + '"')
            else:
                cells.append(v)
        out.write(",".join(cells) + "\r\n")
    out.write("\r\n")
PY
SIZE=$(du -h "$WORK/statement.csv" | cut -f1)
say "statement: $LINES lines, $SIZE"

upload() {
    curl -s -u "$USER_PASS" -o "$WORK/$1.json" -w '%{http_code} %{time_total}' \
        -F "campaignId=$CAMPAIGN" -F layout=B-PageId -F "file=@$WORK/statement.csv;type=text/csv" \
        "http://127.0.0.1:$HTTP_PORT/api/v1/statements"
}
say "importing"
read -r CODE1 T1 <<<"$(upload first)"
[ "$CODE1" = 200 ] || { say "import answered $CODE1: $(head -c 600 "$WORK/first.json")"; exit 1; }
say "imported in $T1 s: $(cat "$WORK/first.json")"
say "importing the same file again"
read -r CODE2 T2 <<<"$(upload second)"
[ "$CODE2" = 200 ] || { say "second import answered $CODE2: $(head -c 600 "$WORK/second.json")"; exit 1; }
say "re-imported in $T2 s: $(cat "$WORK/second.json")"
grep -hE "bank transfers recorded|receipts posted|lines imported in" "$WORK/app.log" | sed -E 's/^.*[a-zA-Z] +: //' | tee "$OUT/server.txt" |
    while read -r line; do say "server: $line"; done
if grep -q "OutOfMemoryError" "$WORK/app.log"; then say "the app ran out of memory"; fi
cp "$WORK/first.json" "$WORK/second.json" "$OUT/"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- COPY baseline
IMPORT_ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["importId"])' "$WORK/first.json")
"${PSQL[@]}" -c "\\copy (select * from statement_line where import_id = $IMPORT_ID) to '$WORK/lines.copy'"
"${PSQL[@]}" -c "drop table if exists bench_statement_line; create table bench_statement_line (like statement_line including all)"
START=$(date +%s%N)
"${PSQL[@]}" -c "\\copy bench_statement_line from '$WORK/lines.copy'"
END=$(date +%s%N)
"${PSQL[@]}" -c "drop table bench_statement_line"
TCOPY=$(python3 -c "print(round(($END - $START) / 1e9, 3))")

python3 - "$WORK/first.json" "$WORK/second.json" "$T1" "$T2" "$TCOPY" "$LINES" "$CODED" "$SIZE" \
    "$JAVA_OPTS" "$LOAD_BEFORE" "$LOAD_AFTER" <<'PY' | tee "$OUT/summary.md"
import json, sys
first, second = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
t1, t2, tcopy = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
print()
print("| statement import (layout B, %s lines, %s, %s%% with a payment code) | value |" % (sys.argv[6], sys.argv[8], sys.argv[7]))
print("| --- | --- |")
print("| first import: lines / imported / matched / unmatched / set aside | %d / %d / %d / %d / %d |"
      % (first["lines"], first["imported"], first["matched"], first["unmatched"], first["setAside"]))
print("| first import, upload to answer | %.1f s (target <= 20 s) |" % t1)
print("| same file again: duplicates / imported | %d / %d |" % (second["duplicates"], second["imported"]))
print("| same file again, upload to answer | %.1f s |" % t2)
print("| psql COPY of the same %d stored lines into `like statement_line including all` | %.1f s |" % (first["lines"], tcopy))
print("| ratio import / COPY | %.1f |" % (t1 / tcopy if tcopy else float("nan")))
print("| JVM options / load average before, after | `%s` / %s, %s |" % (sys.argv[9], sys.argv[10], sys.argv[11]))
PY
say "raw results in $OUT"
