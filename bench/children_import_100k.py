#!/usr/bin/env python3
"""Issue 7 benchmark driver: importing 100,000 children from one XLSX (target <= 30 s at -Xmx512m),
beside a PostgreSQL COPY of the same rows. Standard library only; run by children-import-100k.sh,
which builds and starts the app.

- Villages: the current villages of every commune of province 68 (Lâm Đồng) that has villages in
  the database; the import runs as the province officer tinh.lamdong, so one file spans several
  communes (falls back to Xã Cư Jút and xa.cujut when the province has no village).
- Children: deterministic (seed 100000 + run), realistic Vietnamese names (Kinh and Central
  Highlands families), aged 0-15, with a guardian, phone, poverty status, schooling by age,
  circumstances and consents (the guardian's; the child's own from 7 years), in the importer's own
  22-column format. Every (name, birth date) and (guardian, birth date) is unique in the file,
  across the runs and against the registry, so the duplicate check finds nothing to confirm.
- Each run uploads its workbook through the page (POST /children/import, form sign-in), timed end
  to end, then checks the registry grew by exactly the file's rows.
- Baseline: the same rows, mapped to the child table's columns, COPYed by psql into a scratch table
  made `like child including all` (types, checks, unique public code and every index).

Children's personal data is synthetic and never printed: only counts and timings are.
"""

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench as B  # noqa: E402
import children_import as C  # noqa: E402  (COLUMNS, xlsx, sign_in, upload)

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai", "Cao", "Hà", "Triệu", "Lò"]
MIDDLES_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành", "Gia", "Bảo", "Anh", "Đình", "Xuân"]
MIDDLES_F = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Bảo", "Minh", "Diệu", "Khánh", "Phương", "Mỹ", "Hồng"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khang", "Khoa",
           "Kiên", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phong", "Phúc", "Quân", "Sơn",
           "Tài", "Thắng", "Thiện", "Thịnh", "Toàn", "Trí", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ"]
GIVEN_F = ["Anh", "Ánh", "Châu", "Chi", "Diệp", "Dung", "Giang", "Hà", "Hân", "Hạnh", "Hoa", "Hương", "Huyền",
           "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhi", "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm",
           "Thảo", "Thư", "Thủy", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Xuân", "Yến"]
# Ê Đê and M'Nông naming: Y (boys) and H' (girls) before the given name, then the family name
HIGHLAND_FAMILIES = ["Niê", "Mlô", "Êban", "Ktla", "Byă", "Adrơng", "Knul", "Bdap", "Buôn Yă", "Hwing"]
HIGHLAND_GIVEN = ["Blang", "Sao", "Nhi", "Juê", "Thu", "Hlơi", "Duôn", "Krông", "Jô", "Ly", "Ben", "Nga", "Dam"]
# codes and names of reference/programme/ethnic-groups.csv; Kinh most often, then the Central Highlands' peoples
ETHNIC = [("01", "Kinh")] * 6 + [("12", "Ê-đê"), ("20", "Mnông"), ("16", "Cơ-ho"), ("28", "Mạ"), ("02", "Tày"),
                                ("07", "Nùng"), ("08", "HMông"), ("09", "Dao")]
RELATION = ["Mẹ", "Bố", "Bà", "Ông", "Cô", "Chú"]
CIRCUMSTANCES = ["", "", "", "HCDB04", "HCDB01", "HCDB04, HCDB01"]


def key(text):
    """Letters and digits only, folded: stricter than the app's fold, so keys unique here are unique there."""
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in t.lower() if ch.isalnum() and unicodedata.category(ch) != "Mn")


def person(rnd, female):
    if rnd.random() < 0.2:
        return ("H'" if female else "Y ") + rnd.choice(HIGHLAND_GIVEN) + " " + rnd.choice(HIGHLAND_FAMILIES)
    middles, given = (MIDDLES_F, GIVEN_F) if female else (MIDDLES_M, GIVEN_M)
    name = f"{rnd.choice(SURNAMES)} {rnd.choice(middles)} {rnd.choice(given)}"
    if rnd.random() < 0.3:  # many children carry a second given name
        name += " " + rnd.choice(given)
    return name


