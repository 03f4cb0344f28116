#!/usr/bin/env python3
"""ChungTay benchmarks: first load, subtree latency, restart (issue 2); with --mode children-needs,
the children import and the public needs portal (issue 3: children_import.py, public_needs.py).
Standard library only.

Driven by bench/run.sh, which builds the jar and cleans up. This script starts the packaged jar
itself (never on port 8080 or ./data), records raw results as JSON under --out and prints a
markdown summary. Every process it starts is stopped before it returns; their pids are also
written to <work>/*.pid so run.sh's trap can stop them if this script dies.
"""

import argparse
import base64
import datetime as dt
import http.client
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

LOG_TS = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})(Z|[+-]\d{2}:\d{2})")
MARKERS = {
    "started": "Started ChungTayApplication",
    "loaded2024": "Loaded units-2024.csv",
    "loaded2025": "Loaded units-2025.csv and mergers-2025.csv",
    "orphan": "Found an orphaned PostgreSQL",
    "orphan_stopped": "Orphaned PostgreSQL stopped",
    "pg_start": "Starting embedded PostgreSQL",
}

SUBTREE_SQL = """with recursive tree as (
    select {cols}, 0 as depth from org_unit u where u.code = $1 and {valid}
    union all
    select {cols}, t.depth + 1 from org_unit u join tree t on u.parent_code = t.code
    where {valid}
)
select * from tree u order by depth, u.code""".format(
    cols="u.id, u.code, u.name, u.full_name, u.unit_type, u.level, u.parent_code, u.valid_from, u.valid_to",
    valid="(u.valid_from is null or u.valid_from <= $2) and (u.valid_to is null or u.valid_to >= $2)",
)

SUBTREE_CASES = [
    ("68", "2026-01-01", "new Lâm Đồng (68) on 2026-01-01"),
    ("67", "2020-01-01", "old Đắk Nông (67) on 2020-01-01"),
]


