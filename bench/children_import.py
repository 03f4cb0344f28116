#!/usr/bin/env python3
"""Issue 3 benchmark: importing 5,000 children from an XLSX (target <= 5 s). Standard library only.

Run by bench.py (`bench/run.sh children-needs`), which starts the app. This module:

- writes a valid 5,000-row workbook for the demo commune 24640's villages with zipfile and
  hand-written SpreadsheetML (inline strings, dates as dd/mm/yyyy text, the 22 template headers);
- signs in as xa.cujut with a form login (session cookie + CSRF token from the login page) and
  uploads it to POST /children/import (multipart field "file"), timing the request end to end;
  each run uses names and guardians with a distinct tag, so the duplicate check (name + birth date,
  guardian + birth date, across the whole registry) finds nothing and no confirmation is needed;
- checks the registry grew by exactly 5,000 (psql) and reads the server time of the upload from the
  Tomcat access log and the app's "N children imported" log line;
- as a baseline, COPYs the same 5,000 rows, already mapped to the child table's columns, into a
  scratch table made `like child including all` (same types, checks and indexes) through psql.

`python3 bench/children_import.py --write FILE [--village 24640-01 ...]` only writes a workbook.
"""

import argparse
import datetime as dt
import io
import os
import random
import re
import shutil
import subprocess
import sys
import time
import unicodedata
import urllib.parse
import zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench as B  # noqa: E402  (the shared helpers: Client, csrf_of, stats, log, loadavg)

COMMUNE = "24640"
ROWS = 5000

# the 22 headers of ChildWorkbooks.COLUMNS, in order (a file format: they stay Vietnamese)
COLUMNS = [
    "Họ và tên (*)", "Ngày sinh (*) (ngày/tháng/năm)", "Giới tính (*)", "Dân tộc (*)", "Thôn, buôn, bon (*)",
    "Người giám hộ (*)", "Quan hệ với trẻ", "Số điện thoại", "Hộ nghèo, cận nghèo",
    "Số giấy chứng nhận hộ nghèo/cận nghèo", "Tình trạng học tập", "Tên trường",
    "Hoàn cảnh đặc biệt (mã, cách nhau bởi dấu phẩy)", "Khuyết tật", "Ghi chú sức khỏe", "Ghi chú dinh dưỡng",
    "Người giám hộ đồng ý (họ tên)", "Ngày giám hộ đồng ý", "Hình thức đồng ý", "Mục đích đồng ý",
    "Trẻ đồng ý (họ tên, từ 7 tuổi)", "Ngày trẻ đồng ý",
]
SYLLABLES = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khoa", "Lan", "Minh", "Nga", "Oanh", "Phúc", "Quang",
             "Sơn", "Tâm", "Uyên", "Vân", "Xuân", "Yến", "Đạt"]
FAMILIES = [("Nguyễn", "Văn"), ("Trần", "Thị"), ("Y", "Niê"), ("H'", "Mlô"), ("Điểu", "K'"), ("Lò", "Văn"),
            ("Hoàng", "Thị"), ("Triệu", "Văn")]
ETHNIC = [("01", "Kinh"), ("02", "Tày"), ("05", "Mông"), ("06", "Nùng"), ("07", "Dao"), ("17", "Ê Đê"), ("20", "M'Nông")]
SCHOOLING = [("Mầm non", "PRESCHOOL"), ("Tiểu học", "PRIMARY"), ("THCS", "LOWER_SECONDARY")]


def fold(text):
    """Close enough to VietnameseText.fold for the COPY baseline: lower case, no diacritics, single spaces."""
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(ch for ch in t if unicodedata.category(ch) != "Mn").lower()
    return " ".join(t.split())