def schooling(age):
    if age < 3:
        return "Chưa đi học", ""
    if age < 6:
        return "Mầm non", "Trường Mầm non Hoa Ban"
    if age < 11:
        return "Tiểu học", "Trường Tiểu học Nguyễn Du"
    return "THCS", "Trường THCS Lê Quý Đôn"


def children(run, n, villages, today, taken):
    """n valid, consented children; `taken` holds the (name key, birth date) and (guardian key, birth date) already used."""
    rnd = random.Random(100000 + run)
    rows = []
    while len(rows) < n:
        i = len(rows)
        female = rnd.random() < 0.49
        name = person(rnd, female)
        born = today - dt.timedelta(days=rnd.randrange(30, 16 * 365 - 10))
        guardian_female = rnd.random() < 0.7
        guardian = person(rnd, guardian_female)
        if name == guardian:
            continue
        nk, gk = (key(name), born), ("g", key(guardian), born)
        if nk in taken or gk in taken:
            continue
        taken.add(nk)
        taken.add(gk)
        age = (today - born).days // 365
        seven = today >= born.replace(year=born.year + 7) if not (born.month == 2 and born.day == 29) else age >= 7
        consent_day = max(born, today - dt.timedelta(days=rnd.randrange(1, 60)))
        code, ethnic = rnd.choice(ETHNIC)
        village_code, village_name = villages[i % len(villages)]
        school_label, school = schooling(age)
        poverty = rnd.choice(["Hộ nghèo", "Hộ cận nghèo", "Không", "Không"])
        certificate = "" if poverty == "Không" else f"GCN-{run}{i:06d}"
        phone = f"09{rnd.randrange(10 ** 8):08d}"
        purposes = "Xử lý dữ liệu, Nhắc đến ẩn danh" if rnd.random() < 0.8 else "Xử lý dữ liệu"
        cells = [name, born.strftime("%d/%m/%Y"), "Nữ" if female else "Nam", f"{code} - {ethnic}",
                 f"{village_code} - {village_name}", guardian, rnd.choice(RELATION), phone, poverty, certificate,
                 school_label, school, rnd.choice(CIRCUMSTANCES), "", "", "", guardian,
                 consent_day.strftime("%d/%m/%Y"), "Văn bản", purposes,
                 name if seven else "", consent_day.strftime("%d/%m/%Y") if seven else ""]
        rows.append({"cells": cells, "born": born, "female": female, "ethnic": code, "village": village_code,
                     "consent": consent_day, "seven": seven, "poverty": poverty, "school": school_label})
    return rows


POVERTY = {"Hộ nghèo": "POOR", "Hộ cận nghèo": "NEAR_POOR", "Không": "NONE"}
SCHOOLING = {"Chưa đi học": "NOT_YET", "Mầm non": "PRESCHOOL", "Tiểu học": "PRIMARY", "THCS": "LOWER_SECONDARY"}
COPY_COLUMNS = ("public_code, status, full_name, name_folded, date_of_birth, birth_year, sex, ethnic_group_code,"
                " village_code, commune_code, guardian_name, guardian_folded, guardian_relationship, guardian_phone,"
                " household_poverty, poverty_certificate, schooling, school_name, circumstances,"
                " guardian_consent_by, guardian_consent_date, guardian_consent_method, consent_purposes,"
                " child_consent_by, child_consent_date, created_by")


