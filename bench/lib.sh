# shellcheck shell=bash
# Pieces the benchmark scripts share. Source it from the project root after defining `say`:
#   cd "$(dirname "$0")/.."; say() { ...; }; . bench/lib.sh
# Every function exits the script with a message on failure.

# One benchmark at a time machine-wide: re-executes the calling script under
# `flock /tmp/ct-bench.lock` (waiting for the lock) unless this process tree already holds it.
# Call it first, from the project root, with the script's arguments: ct_take_lock "$@"
ct_take_lock() {
    if [ -z "${CT_BENCH_LOCKED:-}" ] && command -v flock >/dev/null 2>&1; then
        export CT_BENCH_LOCKED=1
        exec flock /tmp/ct-bench.lock "$PWD/bench/$(basename "$0")" "$@"
    fi
}

# ct_require_tools java python3 curl psql: psql is installed (postgresql-client) when missing
ct_require_tools() {
    local tool sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    for tool in "$@"; do
        if [ "$tool" = psql ] && ! command -v psql >/dev/null 2>&1; then
            say "installing postgresql-client (psql)"
            $sudo apt-get install -y -q postgresql-client >/dev/null 2>&1 ||
                { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q postgresql-client >/dev/null 2>&1; } ||
                true
        fi
        command -v "$tool" >/dev/null 2>&1 || { say "missing $tool"; exit 1; }
    done
}

# ct_require_free_ports 4102 5102
ct_require_free_ports() {
    local port
    for port in "$@"; do
        if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
            say "port $port is in use; stop whatever listens there first"
            exit 1
        fi
    done
}

# ct_build_jar BUILD_DIR LOG: packages the app into BUILD_DIR/chungtay.jar (never target/), or
# reuses it when SKIP_BUILD=1 and it exists.
ct_build_jar() {
    local build_dir=$1 log=$2
    if [ "${SKIP_BUILD:-}" = 1 ] && [ -f "$build_dir/chungtay.jar" ]; then
        say "reusing $build_dir/chungtay.jar"
        return
    fi
    say "building $build_dir/chungtay.jar"
    ./mvnw -o -q -B -DskipTests -Dmaven.test.skip=true -Dspotless.check.skip=true \
        -Dchungtay.build.dir="$build_dir" package >"$log" 2>&1 ||
        { say "build failed"; tail -20 "$log" >&2; exit 1; }
}

# ct_data_dir FRESH: the embedded database's data directory for this run, printed. With
# COUNTRY_DIR (a dir written by bench/country.sh, its pg/ is used) or DATA_DIR (a PostgreSQL data
# dir) the run works on that database as it is and adds its rows to it; otherwise FRESH, a new
# directory under the run's temp dir.
ct_data_dir() {
    local dir=${DATA_DIR:-}
    if [ -z "$dir" ] && [ -n "${COUNTRY_DIR:-}" ]; then
        [ -f "$COUNTRY_DIR/country.env" ] ||
            { say "COUNTRY_DIR=$COUNTRY_DIR holds no finished country (no country.env); run bench/country.sh"; exit 1; }
        dir=$COUNTRY_DIR/pg
    fi
    if [ -z "$dir" ]; then
        echo "$1"
        return
    fi
    [ -f "$dir/PG_VERSION" ] || { say "$dir is not a PostgreSQL data dir (no PG_VERSION)"; exit 1; }
    echo "$dir"
}

# ct_wait_healthy PORT PID APP_LOG [SECONDS=400]
ct_wait_healthy() {
    local port=$1 pid=$2 log=$3 limit=${4:-400} i
    for i in $(seq 1 "$limit"); do
        if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; then
            return
        fi
        kill -0 "$pid" 2>/dev/null || { say "the app stopped"; tail -30 "$log" >&2; exit 1; }
        [ "$i" = "$limit" ] && { say "not healthy after $limit s"; tail -30 "$log" >&2; exit 1; }
        sleep 1
    done
}

# ct_stop PID: asks the app to stop (it stops its embedded PostgreSQL), waits up to 60 s, then kills.
ct_stop() {
    local pid=$1
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
}

# ct_stop_postmaster DATA_DIR: stops a PostgreSQL still holding DATA_DIR after its app has gone
# (as after a kill -9), so the next run can start on it.
ct_stop_postmaster() {
    local dir=$1 pm
    [ -e "$dir/postmaster.pid" ] || return 0
    pm=$(head -1 "$dir/postmaster.pid")
    if kill -0 "$pm" 2>/dev/null && grep -q postgres "/proc/$pm/cmdline" 2>/dev/null; then
        say "stopping postmaster pid $pm"
        kill -INT "$pm" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$pm" 2>/dev/null || break; sleep 1; done
        kill -KILL "$pm" 2>/dev/null || true
    fi
}
