#!/usr/bin/env python3
"""Issue 3 benchmark: /public/needs for a province with 2,000 published needs (target <= 100 ms server
time) and its first load (target <= 100 KB transferred, compressed). Standard library only.

Run by bench.py (`bench/run.sh children-needs`), which starts the app. This module:

- seeds 2,000 needs in Lâm Đồng (68) through the officers' API as `admin` with a personal access
  token (one form sign-in, then `Authorization: Bearer`): POST /api/v1/needs, then .../submit,
  .../approve, .../publish, i.e. 8,000 requests, on a few parallel connections. A quarter are
  commune needs spread over every commune of 68; the rest are village or school needs in the
  demo villages, some for fewer than 3 children (the portal shows those at commune level);
  categories, priorities and seasons vary. `confirmDuplicate: true` because many look alike.
- measures, warm, sequentially on one keep-alive connection: a static file (the HTTP baseline), the
  portal's first page, its last page, a search, and the partners' JSON for province 68. Each request
  carries an `X-Bench` header, so the Tomcat access log (`%D`, microseconds, enabled by bench.py on
  the command line) gives the server time of every single request beside the client's time.
- runs the first page with 16 concurrent keep-alive connections (Python threads) for a fixed time.
- weighs the first load: the page and every stylesheet, script and image it links, each fetched
  with `Accept-Encoding: gzip`, counting the bytes on the wire (headers included).
"""

import datetime as dt
import http.client
import json
import os
import re
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench as B  # noqa: E402
import children_import as CI  # noqa: E402  (psql helper)

PROVINCE = "68"
NEEDS = 2000
UNITS = {"DO_AM": "chiếc", "QUAN_AO": "bộ", "HOC_TAP": "bộ", "DINH_DUONG": "suất", "SUC_KHOE": "lượt",
         "VUI_CHOI": "bộ", "CONG_TRINH": "công trình", "KHAC": "gói"}
WHAT = {"DO_AM": "Áo ấm, chăn cho mùa đông", "QUAN_AO": "Quần áo đồng phục", "HOC_TAP": "Sách vở, cặp sách",
        "DINH_DUONG": "Sữa và bữa trưa bán trú", "SUC_KHOE": "Khám sức khỏe, thuốc men",
        "VUI_CHOI": "Đồ chơi, sân chơi", "CONG_TRINH": "Nhà vệ sinh điểm trường", "KHAC": "Hỗ trợ khác"}


def units_of_province(args, day):
    """Communes (level 2) of the province and the villages (level 3) under them, on a day."""
    valid = (f"(u.valid_from is null or u.valid_from <= date '{day}') and"
             f" (u.valid_to is null or u.valid_to >= date '{day}')")
    communes = [r[0] for r in CI.psql(args, f"select code from org_unit u where parent_code = '{PROVINCE}'"
                                            f" and level = 2 and {valid} order by code")]
    villages = [r[0] for r in CI.psql(args, f"select u.code from org_unit u join org_unit p on p.code = u.parent_code"
                                            f" where p.parent_code = '{PROVINCE}' and u.level = 3 and {valid}"
                                            f" order by u.code")]
    categories = [r[0] for r in CI.psql(args, "select code from support_category order by code")]
    return communes, villages, categories


def need_form(i, communes, villages, categories, year):
    cat = categories[i % len(categories)]
    kind = i % 8
    if kind < 2 or not villages:
        target, unit, served = "COMMUNE", communes[(i * 7) % len(communes)], 5 + i % 60
    elif kind == 2:
        target, unit, served = "SCHOOL", villages[i % len(villages)], 3 + i % 40
    else:
        # village needs, one in five for fewer than 3 children (the portal lifts those to commune level)
        target, unit, served = "VILLAGE", villages[i % len(villages)], (1 + i % 2) if kind == 3 else 3 + i % 25
    qty = 1 + i % 50
    return {
        "target": target, "childCode": "", "unitCode": unit,
        "schoolName": f"Trường Tiểu học số {1 + i % 9}" if target == "SCHOOL" else "",
        "categoryCode": cat, "description": f"{WHAT.get(cat, 'Hỗ trợ')} – đợt {1 + i // len(categories) % 5} (#{i})",
        "quantity": str(qty), "unit": UNITS.get(cat, "gói"), "unitCost": str(50_000 + (i % 20) * 25_000),
        "year": str(year), "season": ["Đông", "Xuân", "Hè", "Thu"][i % 4] + f" {year}",
        "neededBy": f"{year}-12-{1 + i % 28:02d}", "priority": ["HIGH", "MEDIUM", "LOW"][i % 3],
        "childrenServed": str(served), "confirmDuplicate": True,
    }


