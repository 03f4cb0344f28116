# Shared by bench/country.sh and bench/country-bench.sh (sourced, not run): starting and stopping
# the app on a country's data directory, signing in, psql.
# Needs: ROOT, COUNTRY_DIR, HTTP_PORT, DB_PORT, OUT (a results dir), JAR.

say() { printf '[%s %s] %s\n' "${SAY_AS:-country}" "$(date +%H:%M:%S)" "$*" >&2; }

ensure_tools() {
    for tool in java python3 curl; do
        command -v "$tool" >/dev/null 2>&1 || { say "missing $tool; install it first"; exit 1; }
    done
    if ! command -v psql >/dev/null 2>&1; then
        say "psql missing: installing postgresql-client"
        local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
        $sudo apt-get install -y -q postgresql-client >/dev/null 2>&1 ||
            { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q postgresql-client >/dev/null 2>&1; } ||
            { say "could not install psql (postgresql-client)"; exit 1; }
    fi
}

ports_free() {
    local port
    for port in "$@"; do
        if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
            say "port $port is in use; stop whatever listens there first (or set HTTP_PORT / DB_PORT)"
            exit 1
        fi
    done
}

# builds the jar into /tmp/ct-country-build unless JAR is given (or SKIP_BUILD=1 and it exists)
ensure_jar() {
    if [ -n "${JAR:-}" ]; then
        [ -f "$JAR" ] || { say "JAR=$JAR not found"; exit 1; }
        return
    fi
    JAR=/tmp/ct-country-build/chungtay.jar
    if [ "${SKIP_BUILD:-}" = 1 ] && [ -f "$JAR" ]; then
        say "reusing $JAR"
        return
    fi
    say "building $JAR"
    (cd "$ROOT" && ./mvnw -q -B -o -DskipTests -Dmaven.test.skip=true -Dspotless.check.skip=true \
        -Dchungtay.build.dir=/tmp/ct-country-build package) >"$OUT/build.log" 2>&1 ||
        { say "build failed; see $OUT/build.log"; exit 1; }
}

PSQL() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" -U postgres -d chungtay "$@"; }

APP_PID=""
# start_app <log> [how: jar|bin]: the app on the country's data dir with -Xmx512m; waits until healthy;
# STARTED_IN holds the seconds it took (not in a subshell: APP_PID must stay set)
start_app() {
    local log=$1 how=${2:-jar} start end
    start=$(date +%s.%N)
    if [ "$how" = bin ]; then
        # bin/chungtay as a server runs it (docs/adr/008): unpacked jar, CDS archive, C1
        CHUNGTAY_JAR=$JAR CHUNGTAY_APP_DIR=${APP_DIR:-/tmp/ct-country-app} CHUNGTAY_JAVA_OPTS="-Xmx512m -XX:TieredStopAtLevel=1 ${JAVA_OPTS:-}" \
            "$ROOT/bin/chungtay" --server.port="$HTTP_PORT" --chungtay.embedded-db.port="$DB_PORT" \
            --chungtay.embedded-db.data-dir="$COUNTRY_DIR/pg" --chungtay.demo-data=true \
            --server.tomcat.accesslog.enabled=false ${JAVA_ARGS:-} >"$log" 2>&1 &
    else
        # shellcheck disable=SC2086
        java -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" --server.port="$HTTP_PORT" --chungtay.embedded-db.port="$DB_PORT" \
            --chungtay.embedded-db.data-dir="$COUNTRY_DIR/pg" --chungtay.demo-data=true \
            --server.tomcat.accesslog.enabled=false ${JAVA_ARGS:-} >"$log" 2>&1 &
    fi
    APP_PID=$!
    for _ in $(seq 1 6000); do
        curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
        kill -0 "$APP_PID" 2>/dev/null || { say "the app stopped; see $log"; APP_PID=""; exit 1; }
        sleep 0.05
    done
    curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" | grep -q '"status":"UP"' || { say "the app did not become healthy"; exit 1; }
    end=$(date +%s.%N)
    STARTED_IN=$(python3 -c "print(round($end - $start, 2))")
}

stop_app() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 120); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
    stop_postmaster
}

# a postmaster of this data dir left behind (after a kill): stopped, never anyone else's
stop_postmaster() {
    if [ -e "$COUNTRY_DIR/pg/postmaster.pid" ]; then
        local pm
        pm=$(head -1 "$COUNTRY_DIR/pg/postmaster.pid")
        if kill -0 "$pm" 2>/dev/null && grep -q "$COUNTRY_DIR/pg" "/proc/$pm/cmdline" 2>/dev/null; then
            kill -INT "$pm" 2>/dev/null || true
            for _ in $(seq 1 60); do kill -0 "$pm" 2>/dev/null || break; sleep 0.5; done
        fi
    fi
}

# signs in with a form (a session cookie: HTTP Basic would add bcrypt to every request); cookie jar in $1
login() {
    local jar=$1 user=${2:-admin} csrf
    csrf=$(curl -fs -c "$jar" "http://127.0.0.1:$HTTP_PORT/login" | python3 -c "
import re, sys
html = sys.stdin.read()
m = re.search(r'name=\"_csrf\"\s+value=\"([^\"]+)\"', html) or re.search(r'value=\"([^\"]+)\"\s+name=\"_csrf\"', html)
print(m.group(1) if m else '')")
    curl -fs -b "$jar" -c "$jar" -o /dev/null -X POST "http://127.0.0.1:$HTTP_PORT/login" \
        --data-urlencode "username=$user" --data-urlencode password=demo12345 --data-urlencode "_csrf=$csrf"
}

# the CSRF token of a page's form, for a POST with the session in $1
csrf_of() {
    curl -fs -b "$1" -c "$1" "http://127.0.0.1:$HTTP_PORT$2" | python3 -c "
import re, sys
html = sys.stdin.read()
m = re.search(r'name=\"_csrf\"\s+value=\"([^\"]+)\"', html) or re.search(r'value=\"([^\"]+)\"\s+name=\"_csrf\"', html)
print(m.group(1) if m else '')"
}