def log(msg):
    print(f"[bench {dt.datetime.now().strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return f.read().split()[:3]
    except OSError:
        return None


def pct(values, p):
    """Nearest-rank percentile (p in 0..100)."""
    s = sorted(values)
    if not s:
        return None
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def stats(values):
    if not values:
        return {}
    return {
        "n": len(values),
        "min": min(values),
        "p50": statistics.median(values),
        "p95": pct(values, 95),
        "p99": pct(values, 99),
        "max": max(values),
        "mean": statistics.fmean(values),
    }


def log_time(line):
    m = LOG_TS.match(line)
    if not m:
        return None
    tz = m.group(2)
    tz = "+00:00" if tz == "Z" else tz
    return dt.datetime.fromisoformat(m.group(1) + tz).timestamp()


# ---------------------------------------------------------------- the app


class App:
    """One run of the packaged jar, its stdout captured with a monotonic time per line."""

    def __init__(self, args, data_dir, name):
        self.args = args
        self.data_dir = data_dir
        self.name = name
        self.log_path = os.path.join(args.out, f"{name}.log")
        self.pid_path = os.path.join(args.work, f"{name}.pid")
        self.events = {}  # marker -> (monotonic seconds since spawn, log timestamp, line)
        self.proc = None
        self.t0 = None
        self.reader = None
        self.lock = threading.Lock()
        self.cpu_at_healthy = None

    def start(self, orphan_expected=False):
        # after kill -9 the orphaned postmaster still holds the database port: that is the test
        wait_ports_free([self.args.http_port] if orphan_expected else [self.args.http_port, self.args.db_port])
        cmd = ["java"] + self.args.java_opts.split() + [
            "-jar", self.args.jar,
            f"--server.port={self.args.http_port}",
            f"--chungtay.embedded-db.port={self.args.db_port}",
            f"--chungtay.embedded-db.data-dir={self.data_dir}",
        ] + list(getattr(self.args, "app_args", None) or [])
        self.cmd = cmd
        self.t0 = time.monotonic()
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            cwd=self.args.work, start_new_session=True)
        with open(self.pid_path, "w") as f:
            f.write(str(self.proc.pid))
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        return self

    def _read(self):
        with open(self.log_path, "w", encoding="utf-8") as out:
            for raw in self.proc.stdout:
                now = time.monotonic() - self.t0
                line = raw.decode("utf-8", "replace")
                out.write(line)
                for key, text in MARKERS.items():
                    if text in line:
                        with self.lock:
                            self.events.setdefault(key, (now, log_time(line), line.strip()))

    def event(self, key):
        with self.lock:
            return self.events.get(key)

    def wait_for(self, key, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.event(key):
                return self.event(key)
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name}: app exited ({self.proc.returncode}) before '{key}'; see {self.log_path}")
            time.sleep(0.02)
        raise RuntimeError(f"{self.name}: no '{key}' within {timeout}s; see {self.log_path}")

    def wait_healthy(self, timeout):
        """Seconds from spawn until GET /actuator/health answers "status":"UP"."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name}: app exited ({self.proc.returncode}); see {self.log_path}")
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.args.http_port, timeout=2)
                c.request("GET", "/actuator/health")
                r = c.getresponse()
                body = r.read().decode("utf-8", "replace")
                c.close()
                if '"status":"UP"' in body.replace(" ", ""):
                    took = time.monotonic() - self.t0
                    self.cpu_at_healthy = self.cpu_seconds()
                    self.check_own_database()
                    return took
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.05)
        raise RuntimeError(f"{self.name}: not healthy within {timeout}s; see {self.log_path}")

    def cpu_seconds(self):
        """CPU time (user + system, all threads) the JVM has used so far; the postmaster not included."""
        try:
            with open(f"/proc/{self.proc.pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None

    def check_own_database(self):
        """The app must run on its own postmaster, not on another server that holds the port."""
        pid = self.postmaster_pid()
        if not pid_alive(pid):
            raise RuntimeError(f"{self.name}: no postmaster of its own in {self.data_dir} (another server on port "
                               f"{self.args.db_port}?); see {self.log_path}")

    def postmaster_pid(self):
        try:
            with open(os.path.join(self.data_dir, "postmaster.pid")) as f:
                return int(f.readline().strip())
        except (OSError, ValueError):
            return None

    def stop(self, sig=signal.SIGTERM, timeout=120):
        """Signals the JVM; returns seconds until it exited."""
        if self.proc is None or self.proc.poll() is not None:
            return 0.0
        t = time.monotonic()
        self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            log(f"{self.name}: still running {timeout}s after {sig.name}; SIGKILL")
            self.proc.kill()
            self.proc.wait(10)
        took = time.monotonic() - t
        self.reader.join(5)
        if sig != signal.SIGKILL and os.path.exists(self.pid_path):
            os.remove(self.pid_path)
        return took


def pid_alive(pid):
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie is not alive
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def port_in_use(port):
    import socket
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def wait_ports_free(ports, timeout=30):
    deadline = time.monotonic() + timeout
    while any(port_in_use(p) for p in ports):
        if time.monotonic() > deadline:
            raise RuntimeError(f"ports {ports}: something still listens there; stop it first")
        time.sleep(0.2)


def wait_postmaster_gone(data_dir, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not os.path.exists(os.path.join(data_dir, "postmaster.pid")):
            return True
        time.sleep(0.1)
    return False


# ---------------------------------------------------------------- phases


def phase_first_load(args, results):
    runs = []
    keep = None
    for i in range(1, args.load_runs + 1):
        data_dir = os.path.join(args.work, f"load-{i}", "pg")
        shutil.rmtree(os.path.dirname(data_dir), ignore_errors=True)
        os.makedirs(data_dir)
        la = loadavg()
        log(f"first load {i}/{args.load_runs}: empty data dir {data_dir}")
        app = App(args, data_dir, f"first-load-{i}").start()
        try:
            l25 = app.wait_for("loaded2025", args.timeout)
            healthy = app.wait_healthy(args.timeout)
        finally:
            stop_s = app.stop()
        started, l24 = app.event("started"), app.event("loaded2024")
        m24 = re.search(r"(\d+) units inserted", l24[2])
        m25 = re.search(r"(\d+) units inserted, (\d+) succession links, (\d+) rows", l25[2])
        run = {
            "run": i,
            "loadavg_before": la,
            "process_start_to_loaded2025_s": l25[0],
            "process_start_to_started_s": started[0],
            "process_start_to_healthy_s": healthy,
            "jvm_cpu_s_at_healthy": app.cpu_at_healthy,
            # import windows from the app's own log timestamps (ms resolution)
            "import_total_s": l25[1] - started[1],
            "import_2024_s": l24[1] - started[1],
            "import_2025_and_mergers_s": l25[1] - l24[1],
            "units_2024": int(m24.group(1)) if m24 else None,
            "units_2025": int(m25.group(1)) if m25 else None,
            "succession_links": int(m25.group(2)) if m25 else None,
            "rows_skipped": int(m25.group(3)) if m25 else None,
            "shutdown_s": stop_s,
            "log": os.path.basename(app.log_path),
        }
        runs.append(run)
        log(f"  import {run['import_total_s']:.2f}s, start->loaded {run['process_start_to_loaded2025_s']:.2f}s")
        if i < args.load_runs:
            shutil.rmtree(os.path.dirname(data_dir), ignore_errors=True)
        else:
            keep = data_dir
    results["first_load"] = {
        "runs": runs,
        "import_total_s": stats([r["import_total_s"] for r in runs]),
        "process_start_to_loaded2025_s": stats([r["process_start_to_loaded2025_s"] for r in runs]),
    }
    return keep


def phase_restart(args, results, data_dir):
    runs = []
    for i in range(1, args.restart_runs + 1):
        la = loadavg()
        app = App(args, data_dir, f"restart-{i}").start()
        try:
            healthy = app.wait_healthy(args.timeout)
        finally:
            stop_s = app.stop()
        reloaded = app.event("loaded2024") or app.event("loaded2025")
        runs.append({"run": i, "loadavg_before": la, "process_start_to_healthy_s": healthy,
                     "jvm_cpu_s_at_healthy": app.cpu_at_healthy,
                     "started_s": (app.event("started") or (None,))[0],
                     "reference_data_reloaded": bool(reloaded), "sigterm_shutdown_s": stop_s,
                     "postmaster_stopped": wait_postmaster_gone(data_dir, 5),
                     "log": os.path.basename(app.log_path)})
        log(f"restart {i}/{args.restart_runs}: healthy after {healthy:.2f}s (SIGTERM stop took {stop_s:.2f}s)")
    results["restart"] = {"runs": runs, "process_start_to_healthy_s": stats([r["process_start_to_healthy_s"] for r in runs])}


class Client:
    """One keep-alive HTTP/1.1 connection on loopback."""

    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = {}

    def request(self, method, path, headers=None, body=None):
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=h)
                r = self.conn.getresponse()
                data = r.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                if attempt:
                    raise
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name.strip()] = rest.split(";")[0]
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data


def csrf_of(html):
    m = re.search(r'name="_csrf"\s+value="([^"]+)"', html) or re.search(r'value="([^"]+)"\s+name="_csrf"', html)
    return m.group(1) if m else None


def sign_in_and_create_token(args):
    """Form sign-in as admin (session cookie), then a personal access token from /profile."""
    c = Client(args.http_port)
    _, _, page = c.request("GET", "/login")
    token = csrf_of(page.decode())
    form = urllib.parse.urlencode({"username": args.user, "password": args.password, "_csrf": token or ""})
    status, headers, _ = c.request("POST", "/login", {"Content-Type": "application/x-www-form-urlencoded"}, form)
    if status != 302 or "error" in headers.get("location", ""):
        raise RuntimeError(f"form sign-in failed: {status} {headers.get('location')}")
    session = dict(c.cookies)
    _, _, page = c.request("GET", "/profile")
    token = csrf_of(page.decode())
    form = urllib.parse.urlencode({"name": f"bench-{int(time.time())}", "_csrf": token or ""})
    status, headers, _ = c.request("POST", "/profile/tokens", {"Content-Type": "application/x-www-form-urlencoded"}, form)
    _, _, page = c.request("GET", "/profile")
    m = re.search(r"ct_[A-Za-z0-9_-]{20,}", page.decode())
    bearer = m.group(0) if m else None
    return session, bearer


def measure_http(args, name, path, headers, n, warmup, cookies=None):
    c = Client(args.http_port)
    if cookies:
        c.cookies.update(cookies)
    size = None
    for _ in range(warmup):
        status, _, body = c.request("GET", path, headers)
        if status != 200:
            raise RuntimeError(f"{name}: GET {path} answered {status}: {body[:200]!r}")
    times = []
    for _ in range(n):
        t = time.perf_counter()
        status, _, body = c.request("GET", path, headers)
        times.append((time.perf_counter() - t) * 1000.0)
        if status != 200:
            raise RuntimeError(f"{name}: GET {path} answered {status}")
        size = len(body)
    items = None
    if path.startswith("/api/"):
        items = len(json.loads(body))
    s = stats(times)
    s.update({"name": name, "path": path, "bytes": size, "items": items, "warmup": warmup})
    log(f"  {name}: p50 {s['p50']:.2f} ms, p95 {s['p95']:.2f} ms ({n} requests)")
    return s


def measure_sql(args, code, date, n, warmup):
    """The subtree SQL through psql on loopback: PREPARE once, EXECUTE many (as JDBC does after 5 uses)."""
    psql = shutil.which("psql")
    if not psql:
        return {"skipped": "psql not installed"}
    env = dict(os.environ, PGCONNECT_TIMEOUT="10", PGOPTIONS="-c statement_timeout=10000")
    base = [psql, "-X", "-q", "-h", "127.0.0.1", "-p", str(args.db_port), "-U", "postgres", "-d", "chungtay",
            "-v", "ON_ERROR_STOP=1"]
    lines = ["\\o /dev/null", f"prepare st(text, date) as {SUBTREE_SQL};"]
    lines += [f"execute st('{code}', '{date}');"] * warmup
    lines += ["\\timing on"] + [f"execute st('{code}', '{date}');"] * n + ["\\timing off"]
    out = subprocess.run(base, input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=300, env=env)
    if out.returncode != 0:
        return {"skipped": f"psql failed: {out.stderr.strip()[:300]}"}
    times = [float(x) for x in re.findall(r"^Time: ([\d.]+) ms", out.stdout, re.M)]
    explain_sql = SUBTREE_SQL.replace("$1", f"'{code}'").replace("$2", f"date '{date}'")
    ex = subprocess.run(base + ["-c", f"explain (analyze, buffers) {explain_sql}"], capture_output=True, text=True,
                        timeout=60, env=env)
    plan = ex.stdout
    m = re.search(r"Execution Time: ([\d.]+) ms", plan)
    p = re.search(r"Planning Time: ([\d.]+) ms", plan)
    rows = re.search(r"^ Sort .*actual time=[\d.]+\.\.[\d.]+ rows=(\d+)", plan, re.M)
    s = stats(times)
    s.update({"explain_execution_ms": float(m.group(1)) if m else None,
              "explain_planning_ms": float(p.group(1)) if p else None,
              "rows": int(rows.group(1)) if rows else None, "plan": plan})
    log(f"  SQL {code}@{date}: psql p50 {s.get('p50', float('nan')):.3f} ms; EXPLAIN execution {s['explain_execution_ms']} ms")
    return s


def phase_latency(args, results, data_dir):
    app = App(args, data_dir, "latency").start()
    out = {"requests": args.requests, "warmup": args.warmup}
    try:
        app.wait_healthy(args.timeout)
        out["loadavg_before"] = loadavg()
        basic = {"Authorization": "Basic " + base64.b64encode(f"{args.user}:{args.password}".encode()).decode()}
        http_runs = [measure_http(args, "static /css/app.css", "/css/app.css", {}, args.requests, args.warmup)]
        session, bearer = None, None
        try:
            session, bearer = sign_in_and_create_token(args)
        except Exception as e:  # the other auth modes are extras; Basic is what the target names
            log(f"  could not sign in / create a token: {e}")
            out["session_error"] = str(e)
        for code, date, label in SUBTREE_CASES:
            path = f"/api/v1/org-units/{code}/subtree?date={date}"
            http_runs.append(measure_http(args, f"subtree {code}@{date}, HTTP Basic", path, basic,
                                          args.basic_requests, min(args.warmup, 20)))
            if bearer:
                http_runs.append(measure_http(args, f"subtree {code}@{date}, Bearer token", path,
                                              {"Authorization": f"Bearer {bearer}"}, args.requests, args.warmup))
            if session:
                http_runs.append(measure_http(args, f"subtree {code}@{date}, session cookie", path,
                                              {"Accept": "application/json"}, args.requests, args.warmup,
                                              cookies=session))
        out["http"] = http_runs
        out["sql"] = [dict(measure_sql(args, code, date, args.requests, args.warmup), case=f"{code}@{date}",
                           label=label) for code, date, label in SUBTREE_CASES]
        out["loadavg_after"] = loadavg()

        # crash: kill -9 the JVM, the postmaster is left orphaned
        orphan = app.postmaster_pid()
        app.stop(signal.SIGKILL)
        time.sleep(0.5)
        crash = {"orphaned_postmaster_pid": orphan, "orphan_alive_after_kill9": pid_alive(orphan)}
    except BaseException:
        app.stop(signal.SIGTERM)
        raise
    results["latency"] = out

    log(f"crash: JVM killed with SIGKILL, postmaster {orphan} alive={crash['orphan_alive_after_kill9']}; restarting")
    app2 = App(args, data_dir, "restart-after-kill9").start(orphan_expected=True)
    try:
        crash["process_start_to_healthy_s"] = app2.wait_healthy(args.timeout)
        crash["jvm_cpu_s_at_healthy"] = app2.cpu_at_healthy
        crash["app_found_orphan"] = bool(app2.event("orphan"))
        crash["orphan_log"] = (app2.event("orphan_stopped") or (None, None, None))[2]
        crash["orphan_alive_after_restart"] = pid_alive(orphan)
        crash["loadavg_before"] = out.get("loadavg_after")
    finally:
        crash["sigterm_shutdown_s"] = app2.stop()
    crash["postmaster_stopped_after_sigterm"] = wait_postmaster_gone(data_dir, 10)
    if os.path.exists(app.pid_path):
        os.remove(app.pid_path)
    log(f"  healthy after {crash['process_start_to_healthy_s']:.2f}s; orphan handled: {crash['app_found_orphan']}")
    results["crash_restart"] = crash


# ---------------------------------------------------------------- issue 3: children and needs

ACCESS_PATTERN = "%{X-Bench}i %m %U %s %b %D"  # Tomcat 11: %D is microseconds


def access_log_args(directory):
    """Tomcat's access log, on the command line only (no app change): server time of each request."""
    return ["--server.tomcat.accesslog.enabled=true", f"--server.tomcat.accesslog.directory={directory}",
            "--server.tomcat.accesslog.prefix=access", "--server.tomcat.accesslog.suffix=.log",
            "--server.tomcat.accesslog.rotate=false", f"--server.tomcat.accesslog.pattern={ACCESS_PATTERN}"]


