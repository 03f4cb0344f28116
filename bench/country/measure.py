#!/usr/bin/env python3
"""Timings for bench/country-bench.sh (standard library only).

  measure.py http  --port P --out FILE --name NAME --path PATH [--n N] [--warmup W] [--user admin]
                   [--before-sql SQL --db-port D]     (SQL run before each timed request, not timed)
  measure.py sql   --db-port D --out FILE --name NAME --sql SQL [--n N] [--warmup W]

Each run appends one JSON line {name, n, p50, p95, p99, min, max, mean, load} to --out (ms). HTTP
requests go over one keep-alive connection with a session cookie (a form sign-in as --user; HTTP
Basic would add bcrypt to every request) and are timed from sending to the last byte of the body.
SQL is timed by psql (\\timing: one client round trip per statement, the statements of one
iteration added up), like bench/consolidated-report.sh.
"""

import argparse
import gzip
import http.client
import json
import re
import statistics
import subprocess
import sys
import time
import urllib.parse


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def summary(name, values, extra=None):
    load = open("/proc/loadavg").read().split()[:3]
    result = {"name": name, "n": len(values), "p50": round(statistics.median(values), 1),
              "p95": round(pct(values, 95), 1), "p99": round(pct(values, 99), 1),
              "min": round(min(values), 1), "max": round(max(values), 1),
              "mean": round(statistics.mean(values), 1), "load": " ".join(load)}
    if extra:
        result.update(extra)
    return result


class Session:
    def __init__(self, port, user):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        self.cookie = ""
        html = self.text(self.request("GET", "/login")[1])
        m = re.search(r'name="_csrf"\s+value="([^"]+)"', html) or re.search(r'value="([^"]+)"\s+name="_csrf"', html)
        body = urllib.parse.urlencode({"username": user, "password": "demo12345", "_csrf": m.group(1) if m else ""})
        status, _ = self.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
        if status not in (302, 303):
            raise SystemExit(f"sign-in as {user} failed: {status}")

    @staticmethod
    def text(body):
        return (gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body).decode()

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookie:
            headers["Cookie"] = self.cookie
        headers["Accept-Encoding"] = "gzip"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        for key, value in response.getheaders():
            if key.lower() == "set-cookie" and value.startswith("JSESSIONID="):
                self.cookie = value.split(";")[0]
        return response.status, data


def psql(db_port, script):
    return subprocess.run(["psql", "-X", "-q", "-At", "-h", "127.0.0.1", "-p", str(db_port), "-U", "postgres",
                           "-d", "chungtay", "-v", "ON_ERROR_STOP=1"],
                          input=script, capture_output=True, text=True, check=True).stdout


def run_http(args):
    session = Session(args.port, args.user)
    times, size = [], 0
    for i in range(args.warmup + args.n):
        if args.before_sql:
            psql(args.db_port, args.before_sql)
        start = time.perf_counter()
        status, body = session.request("GET", args.path)
        elapsed = (time.perf_counter() - start) * 1000
        if status != 200:
            raise SystemExit(f"GET {args.path}: HTTP {status}\n{body[:500]!r}")
        size = len(body)
        if i >= args.warmup:
            times.append(elapsed)
    return summary(args.name, times, {"path": args.path, "bytes": size, "after_change": bool(args.before_sql)})


def run_sql(args):
    statements = args.sql.strip().rstrip(";") + ";"
    per_iteration = statements.count(";")
    script = "\\timing on\n" + "\n".join([statements] * (args.warmup + args.n)) + "\n"
    out = psql(args.db_port, script)
    times = [float(t) for t in re.findall(r"^Time: ([0-9.]+) ms", out, re.M)]
    grouped = [sum(times[i:i + per_iteration]) for i in range(0, len(times), per_iteration)]
    return summary(args.name, grouped[args.warmup:], {"statements": per_iteration})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["http", "sql"])
    parser.add_argument("--port", type=int)
    parser.add_argument("--db-port", type=int)
    parser.add_argument("--out", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--path")
    parser.add_argument("--sql")
    parser.add_argument("--before-sql")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()
    result = run_http(args) if args.mode == "http" else run_sql(args)
    with open(args.out, "a") as f:
        f.write(json.dumps(result, ensure_ascii=False) + "\n")
    print(f"{result['name']}: n={result['n']} p50={result['p50']} p95={result['p95']} max={result['max']} ms"
          f" (load {result['load']})", file=sys.stderr)


if __name__ == "__main__":
    main()