def child_rows(villages, today, tag, n=ROWS):
    """n distinct, valid, consented children; names and guardians carry the tag so runs never collide."""
    out = []
    for i in range(n):
        family, middle = FAMILIES[i % len(FAMILIES)]
        suffix = f"{SYLLABLES[(i // 400) % 20]} {SYLLABLES[(i // 20) % 20]} {SYLLABLES[i % 20]} {tag}"
        born = today.replace(year=today.year - 2) - dt.timedelta(days=i % 4000)
        seven = born.replace(year=born.year + 7) <= today if not (born.month == 2 and born.day == 29) else True
        name = f"{family} {middle} {suffix}"
        guardian = f"Trần Thị {suffix}"
        consent_day = today - dt.timedelta(days=2)
        code, ethnic = ETHNIC[i % len(ETHNIC)]
        village_code, village_name = villages[i % len(villages)]
        school_label, school = SCHOOLING[i % len(SCHOOLING)]
        out.append({
            "cells": [
                name, born.strftime("%d/%m/%Y"), "Nam" if i % 2 == 0 else "Nữ", f"{code} - {ethnic}",
                f"{village_code} - {village_name}", guardian, "Mẹ", f"09{i:08d}", "Hộ nghèo", f"HN-{tag}-{i}",
                school_label, "Trường Tiểu học Thử", "HCDB04", "", "", "", guardian,
                consent_day.strftime("%d/%m/%Y"), "Văn bản", "Xử lý dữ liệu, Nhắc đến ẩn danh",
                name if seven else "", consent_day.strftime("%d/%m/%Y") if seven else "",
            ],
            # the same child as a row of the child table, for the COPY baseline
            "db": {
                "name": name, "born": born, "sex": "MALE" if i % 2 == 0 else "FEMALE", "ethnic": code,
                "village": village_code, "guardian": guardian, "phone": f"09{i:08d}", "cert": f"HN-{tag}-{i}",
                "schooling": school, "consent": consent_day, "seven": seven,
            },
        })
    return out


def _col(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(rows):
    """A minimal valid XLSX: one sheet of inline strings, a styles part (POI's reader wants one)."""
    sheet = io.StringIO()
    sheet.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    for r, values in enumerate([COLUMNS] + [row["cells"] for row in rows], start=1):
        sheet.write(f'<row r="{r}">')
        for c, v in enumerate(values):
            if v != "":
                sheet.write(f'<c r="{_col(c)}{r}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
        sheet.write("</row>")
    sheet.write("</sheetData></worksheet>")
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Danh sách trẻ em" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>',
        "xl/styles.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
            '</styleSheet>',
        "xl/worksheets/sheet1.xml": sheet.getvalue(),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))
    return buf.getvalue()


# ---------------------------------------------------------------- database helpers (psql on loopback)


def psql_base(args):
    return [shutil.which("psql") or "psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(args.db_port), "-U", "postgres",
            "-d", "chungtay", "-v", "ON_ERROR_STOP=1"]


def psql(args, sql, timeout=120):
    env = dict(os.environ, PGCONNECT_TIMEOUT="10")
    out = subprocess.run(psql_base(args) + ["-At", "-F", "\t", "-c", sql], capture_output=True, text=True,
                         timeout=timeout, env=env)
    if out.returncode != 0:
        raise RuntimeError(f"psql failed: {out.stderr.strip()[:300]}")
    return [line.split("\t") for line in out.stdout.splitlines() if line]


def villages_of(args, commune, day):
    rows = psql(args, f"select code, name from org_unit where parent_code = '{commune}'"
                      f" and (valid_from is null or valid_from <= date '{day}')"
                      f" and (valid_to is null or valid_to >= date '{day}') order by code")
    return [(r[0], r[1]) for r in rows]


def children_count(args):
    return int(psql(args, "select count(*) from child")[0][0])


# ---------------------------------------------------------------- HTTP


def sign_in(port, username, password):
    """Form sign-in: GET /login for the CSRF token, POST /login; returns the Client with its session."""
    c = B.Client(port)
    _, _, page = c.request("GET", "/login")
    form = urllib.parse.urlencode({"username": username, "password": password,
                                   "_csrf": B.csrf_of(page.decode()) or ""})
    status, headers, _ = c.request("POST", "/login", {"Content-Type": "application/x-www-form-urlencoded"}, form)
    if status != 302 or "error" in headers.get("location", ""):
        raise RuntimeError(f"sign-in as {username} failed: {status} {headers.get('location')}")
    return c