def read_access_log(directory):
    """X-Bench tag -> [{method, path, status, bytes, us}], from every access*.log in the directory."""
    out = {}
    for name in sorted(os.listdir(directory)) if os.path.isdir(directory) else []:
        if not name.startswith("access"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8", errors="replace") as fh:
            for line in fh:
                parts = line.rstrip("\n").rsplit(" ", 5)
                if len(parts) != 6 or parts[0] == "-":
                    continue
                tag, method, path, status, size, us = parts
                try:
                    out.setdefault(tag, []).append({"method": method, "path": path, "status": int(status),
                                                    "bytes": size, "us": int(us)})
                except ValueError:
                    continue
    return out


def phase_children_needs(args, results):
    import children_import
    import public_needs
    data_dir = os.path.join(args.work, "cn", "pg")
    access_dir = os.path.join(args.work, "cn", "access")
    os.makedirs(data_dir)
    os.makedirs(access_dir)
    args.app_args = access_log_args(access_dir)
    app = App(args, data_dir, "children-needs").start()
    try:
        results["children_needs_start_s"] = app.wait_healthy(args.timeout)
        log(f"children and needs: app healthy after {results['children_needs_start_s']:.1f}s")
        if args.import_runs > 0:
            log(f"importing {children_import.ROWS} children x {args.import_runs}")
            children_import.run(args, results, app)
        if args.needs > 0:
            log(f"seeding {args.needs} published needs in {public_needs.PROVINCE} and measuring /public/needs")
            public_needs.run(args, results, app)
    finally:
        app.stop()  # SIGTERM: Tomcat flushes the access log
    shutil.copytree(access_dir, os.path.join(args.out, "access-log"), dirs_exist_ok=True)
    access = read_access_log(access_dir)
    children_import.add_server_times(results, access, app.log_path)
    public_needs.add_server_times(results, access)


def summary_children_needs(results):
    m = results["machine"]
    L = [f"## ChungTay benchmarks, issue 3 (children and needs) — {m['date']}\n",
         f"Machine: {m['nproc']} CPUs, {m['cpu_model']}; {m['java']}; commit {m['git']}; "
         f"load average at start {' '.join(m['loadavg_start'] or [])}, at end {' '.join(m.get('loadavg_end') or [])}\n",
         f"Command: `{results['command']}`; jar built with `{results.get('build')}`\n"]
    ci = results.get("children_import")
    if ci:
        L.append(f"### Import of {ci['rows']} children, commune {ci['commune']} ({ci['villages']} villages), "
                 f"as xa.cujut (target ≤ 5 s)\n")
        L.append("| run | end to end (s) | server, access log (s) | JVM CPU during (s) | imported | xlsx | children before | load avg before |")
        L.append("|---|---|---|---|---|---|---|---|")
        for r in ci["runs"]:
            L.append(f"| {r['run']} | {f(r['client_s'])} | {f(r.get('server_s'))} | {f(r.get('jvm_cpu_s'))} | {r['imported']} | "
                     f"{r['xlsx_bytes'] // 1024} KB | {r['children_before']} | {' '.join(r['loadavg_before'] or [])} |")
        for key, label in (("client_s", "end to end"), ("server_s", "server time")):
            s = ci.get(key) or {}
            if s:
                L.append(f"\n{label}: p50 {f(s['p50'])} s, p95 {f(s['p95'])} s, min {f(s['min'])} s, max {f(s['max'])} s (n={s['n']})")
        cb = ci.get("copy_baseline", {})
        if "copy_s" in cb:
            s = cb["copy_s"]
            L.append(f"\nBaseline, psql `\\copy` of the same {cb['rows_per_run']} rows into a table `like child including all`: "
                     f"p50 {f(s['p50'], 3)} s, min {f(s['min'], 3)} s, max {f(s['max'], 3)} s (n={s['n']})\n")
        else:
            L.append(f"\nBaseline: {cb.get('skipped')}\n")
    pn = results.get("public_needs")
    if pn:
        sd = pn["seed"]
        L.append(f"### /public/needs with {sd['public_needs_in_province']} public needs in province {pn['province']} "
                 f"(target ≤ 100 ms server time)\n")
        L.append(f"Seeded {sd['requested']} needs through the API in {sd['seconds']:.0f} s ({sd['threads']} connections, "
                 f"create+submit+approve+publish p50 {f(sd['per_need_4_requests_ms']['p50'], 0)} ms per need; "
                 f"{len(sd['errors'])} errors)\n")
        L.append("| what | n | server p50 ms | server p95 | server p99 | server min | server max | client p50 ms | client p95 | body (gzip) |")
        L.append("|---|---|---|---|---|---|---|---|---|---|")
        for s in pn.get("sequential", []):
            sv = s.get("server_ms") or {}
            L.append(f"| `{s['path']}` | {s['n']} | {f(sv.get('p50'))} | {f(sv.get('p95'))} | {f(sv.get('p99'))} | "
                     f"{f(sv.get('min'))} | {f(sv.get('max'))} | {f(s['p50'])} | {f(s['p95'])} | {s['bytes']} B {s.get('encoding') or ''} |")
        for s in pn.get("concurrent", []):
            sv = s.get("server_ms") or {}
            L.append(f"\nConcurrent `{s['path']}`: {s['connections']} connections for {s['seconds']:.0f} s, "
                     f"**{s['requests_per_s']:.1f} req/s**, server p50 {f(sv.get('p50'))} / p95 {f(sv.get('p95'))} ms, "
                     f"client p50 {f(s['p50'])} / p95 {f(s['p95'])} ms, {s['errors']} errors")
        fl = pn.get("first_load")
        if fl:
            L.append(f"\nFirst load of `{fl['path']}` (target ≤ 100 KB): **{fl['total_wire_bytes']} B** on the wire; "
                     f"{fl['total_if_all_gzipped_bytes']} B if every response were gzipped; external references: {len(fl['external_refs'])}\n")
            L.append("| response | content type | encoding | body bytes | gzip bytes |")
            L.append("|---|---|---|---|---|")
            for i in fl["items"]:
                L.append(f"| `{i['url']}` | {i.get('content_type') or 'text/html'} | {i.get('encoding') or 'none'} | {i['body_bytes']} | {i['gzip_bytes']} |")
        L.append(f"\nLoad average before / after the sequential runs / at the end: {' '.join(pn.get('loadavg_before') or [])} / "
                 f"{' '.join(pn.get('loadavg_after_sequential') or [])} / {' '.join(pn.get('loadavg_after') or [])}\n")
    return "\n".join(L)


# ---------------------------------------------------------------- report


def machine(args):
    def sh(cmd):
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=20).stdout.strip()
        except Exception:
            return None
    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-")
    return {
        "date": dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds"),
        "nproc": sh("nproc"),
        "cpu_model": cpu.strip() if cpu else None,
        "free_h": sh("free -h"),
        "kernel": platform.release(),
        "java": sh("java -version 2>&1 | head -1"),
        "java_opts": args.java_opts,
        "git": sh("git rev-parse --short HEAD 2>/dev/null") + (" (+uncommitted changes)" if sh("git status --porcelain 2>/dev/null | head -1") else ""),
        "loadavg_start": loadavg(),
    }