def seed(args, n, threads=4):
    """n published needs through the API as admin; returns timings and counts."""
    session, bearer = B.sign_in_and_create_token(args)
    if not bearer:
        raise RuntimeError("could not create an access token for admin")
    day = dt.date.today()
    communes, villages, categories = units_of_province(args, day)
    if not communes or not categories:
        raise RuntimeError(f"no communes of {PROVINCE} or no categories")
    auth = {"Authorization": f"Bearer {bearer}"}
    errors, per_need = [], []
    lock = threading.Lock()

    def worker(k):
        c = B.Client(args.http_port)
        for i in range(k, n, threads):
            t = time.perf_counter()
            form = need_form(i, communes, villages, categories, day.year)
            status, _, body = c.request("POST", "/api/v1/needs", dict(auth, **{"Content-Type": "application/json"}),
                                        json.dumps(form))
            if status != 201:
                with lock:
                    errors.append(f"create {i}: {status} {body[:200]!r}")
                continue
            nid = json.loads(body)["id"]
            for step in ("submit", "approve", "publish"):
                status, _, body = c.request("POST", f"/api/v1/needs/{nid}/{step}", auth)
                if status != 200:
                    with lock:
                        errors.append(f"{step} {nid}: {status} {body[:200]!r}")
                    break
            with lock:
                per_need.append(time.perf_counter() - t)
            if len(errors) > 20:
                return

    t = time.perf_counter()
    ts = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(threads)]
    for th in ts:
        th.start()
    for th in ts:
        th.join(1800)
    took = time.perf_counter() - t
    published = int(CI.psql(args, f"select count(*) from need where province_code = '{PROVINCE}'"
                                   f" and status in ('PUBLISHED', 'PARTLY_FUNDED', 'FUNDED', 'DELIVERED')")[0][0])
    out = {"requested": n, "threads": threads, "seconds": took, "errors": errors[:20],
           "per_need_4_requests_ms": B.stats([x * 1000 for x in per_need]),
           "communes": len(communes), "villages": len(villages), "public_needs_in_province": published}
    B.log(f"  seeded {len(per_need)} needs in {took:.1f}s ({len(errors)} errors); {published} public needs in {PROVINCE}")
    if errors:
        B.log(f"  first error: {errors[0]}")
    return out, session


def timed(args, name, path, headers, n, warmup):
    """Sequential requests on one keep-alive connection; each tagged for the access log."""
    c = B.Client(args.http_port)
    h = dict(headers or {})
    for _ in range(warmup):
        status, _, body = c.request("GET", path, h)
        if status != 200:
            raise RuntimeError(f"{name}: GET {path} answered {status}: {body[:200]!r}")
    times = []
    h["X-Bench"] = f"seq:{name}"
    for _ in range(n):
        t = time.perf_counter()
        status, resp, body = c.request("GET", path, h)
        times.append((time.perf_counter() - t) * 1000.0)
        if status != 200:
            raise RuntimeError(f"{name}: GET {path} answered {status}")
    s = B.stats(times)
    s.update({"name": name, "path": path, "bytes": len(body), "encoding": resp.get("content-encoding"),
              "warmup": warmup})
    B.log(f"  {name}: client p50 {s['p50']:.2f} ms, p95 {s['p95']:.2f} ms ({n} requests, {len(body)} B)")
    return s


