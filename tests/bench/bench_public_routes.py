# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: the public routes serving a register of 10,000 items.

Plain Python with Odoo importable. It creates a throwaway database (installs
ppid_exempted without demo data), fills it in bulk with SQL, starts a real
Odoo server on it, times the public routes (full responses and conditional
requests answered with 304), prints the measurements and writes them to
tests/bench/RESULTS.md. The database is dropped afterwards.

Environment variables:
    PPID_BENCH_DB       database name (default ppid_bench_public); dropped first
    PPID_BENCH_PORT     HTTP port of the server (default 18869)
    PPID_BENCH_ITEMS    number of items of the register (default 10000)
    PPID_BENCH_RUNS     timed full requests per route (default 10)
    PPID_BENCH_KEEP_DB  set to 1 to keep the database afterwards
    ODOO_ADDONS_PATH    addons path (default: this repository's addons and
                        Odoo's own addons)

Run: python3 tests/bench/bench_public_routes.py
"""

import os
import platform
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

from odoo import release

REPO = Path(__file__).resolve().parents[2]
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
DB = os.environ.get("PPID_BENCH_DB", "ppid_bench_public")
PORT = int(os.environ.get("PPID_BENCH_PORT", "18869"))
ITEMS = int(os.environ.get("PPID_BENCH_ITEMS", "10000"))
RUNS = int(os.environ.get("PPID_BENCH_RUNS", "10"))
CONDITIONAL_RUNS = 50
UNITS = 25
ODOO_ROOT = Path(release.__file__).resolve().parent.parent
ADDONS_PATH = os.environ.get(
    "ODOO_ADDONS_PATH", f"{REPO / 'addons'},{ODOO_ROOT / 'addons'}"
)
ROUTES = (
    "dik",
    "dik?page=40",
    "opened",
    "dik.json",
    "dik.csv",
    "opened.json",
    "opened.csv",
)
TIMEOUT = 120


def odoo_command(*args):
    return [
        sys.executable,
        "-m",
        "odoo",
        "server",
        "-d",
        DB,
        f"--addons-path={ADDONS_PATH}",
        "--http-interface=127.0.0.1",
        f"--http-port={PORT}",
        "--max-cron-threads=0",
        "--log-level=warn",
        *args,
    ]


def create_database():
    subprocess.run(["dropdb", "--if-exists", DB], check=True)
    print(f"Installing ppid_exempted in {DB} ...", flush=True)
    subprocess.run(
        odoo_command("-i", "ppid_exempted", "--stop-after-init"),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def fill_database():
    """Units through the ORM, items and DIP entries in bulk with SQL.

    Of the items, 80% are published and classified, 5% classified but not
    published, 5% drafts (published flag set, never shown) and 10% opened
    again with a DIP entry (the announcements feed).
    """
    from odoo import SUPERUSER_ID, api, sql_db
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-d", DB, f"--addons-path={ADDONS_PATH}"])
    registry = Registry(DB)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        company = env.company
        utama = env["ppid.unit"].create(
            {"name": "PPID Utama", "code": "UTAMA", "unit_type": "utama"}
        )
        units = env["ppid.unit"].create(
            [
                {
                    "name": f"Perangkat Daerah {n:02d}",
                    "code": f"PD{n:02d}",
                    "parent_id": utama.id,
                }
                for n in range(1, UNITS + 1)
            ]
        )
        basis = env.ref("ppid_exempted.legal_basis_a")
        subpoint = env.ref("ppid_exempted.legal_basis_a_1")
        env.flush_all()
        cr.execute(
            """
            INSERT INTO ppid_exempted_information (
                name, title, description, source_document, unit_id, company_id,
                legal_basis_id, legal_subpoint_id, huruf,
                harm_if_opened, interest_if_closed, public_interest_note,
                exemption_scope, exempt_part, period_type, period_end_date,
                period_basis, review_date, state, active,
                approved_by_id, approved_datetime, decree_reference, decree_date,
                opened_date, open_reason, hardcopy_location,
                is_published, published_harm_summary, published_interest_summary,
                create_uid, write_uid, create_date, write_date)
            SELECT
                'DIK/2026/' || lpad(n::text, 5, '0'),
                'Informasi dikecualikan nomor ' || n || ' tentang berkas perkara',
                'Uraian lengkap (rahasia) ' || n,
                'Dokumen sumber ' || n,
                (%(units)s)[1 + n %% %(unit_count)s],
                %(company)s,
                %(basis)s, %(subpoint)s, 'a',
                'Analisis akibat bila dibuka (rahasia) ' || n,
                'Kepentingan yang dilindungi (rahasia) ' || n,
                'Catatan kepentingan publik ' || n,
                'part', 'Halaman 3-5', 'date', DATE '2031-01-05',
                'PP 61/2010 Pasal 5 ayat (1)', DATE '2027-01-05',
                CASE
                    WHEN n %% 20 = 0 THEN 'draft'
                    WHEN n %% 10 = 5 THEN 'opened'
                    WHEN n %% 3 = 0 THEN 'documented'
                    ELSE 'exempted'
                END,
                TRUE,
                %(uid)s, TIMESTAMP '2026-01-05 09:00:00',
                '188.4/' || (1 + n %% 40) || '/2026', DATE '2026-01-06',
                CASE WHEN n %% 10 = 5 THEN DATE '2026-06-01' END,
                CASE WHEN n %% 10 = 5 THEN 'period_ended' END,
                'Ruang Arsip, Lemari ' || (1 + n %% 9),
                n %% 20 <> 10,
                'Ringkasan akibat bila dibuka untuk informasi nomor ' || n
                    || ': dapat menghambat proses penyidikan yang sedang berjalan.',
                'Ringkasan kepentingan yang dilindungi untuk informasi nomor ' || n
                    || ': kelancaran penegakan hukum.',
                %(uid)s, %(uid)s, now() at time zone 'UTC', now() at time zone 'UTC'
            FROM generate_series(1, %(items)s) AS n
            """,
            {
                "units": units.ids,
                "unit_count": len(units),
                "company": company.id,
                "basis": basis.id,
                "subpoint": subpoint.id,
                "uid": SUPERUSER_ID,
                "items": ITEMS,
            },
        )
        cr.execute(
            """
            INSERT INTO ppid_public_information (
                name, information_id, unit_id, company_id, opened_date, open_reason,
                announcement, create_uid, write_uid, create_date, write_date)
            SELECT title, id, unit_id, company_id, opened_date, open_reason,
                   name || ' (' || title || ') menjadi informasi publik sejak '
                       || opened_date || ': jangka waktu pengecualian berakhir.',
                   %(uid)s, %(uid)s, now() at time zone 'UTC', now() at time zone 'UTC'
              FROM ppid_exempted_information WHERE state = 'opened'
            """,
            {"uid": SUPERUSER_ID},
        )
        cr.execute("ANALYZE ppid_exempted_information")
        cr.execute("ANALYZE ppid_public_information")
        cr.execute(
            """
            SELECT count(*) FILTER (WHERE is_published AND state IN
                                    ('exempted', 'documented', 'expiring')),
                   count(*) FILTER (WHERE state = 'opened')
              FROM ppid_exempted_information WHERE company_id = %s
            """,
            [company.id],
        )
        published, opened = cr.fetchone()
        company_id = company.id
    sql_db.close_db(DB)
    return company_id, published, opened


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            body = response.read()
            status, response_headers = response.status, response.headers
    except urllib.error.HTTPError as error:  # 304 arrives as an "error"
        body = error.read()
        status, response_headers = error.code, error.headers
    return status, response_headers, body, time.perf_counter() - start


def wait_for_server(base):
    for _attempt in range(240):
        try:
            if fetch(f"{base}/web/health")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("The Odoo server did not start")


def ms(seconds):
    return f"{seconds * 1000:.0f}"


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure(base, company_id):
    results = []
    for route in ROUTES:
        url = f"{base}/ppid/{company_id}/{route}"
        status, headers, body, cold = fetch(url)
        assert status == 200, (route, status)
        timings = []
        for _run in range(RUNS):
            status, headers, body, elapsed = fetch(url)
            assert status == 200, (route, status)
            timings.append(elapsed)
        etag, last_modified = headers["ETag"], headers["Last-Modified"]
        not_modified = []
        for _run in range(CONDITIONAL_RUNS):
            status, _headers, empty, elapsed = fetch(url, {"If-None-Match": etag})
            assert status == 304 and not empty, (route, status)
            not_modified.append(elapsed)
        since = []
        for _run in range(CONDITIONAL_RUNS):
            status, _headers, _empty, elapsed = fetch(
                url, {"If-Modified-Since": last_modified}
            )
            assert status == 304, (route, status)
            since.append(elapsed)
        results.append(
            {
                "route": f"/ppid/<id>/{route}",
                "bytes": len(body),
                "cold": cold,
                "median": statistics.median(timings),
                "p95": percentile(timings, 0.95),
                "304_median": statistics.median(not_modified),
                "304_p95": percentile(not_modified, 0.95),
                "ims_median": statistics.median(since),
            }
        )
        print(
            f"{route:14} {len(body):>10} B  cold {ms(cold):>6} ms  "
            f"median {ms(results[-1]['median']):>6} ms  "
            f"p95 {ms(results[-1]['p95']):>6} ms  "
            f"304 median {ms(results[-1]['304_median']):>4} ms",
            flush=True,
        )
    return results


def write_results(results, published, opened):
    lines = [
        "# Benchmark results",
        "",
        "## Public routes serving a register of "
        f"{ITEMS:,} items (`bench_public_routes.py`)",
        "",
        f"- Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {platform.machine()}, {os.cpu_count()} CPU(s) shared with "
        "other work; Python "
        f"{platform.python_version()}; Odoo {release.version}; one threaded "
        "server (`--workers 0`), requests from the same machine, one at a time.",
        f"- Data: {ITEMS:,} items in {UNITS} units of one body, of which "
        f"{published:,} published and classified (the rows of the DIK feeds) and "
        f"{opened:,} opened again with an announcement (the rows of the opened "
        "feeds).",
        "- Load average (1, 5, 15 min) at the end of the run: "
        + ", ".join(f"{load:.2f}" for load in os.getloadavg())
        + " (the machine was shared with other test runs; timings vary with it).",
        f"- Each route: one cold request, then {RUNS} timed full requests, then "
        f"{CONDITIONAL_RUNS} requests with `If-None-Match` and "
        f"{CONDITIONAL_RUNS} with `If-Modified-Since` (both answered 304).",
        "",
        "| Route | Size | Cold (ms) | Full median (ms) | Full p95 (ms) "
        "| 304 If-None-Match median (ms) | 304 p95 (ms) "
        "| 304 If-Modified-Since median (ms) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results:
        lines.append(
            f"| `{row['route']}` | {row['bytes'] / 1024:,.0f} KiB | {ms(row['cold'])} "
            f"| {ms(row['median'])} | {ms(row['p95'])} | {ms(row['304_median'])} "
            f"| {ms(row['304_p95'])} | {ms(row['ims_median'])} |"
        )
    lines += [
        "",
        "The HTML pages show 100 rows a page (system parameter "
        "`ppid_exempted.public_page_size`); the CSV and JSON feeds hold every "
        "row. A full response reads the rows (one query for the items, batched "
        "reads of units and legal bases) and renders them; a conditional request "
        "costs one aggregate query over the body's rows (ETag and Last-Modified) "
        "and sends no body.",
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print(f"Written to {RESULTS}")


def main():
    create_database()
    company_id, published, opened = fill_database()
    server = subprocess.Popen(odoo_command())
    try:
        base = f"http://127.0.0.1:{PORT}"
        wait_for_server(base)
        results = measure(base, company_id)
    finally:
        server.terminate()
        server.wait(timeout=60)
    write_results(results, published, opened)
    if os.environ.get("PPID_BENCH_KEEP_DB") != "1":
        subprocess.run(["dropdb", "--force", "--if-exists", DB], check=True)


if __name__ == "__main__":
    main()