def f(x, digits=2):
    return "–" if x is None else f"{x:.{digits}f}"


def summary(results):
    m = results["machine"]
    L = []
    L.append(f"## ChungTay benchmarks — {m['date']}\n")
    L.append(f"Machine: {m['nproc']} CPUs, {m['cpu_model']}; "
             f"memory {(m['free_h'] or '').splitlines()[1].split()[1] if m.get('free_h') else '?'}; {m['java']}; "
             f"commit {m['git']}; load average at start {' '.join(m['loadavg_start'] or [])}\n")
    L.append(f"Command: `{results['command']}`; jar built with `{results.get('build')}`; "
             f"JVM options: `{m.get('java_opts') or '(none)'}`\n")

    fl = results.get("first_load")
    if fl:
        L.append("### 1. First load into an empty database (target ≤ 10 s)\n")
        L.append("| run | import total (s) | units-2024 (s) | units-2025 + mergers (s) | process start → 2nd \"Loaded\" (s) | → healthy (s) | JVM CPU at healthy (s) | units 2024 / 2025 / links | load avg before |")
        L.append("|---|---|---|---|---|---|---|---|---|")
        for r in fl["runs"]:
            L.append(f"| {r['run']} | {f(r['import_total_s'])} | {f(r['import_2024_s'])} | {f(r['import_2025_and_mergers_s'])} | "
                     f"{f(r['process_start_to_loaded2025_s'])} | {f(r['process_start_to_healthy_s'])} | {f(r.get('jvm_cpu_s_at_healthy'))} | "
                     f"{r['units_2024']} / {r['units_2025']} / {r['succession_links']} | {' '.join(r['loadavg_before'] or [])} |")
        for key, label in (("import_total_s", "import total"), ("process_start_to_loaded2025_s", "process start → 2nd Loaded")):
            s = fl[key]
            L.append(f"\n{label}: p50 (median) {f(s['p50'])} s, p95 {f(s['p95'])} s, min {f(s['min'])} s, max {f(s['max'])} s (n={s['n']})")
        L.append("")

    lat = results.get("latency")
    if lat:
        L.append("### 2. Province subtree on a date (target ≤ 5 ms), warm, one keep-alive connection, sequential\n")
        L.append("| what | n | p50 ms | p95 ms | p99 ms | min ms | max ms | body |")
        L.append("|---|---|---|---|---|---|---|---|")
        for s in lat.get("http", []):
            body = f"{s['bytes']} B" + (f", {s['items']} units" if s.get("items") is not None else "")
            L.append(f"| HTTP {s['name']} | {s['n']} | {f(s['p50'])} | {f(s['p95'])} | {f(s['p99'])} | {f(s['min'])} | {f(s['max'])} | {body} |")
        for s in lat.get("sql", []):
            if "skipped" in s:
                L.append(f"| SQL {s.get('case')} | – | {s['skipped']} | | | | | |")
                continue
            L.append(f"| SQL only (psql, prepared) {s['case']} | {s['n']} | {f(s['p50'], 3)} | {f(s['p95'], 3)} | {f(s['p99'], 3)} | "
                     f"{f(s['min'], 3)} | {f(s['max'], 3)} | {s['rows']} rows; EXPLAIN ANALYZE execution {s['explain_execution_ms']} ms, planning {s['explain_planning_ms']} ms |")
        L.append(f"\nLoad average before/after: {' '.join(lat.get('loadavg_before') or [])} / {' '.join(lat.get('loadavg_after') or [])}\n")

    rs = results.get("restart")
    if rs:
        L.append("### 3. Restart with existing data, SIGTERM then start (target ≤ 10 s to healthy)\n")
        L.append("| run | process start → health UP (s) | JVM CPU at UP (s) | SIGTERM shutdown afterwards (s) | postmaster stopped | reference data reloaded | load avg before |")
        L.append("|---|---|---|---|---|---|---|")
        for r in rs["runs"]:
            L.append(f"| {r['run']} | {f(r['process_start_to_healthy_s'])} | {f(r.get('jvm_cpu_s_at_healthy'))} | {f(r['sigterm_shutdown_s'])} | {r['postmaster_stopped']} | "
                     f"{r['reference_data_reloaded']} | {' '.join(r['loadavg_before'] or [])} |")
        s = rs["process_start_to_healthy_s"]
        L.append(f"\np50 (median) {f(s['p50'])} s, p95 {f(s['p95'])} s, min {f(s['min'])} s, max {f(s['max'])} s (n={s['n']})\n")
    cr = results.get("crash_restart")
    if cr:
        L.append(f"After `kill -9` of the JVM: orphaned postmaster pid {cr['orphaned_postmaster_pid']} alive after the kill: "
                 f"{cr['orphan_alive_after_kill9']}; the next start found it: {cr.get('app_found_orphan')} "
                 f"(\"{cr.get('orphan_log') or ''}\"), orphan gone: {not cr.get('orphan_alive_after_restart', True)}; "
                 f"health UP after **{f(cr.get('process_start_to_healthy_s'))} s** (JVM CPU {f(cr.get('jvm_cpu_s_at_healthy'))} s); clean SIGTERM stop afterwards: "
                 f"{cr.get('postmaster_stopped_after_sigterm')}.\n")
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", required=True)
    ap.add_argument("--work", required=True, help="temp dir for data dirs and pid files")
    ap.add_argument("--out", required=True, help="results dir")
    ap.add_argument("--http-port", type=int, default=18080)
    ap.add_argument("--db-port", type=int, default=55439)
    ap.add_argument("--load-runs", type=int, default=3)
    ap.add_argument("--restart-runs", type=int, default=3)
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--basic-requests", type=int, default=100)
    ap.add_argument("--warmup", type=int, default=300)
    ap.add_argument("--timeout", type=int, default=300, help="seconds to wait for any start")
    ap.add_argument("--user", default="admin")
    ap.add_argument("--password", default="demo12345")
    ap.add_argument("--java-opts", default="")
    ap.add_argument("--command", default="bench/run.sh")
    ap.add_argument("--mode", choices=["foundation", "children-needs"], default="foundation")
    ap.add_argument("--import-runs", type=int, default=3, help="children-needs: timed imports of 5,000 rows")
    ap.add_argument("--needs", type=int, default=2000, help="children-needs: needs to seed and publish")
    ap.add_argument("--needs-requests", type=int, default=500, help="children-needs: sequential requests per URL")
    ap.add_argument("--needs-warmup", type=int, default=100)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--concurrent-seconds", type=int, default=20)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    results = {"machine": machine(args), "command": args.command,
               "settings": {k: v for k, v in vars(args).items() if k not in ("password",)}}
    build = os.path.join(args.out, "build-command.txt")
    results["build"] = open(build).read().strip() if os.path.exists(build) else "(reused an existing jar)"
    try:
        if args.mode == "children-needs":
            phase_children_needs(args, results)
        else:
            data_dir = phase_first_load(args, results)
            phase_restart(args, results, data_dir)
            phase_latency(args, results, data_dir)
    finally:
        results["machine"]["loadavg_end"] = loadavg()
        with open(os.path.join(args.out, "results.json"), "w") as fh:
            json.dump(results, fh, indent=2, ensure_ascii=False, default=str)
        if args.mode == "children-needs":
            text = summary_children_needs(results) if ("children_import" in results or "public_needs" in results) else "(no results)"
        else:
            text = summary(results) if "first_load" in results else "(no results)"
        with open(os.path.join(args.out, "summary.md"), "w") as fh:
            fh.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