def concurrent(args, name, path, connections, seconds):
    """connections threads, each a keep-alive connection, sending requests back to back for seconds."""
    stop = time.monotonic() + seconds
    times, errors = [], [0]
    lock = threading.Lock()

    def worker():
        c = B.Client(args.http_port)
        mine = []
        while time.monotonic() < stop:
            t = time.perf_counter()
            try:
                status, _, _ = c.request("GET", path, {"X-Bench": f"conc:{name}", "Accept-Encoding": "gzip"})
            except (OSError, http.client.HTTPException):
                status = None
            mine.append((time.perf_counter() - t) * 1000.0)
            if status != 200:
                with lock:
                    errors[0] += 1
        with lock:
            times.extend(mine)

    la = B.loadavg()
    t = time.perf_counter()
    ts = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    for th in ts:
        th.start()
    for th in ts:
        th.join(seconds + 60)
    took = time.perf_counter() - t
    s = B.stats(times)
    s.update({"name": name, "path": path, "connections": connections, "seconds": took,
              "requests_per_s": len(times) / took, "errors": errors[0], "loadavg_before": la})
    B.log(f"  {name}: {connections} connections, {s['requests_per_s']:.1f} req/s, client p50 {s['p50']:.1f} ms")
    return s


def first_load(args, path):
    """Bytes on the wire for the page and everything it links, each with Accept-Encoding: gzip."""
    def fetch(url):
        conn = http.client.HTTPConnection("127.0.0.1", args.http_port, timeout=30)
        conn.request("GET", url, headers={"Accept-Encoding": "gzip", "Accept": "*/*"})
        r = conn.getresponse()
        body = r.read()  # http.client does not decode: this is the compressed body
        head = sum(len(k) + len(v) + 4 for k, v in r.getheaders()) + 17
        conn.close()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), body, head

    import gzip
    status, h, body, head = fetch(path)
    html = gzip.decompress(body).decode() if h.get("content-encoding") == "gzip" else body.decode()
    items = [{"url": path, "status": status, "wire_bytes": len(body) + head, "body_bytes": len(body),
              "uncompressed_bytes": len(html.encode()), "encoding": h.get("content-encoding"),
              "cache_control": h.get("cache-control")}]
    refs = re.findall(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="([^"]+)"', html)
    external = [u for u in refs if re.match(r"^(https?:)?//", u)]
    for url in dict.fromkeys(u for u in refs if u.startswith("/")):
        st, hh, b, hd = fetch(url)
        items.append({"url": url, "status": st, "wire_bytes": len(b) + hd, "body_bytes": len(b),
                      "encoding": hh.get("content-encoding"), "content_type": hh.get("content-type"),
                      "cache_control": hh.get("cache-control"),
                      # what it would weigh if the server compressed it too (gzip level 6, as Tomcat)
                      "gzip_bytes": len(b) if hh.get("content-encoding") else len(gzip.compress(b, 6))})
    items[0]["gzip_bytes"] = len(body)
    total = sum(i["wire_bytes"] for i in items)
    B.log(f"  first load of {path}: {total} B on the wire in {len(items)} responses")
    return {"path": path, "items": items, "total_wire_bytes": total, "external_refs": external,
            "total_if_all_gzipped_bytes": sum(i["gzip_bytes"] + i["wire_bytes"] - i["body_bytes"] for i in items)}


def run(args, results, app):
    out = {"province": PROVINCE}
    out["seed"], _ = seed(args, args.needs)
    published = out["seed"]["public_needs_in_province"]
    last_page = max(0, (published - 1) // 20)
    n, w = args.needs_requests, args.needs_warmup
    out["loadavg_before"] = B.loadavg()
    gz = {"Accept-Encoding": "gzip"}
    out["sequential"] = [
        timed(args, "static", "/css/app.css", gz, n, w),
        timed(args, "page-1", "/public/needs", gz, n, w),
        timed(args, "last-page", f"/public/needs?page={last_page}", gz, n, w),
        timed(args, "search", "/public/needs?q=ao+am", gz, n, w),
        timed(args, "json-68", f"/public/needs.json?province={PROVINCE}", gz, n, w),
    ]
    out["loadavg_after_sequential"] = B.loadavg()
    out["concurrent"] = [concurrent(args, "page-1", "/public/needs", args.connections, args.concurrent_seconds)]
    out["first_load"] = first_load(args, "/public/needs")
    out["loadavg_after"] = B.loadavg()
    results["public_needs"] = out


def add_server_times(results, access):
    out = results.get("public_needs")
    if not out:
        return
    for s in out.get("sequential", []):
        us = [e["us"] / 1000.0 for e in access.get(f"seq:{s['name']}", [])]
        s["server_ms"] = B.stats(us)
    for s in out.get("concurrent", []):
        us = [e["us"] / 1000.0 for e in access.get(f"conc:{s['name']}", [])]
        s["server_ms"] = B.stats(us)