def upload(client, content, filename, tag):
    """POST /children/import as the page's form does; returns (seconds, status, flash text or problems)."""
    _, _, page = client.request("GET", "/children/import")
    token = B.csrf_of(page.decode()) or ""
    boundary = f"----ctbench{int(time.time() * 1000)}"
    body = io.BytesIO()
    for name, value in (("_csrf", token), ("confirmDuplicates", "false")):
        body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
               f"Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n".encode())
    body.write(content)
    body.write(f"\r\n--{boundary}--\r\n".encode())
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", "X-Bench": tag}
    t = time.perf_counter()
    status, _, html = client.request("POST", "/children/import", headers, body.getvalue())
    took = time.perf_counter() - t
    text = html.decode("utf-8", "replace")
    m = re.search(r"Đã nhập ([\d.,]+) trẻ em[^<]*|([\d.,]+) children imported[^<]*", text)
    return took, status, (m.group(0) if m else None), text


# ---------------------------------------------------------------- the COPY baseline


def copy_csv(rows, tag, start_id):
    """The rows mapped to the child table's columns, as CSV for COPY."""
    import csv
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    rnd = random.Random(tag)
    for i, row in enumerate(rows):
        d = row["db"]
        code = "TE-" + "".join(rnd.choice(alphabet) for _ in range(6))
        consent = d["consent"].isoformat()
        w.writerow([
            start_id + i, code, "ACTIVE", d["name"], fold(d["name"]), d["born"].isoformat(), d["born"].year, d["sex"],
            d["ethnic"], d["village"], COMMUNE, d["guardian"], fold(d["guardian"]), "Mẹ", d["phone"], "POOR",
            d["cert"], d["schooling"], "Trường Tiểu học Thử", "{HCDB04}", d["guardian"], consent, "WRITTEN",
            "{PROCESSING,ANONYMOUS_MENTION}", d["name"] if d["seven"] else "", consent if d["seven"] else "",
            "xa.cujut",
        ])
    return buf.getvalue()


COPY_COLUMNS = ("id, public_code, status, full_name, name_folded, date_of_birth, birth_year, sex, ethnic_group_code,"
                " village_code, commune_code, guardian_name, guardian_folded, guardian_relationship, guardian_phone,"
                " household_poverty, poverty_certificate, schooling, school_name, circumstances,"
                " guardian_consent_by, guardian_consent_date, guardian_consent_method, consent_purposes,"
                " child_consent_by, child_consent_date, created_by")


def copy_baseline(args, rows, runs, workdir):
    """COPY the same rows into a scratch table shaped like child (types, checks, indexes), n runs."""
    if not shutil.which("psql"):
        return {"skipped": "psql not installed"}
    psql(args, "drop table if exists bench_child_copy; create table bench_child_copy (like child including all);"
               " alter table bench_child_copy alter column id drop default")
    times, walls = [], []
    for r in range(runs):
        path = os.path.join(workdir, f"copy-{r}.csv")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(copy_csv(rows, f"copy{r}", 1 + r * len(rows)))
        script = ("\\timing on\n"
                  f"\\copy bench_child_copy ({COPY_COLUMNS}) from '{path}' with (format csv, null '')\n")
        env = dict(os.environ, PGCONNECT_TIMEOUT="10")
        t = time.perf_counter()
        out = subprocess.run(psql_base(args), input=script, capture_output=True, text=True, timeout=120, env=env)
        walls.append(time.perf_counter() - t)
        if out.returncode != 0:
            return {"skipped": f"COPY failed: {out.stderr.strip()[:300]}"}
        m = re.search(r"Time: ([\d.]+) ms", out.stdout)
        times.append(float(m.group(1)) / 1000.0 if m else None)
    count = int(psql(args, "select count(*) from bench_child_copy")[0][0])
    psql(args, "drop table bench_child_copy")
    return {"copy_s": B.stats([t for t in times if t is not None]), "psql_process_s": B.stats(walls),
            "rows_per_run": len(rows), "rows_copied": count}


# ---------------------------------------------------------------- the phase


IMPORTED = re.compile(r"(\d+) children imported by (\S+)")