def copy_csv(rows, run, commune_of, codes):
    """The rows as the child table's columns (what the importer writes), CSV for psql's \\copy;
    public codes unique across runs (`codes`)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    rnd = random.Random(900 + run)
    for r in rows:
        c = r["cells"]
        code = None
        while code is None or code in codes:
            code = "TE-" + "".join(rnd.choice(alphabet) for _ in range(6))
        codes.add(code)
        circumstances = "{" + ",".join(sorted(x.strip() for x in c[12].split(",") if x.strip())) + "}"
        purposes = "{" + ",".join(sorted({"Xử lý dữ liệu": "PROCESSING", "Nhắc đến ẩn danh": "ANONYMOUS_MENTION"}[p.strip()]
                                         for p in c[19].split(","))) + "}"
        consent = r["consent"].isoformat()
        w.writerow([code, "ACTIVE", c[0], C.fold(c[0]), r["born"].isoformat(), r["born"].year,
                    "FEMALE" if r["female"] else "MALE", r["ethnic"], r["village"], commune_of[r["village"]],
                    c[5], C.fold(c[5]), c[6], c[7], POVERTY[c[8]], c[9], SCHOOLING[c[10]], c[11], circumstances,
                    c[16], consent, "WRITTEN", purposes, c[20], consent if r["seven"] else "", "tinh.lamdong"])
    return buf.getvalue()


def page_problems(html):
    """What the import page said: its alerts and the first rows of its problem table (synthetic data only)."""
    def text(fragment):
        return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())
    alerts = [text(a) for a in re.findall(r'<div class="alert[^"]*"[^>]*>(.*?)</div>', html, re.S)]
    rows = [" / ".join(text(td) for td in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S))
            for tr in re.findall(r'<tr class="table-danger">(.*?)</tr>', html, re.S)[:3]]
    return "; ".join(a for a in alerts + rows if a)[:400] or text(html)[-300:]


def psql(args, sql, timeout=300):
    out = subprocess.run(C.psql_base(args) + ["-At", "-F", "\t", "-c", sql], capture_output=True, text=True,
                         timeout=timeout, env=dict(os.environ, PGCONNECT_TIMEOUT="10"))
    if out.returncode != 0:
        raise RuntimeError(f"psql failed: {out.stderr.strip()[:300]}")
    return [line.split("\t") for line in out.stdout.splitlines() if line]


def villages_of_province(args, province, today):
    valid = lambda a: (f"({a}.valid_from is null or {a}.valid_from <= date '{today}')"  # noqa: E731
                       f" and ({a}.valid_to is null or {a}.valid_to >= date '{today}')")
    return [(r[0], r[1], r[2]) for r in psql(args, f"""
        select v.code, v.name, v.parent_code from org_unit v join org_unit c on c.code = v.parent_code and {valid('c')}
        where c.parent_code = '{province}' and {valid('v')}
          and v.unit_type in ('Thôn', 'Buôn', 'Bon', 'Bản', 'Ấp', 'Tổ dân phố', 'Làng', 'Xóm')
        order by v.code""")]


def copy_baseline(args, rows, run, commune_of, workdir, codes):
    path = os.path.join(workdir, f"copy-{run}.csv")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(copy_csv(rows, run, commune_of, codes))
    script = ("\\timing on\n"
              f"\\copy bench_child_copy ({COPY_COLUMNS}) from '{path}' with (format csv, null '')\n")
    out = subprocess.run(C.psql_base(args), input=script, capture_output=True, text=True, timeout=600,
                         env=dict(os.environ, PGCONNECT_TIMEOUT="10"))
    os.remove(path)
    if out.returncode != 0:
        B.log(f"COPY failed: {out.stderr.strip()[:300]}")
        return None
    m = re.search(r"Time: ([\d.,]+) ms", out.stdout)
    return float(m.group(1).replace(",", "")) / 1000.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--http-port", type=int, required=True)
    ap.add_argument("--db-port", type=int, required=True)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--password", default="demo12345")
    args = ap.parse_args()
    today = dt.date.today()
    villages = villages_of_province(args, "68", today)
    user = "tinh.lamdong"
    if not villages:
        villages = [(code, name, "24640") for code, name in C.villages_of(args, "24640", today)]
        user = "xa.cujut"
    commune_of = {v[0]: v[2] for v in villages}
    communes = sorted(set(commune_of.values()))
    B.log(f"{len(villages)} villages of {len(communes)} communes; importing as {user}")
    taken = set()
    for name_folded, guardian_folded, born in psql(args, "select coalesce(name_folded, ''), coalesce(guardian_folded, ''),"
                                                         " date_of_birth from child where date_of_birth is not null"):
        d = dt.date.fromisoformat(born)
        taken.add((key(name_folded), d))
        taken.add(("g", key(guardian_folded), d))
    psql(args, "drop table if exists bench_child_copy; create table bench_child_copy (like child including all)")
    client = C.sign_in(args.http_port, user, args.password)
    client.conn.timeout = 1800  # a slow import must not look like a lost connection
    if client.conn.sock is not None:
        client.conn.sock.settimeout(1800)
    warm = children(99, 50, [(v[0], v[1]) for v in villages], today, taken)
    took, status, flash, _ = C.upload(client, C.xlsx(warm), "warmup.xlsx", "import-warmup")
    B.log(f"warm-up import of 50 rows: {took:.2f}s, status {status}, {flash}")
    codes = set()
    results = {"rows": args.rows, "villages": len(villages), "communes": len(communes), "user": user, "runs": []}
    for run in range(1, args.runs + 1):
        t = time.perf_counter()
        rows = children(run, args.rows, [(v[0], v[1]) for v in villages], today, taken)
        content = C.xlsx(rows)
        gen = time.perf_counter() - t
        before = int(psql(args, "select count(*) from child")[0][0])
        load = B.loadavg()
        took, status, flash, html = C.upload(client, content, f"tre-em-{run}.xlsx", f"import-{run}")
        after = int(psql(args, "select count(*) from child")[0][0])
        entry = {"run": run, "import_s": took, "status": status, "imported": after - before,
                 "xlsx_bytes": len(content), "generate_s": gen, "loadavg_before": load}
        if after - before != args.rows:
            entry["refused"] = page_problems(html)
            B.log(f"run {run}: {after - before} of {args.rows} imported, status {status}: {entry['refused']}")
        else:
            B.log(f"run {run}: {args.rows} rows in {took:.2f}s ({len(content) // (1024 * 1024)} MB xlsx)")
        entry["copy_s"] = copy_baseline(args, rows, run, commune_of, args.work, codes)
        if entry["copy_s"] is not None:
            B.log(f"run {run}: COPY of the same rows {entry['copy_s']:.2f}s")
        results["runs"].append(entry)
        del rows, content
    psql(args, "drop table bench_child_copy")
    ok = [r["import_s"] for r in results["runs"] if r["imported"] == args.rows]
    results["import_s"] = B.stats(ok)
    results["copy_s"] = B.stats([r["copy_s"] for r in results["runs"] if r["copy_s"] is not None])
    with open(os.path.join(args.out, "results.json"), "w") as fh:
        json.dump(results, fh, indent=1, ensure_ascii=False)
    i, c = results["import_s"], results["copy_s"]
    print()
    print(f"| child import ({args.rows:,} rows, {len(communes)} communes, {len(villages)} villages, as {user}) | value |")
    print("| --- | --- |")
    for r in results["runs"]:
        copy_s = "failed" if r["copy_s"] is None else f"{r['copy_s']:.1f} s"
        print(f"| run {r['run']}: imported / upload to answer / COPY | {r['imported']:,} / {r['import_s']:.1f} s"
              f" / {copy_s} |" + ("" if r["imported"] == args.rows else f" refused: {r.get('refused', '')[:200]}"))
    if i and c:
        print(f"| import p50 (min–max) of {i['n']} | **{i['p50']:.1f} s** ({i['min']:.1f}–{i['max']:.1f}) (target <= 30 s) |")
        print(f"| COPY p50 (min–max) | {c['p50']:.1f} s ({c['min']:.1f}–{c['max']:.1f}) |")
        print(f"| ratio import / COPY (p50) | {i['p50'] / c['p50']:.1f} |")
    else:
        print("| import | no run imported the whole file |")


if __name__ == "__main__":
    main()