def app_log_imports(log_path):
    """(log timestamp, count) of every "N children imported by ..." line."""
    out = []
    with open(log_path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            m = IMPORTED.search(line)
            if m:
                out.append((B.log_time(line), int(m.group(1))))
    return out


def run(args, results, app):
    """The import benchmark on a running, healthy app (the caller stops it and reads the access log)."""
    out = {"runs": [], "rows": ROWS, "commune": COMMUNE}
    today = dt.date.today()
    villages = villages_of(args, COMMUNE, today)
    if not villages:
        raise RuntimeError(f"no villages of {COMMUNE} on {today}; are the demo data loaded?")
    out["villages"] = len(villages)
    client = sign_in(args.http_port, "xa.cujut", args.password)
    # warm-up: one small import (50 rows) through the same path, so the first timed run is not a cold JVM
    warm = child_rows(villages, today, "Khởi Động", 50)
    took, status, flash, _ = upload(client, xlsx(warm), "warmup.xlsx", "import-warmup")
    out["warmup"] = {"rows": 50, "s": took, "status": status, "flash": flash}
    B.log(f"  warm-up import of 50 rows: {took:.2f}s, {flash}")
    last_rows = None
    tags = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa"]
    for i in range(args.import_runs):
        # letters only (a digit makes a name invalid): the run's Greek letter and the clock as syllables
        stamp = "".join(SYLLABLES[int(d)] for d in str(int(time.time()) % 10000))
        tag = f"Bench {tags[i % len(tags)]} {stamp}"
        rows = child_rows(villages, today, tag)
        t = time.perf_counter()
        content = xlsx(rows)
        gen_s = time.perf_counter() - t
        before = children_count(args)
        la = B.loadavg()
        cpu0 = app.cpu_seconds()
        took, status, flash, html = upload(client, content, f"children-{i + 1}.xlsx", f"import-{i + 1}")
        cpu1 = app.cpu_seconds()
        after = children_count(args)
        run = {"run": i + 1, "loadavg_before": la, "client_s": took, "status": status, "flash": flash,
               "imported": after - before, "xlsx_bytes": len(content), "xlsx_generate_s": gen_s,
               "jvm_cpu_s": (cpu1 - cpu0) if cpu0 is not None and cpu1 is not None else None,
               "children_before": before}
        if after - before != ROWS:
            problems = [p for p in (" ".join(x.split()) for x in re.findall(r"<li[^>]*>(.{0,300}?)</li>", html, re.S))
                        if p][:5] or [" ".join(re.sub(r"<[^>]+>", " ", html).split())[-600:]]
            run["problems"] = problems
            B.log(f"  import {i + 1}: {after - before} imported, status {status}; {problems}")
        else:
            B.log(f"  import {i + 1}: {ROWS} rows in {took:.2f}s end to end ({len(content) // 1024} KB xlsx)")
        out["runs"].append(run)
        last_rows = rows
    out["client_s"] = B.stats([r["client_s"] for r in out["runs"] if r["imported"] == ROWS])
    out["copy_baseline"] = copy_baseline(args, last_rows, args.import_runs, args.work)
    c = out["copy_baseline"].get("copy_s") or {}
    B.log(f"  COPY baseline: p50 {c.get('p50', float('nan')):.3f}s")
    results["children_import"] = out


def add_server_times(results, access, app_log):
    """After the app stopped: server time (access log) and the app's own log line per run."""
    out = results.get("children_import")
    if not out:
        return
    imports = [x for x in app_log_imports(app_log) if x[1] == ROWS]
    for r in out["runs"]:
        entries = access.get(f"import-{r['run']}", [])
        r["server_s"] = entries[0]["us"] / 1e6 if entries else None
        if r["imported"] == ROWS and imports:
            r["app_log_at"] = dt.datetime.fromtimestamp(imports.pop(0)[0]).isoformat(timespec="milliseconds")
    out["server_s"] = B.stats([r["server_s"] for r in out["runs"]
                               if r.get("server_s") is not None and r["imported"] == ROWS])


def main():
    ap = argparse.ArgumentParser(description="write the 5,000-row children workbook")
    ap.add_argument("--write", required=True, help="where to write the XLSX")
    ap.add_argument("--village", action="append", default=[], help="village code (repeat); default 24640-01")
    ap.add_argument("--rows", type=int, default=ROWS)
    ap.add_argument("--tag", default="Bench Alpha")
    a = ap.parse_args()
    villages = [(v, "Thôn") for v in (a.village or ["24640-01"])]
    with open(a.write, "wb") as fh:
        fh.write(xlsx(child_rows(villages, dt.date.today(), a.tag, a.rows)))


if __name__ == "__main__":
    main()
