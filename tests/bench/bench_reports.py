# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: the printed and exported register (issue 14, targets: XLSX of
10,000 rows in at most 3 s, register PDF of 1,000 rows in at most 15 s with
wkhtmltopdf).

Creates a throwaway database (ppid_exempted, no demo), fills it by SQL with
classified items (every text column filled as a real register would be),
starts an Odoo server on it (wkhtmltopdf fetches the report's stylesheets from
it, through `report.url`) and measures in this process:

- XLSX: the rows of the register at a date (ppid.register) and the workbook,
  as the download route builds them;
- PDF: the QWeb report of the live register, HTML and wkhtmltopdf included,
  as the register wizard prints it.

Each measurement is the median of `--runs` runs; then one more run under
tracemalloc gives the peak of Python allocations, and the largest resident
set of a child process gives wkhtmltopdf's. Writes tests/bench/RESULTS.md
(section "Printed and exported register"); the database is dropped.

    python3 tests/bench/bench_reports.py [--xlsx-rows 10000] [--pdf-rows 1000]
        [--runs 3]
    python3 tests/bench/bench_reports.py --pdf-rows 10 --sample /tmp/register
        (only the PDF of 10 rows and a PNG of each page, to look at)
"""

import argparse
import os
import platform
import resource
import statistics
import subprocess
import time
import tracemalloc
import urllib.request
from datetime import date, datetime, timezone
from pathlib import Path

from bench_common import (
    RESULTS,
    addons_path,
    create_database,
    odoo_command,
    replace_section,
)

import odoo
import odoo.sql_db
from odoo import api
from odoo.modules.registry import Registry
from odoo.tools import config

DB = os.environ.get("PPID_BENCH_DB", "ppid_bench_reports")
PORT = int(os.environ.get("PPID_BENCH_PORT", "18871"))
DAY = date(2026, 6, 1)
UNITS = 25


def fill(registry, size):
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        env["ir.config_parameter"].set_param("report.url", f"http://127.0.0.1:{PORT}")
        cr.execute("DELETE FROM ppid_exempted_information")
        utama = env["ppid.unit"].search([("code", "=", "UTAMA")]) or env[
            "ppid.unit"
        ].create({"name": "PPID Utama", "code": "UTAMA", "unit_type": "utama"})
        units = env["ppid.unit"].search([("parent_id", "=", utama.id)]) or env[
            "ppid.unit"
        ].create(
            [
                {
                    "name": f"Dinas Perangkat Daerah {n:02d}",
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
                create_uid, write_uid, create_date, write_date)
            SELECT
                'DIK/2026/' || lpad(n::text, 5, '0'),
                'Berkas perkara penyidikan tindak pidana nomor ' || n
                    || ' beserta lampiran dan berita acara pemeriksaan saksi',
                'Uraian ' || n, 'Dokumen sumber ' || n,
                (%(units)s)[1 + n %% %(unit_count)s], %(company)s,
                %(basis)s, %(subpoint)s, 'a',
                'Apabila dibuka dapat menghambat proses penyidikan yang sedang '
                    || 'berjalan, mengungkap identitas saksi dan pelapor, serta '
                    || 'memberi kesempatan bagi tersangka untuk menghilangkan '
                    || 'barang bukti (informasi nomor ' || n || ').',
                'Apabila ditutup, kelancaran penegakan hukum dan perlindungan '
                    || 'saksi terjaga sampai perkara diputus pengadilan.',
                'Catatan kepentingan publik ' || n,
                'part', 'Halaman 3-5', 'date', DATE '2031-01-05',
                'PP 61/2010 Pasal 5 ayat (1)', DATE '2027-01-05',
                'exempted', TRUE, 1, TIMESTAMP '2026-01-05 09:00:00',
                '188.4/' || (1 + n %% 40) || '/2026', DATE '2026-01-06',
                1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
            FROM generate_series(1, %(size)s) AS n
            """,
            {
                "units": units.ids,
                "unit_count": len(units),
                "company": env.company.id,
                "basis": basis.id,
                "subpoint": subpoint.id,
                "size": size,
            },
        )
        cr.execute("ANALYZE ppid_exempted_information")


def xlsx(env):
    builder = env["ppid.register"]
    register = builder._live_register(env.company, DAY)
    content = builder._register_xlsx(register)
    return len(register["rows"]), len(content)


def pdf(env):
    content, _kind = env["ir.actions.report"]._render_qweb_pdf(
        "ppid_exempted.ppid_register_report",
        res_ids=None,
        data={"company_id": env.company.id, "date": str(DAY)},
    )
    assert content.startswith(b"%PDF"), content[:200]
    return None, len(content)


def children_rss():
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024


def measure(registry, size, function, runs):
    fill(registry, size)
    children_before = children_rss()
    timings = []
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tz": "Asia/Makassar"})
        function(env)  # warm-up: templates compiled, ormcaches
        for _run in range(runs):
            env.invalidate_all()
            started = time.perf_counter()
            rows, size_bytes = function(env)
            timings.append(time.perf_counter() - started)
        env.invalidate_all()
        tracemalloc.start()
        function(env)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        cr.rollback()
    children = children_rss()
    return {
        "rows": rows if rows is not None else size,
        "median": statistics.median(timings),
        "max": max(timings),
        "python_peak": peak,
        "bytes": size_bytes,
        # the high-water mark of the finished children; None when this
        # measurement's children stayed below the install's
        "children_rss": children if children > children_before else None,
        "children_before": children_before,
    }


def write_results(xlsx_result, pdf_result, runs, load_start):
    mib = 1024 * 1024
    lines = [
        "## Printed and exported register (`bench_reports.py`)",
        "",
        f"- Run: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; median of "
        f"{runs} runs after one warm-up; then one run under tracemalloc.",
        f"- Machine: {platform.machine()}, {os.cpu_count()} CPU(s) shared with "
        f"other agents' work; Python {platform.python_version()}; Odoo "
        f"{odoo.release.version}; {wkhtmltopdf_version()}.",
        "- Load average (1, 5, 15 min) at start: "
        + ", ".join(f"{load:.2f}" for load in load_start)
        + "; at the end: "
        + ", ".join(f"{load:.2f}" for load in os.getloadavg())
        + ".",
        "",
        "| Document | Rows | Size | Median (s) | Slowest (s) | Target (s) "
        "| Median / target | Python peak (MiB) | Largest child RSS (MiB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, result, target in (
        ("Register XLSX (rows + workbook)", xlsx_result, 3),
        ("Register PDF (QWeb + wkhtmltopdf)", pdf_result, 15),
    ):
        if not result:
            continue
        lines.append(
            f"| {label} | {result['rows']:,} | {result['bytes'] / 1024:,.0f} KiB "
            f"| {result['median']:.2f} | {result['max']:.2f} | {target} "
            f"| {result['median'] / target:.2f} "
            f"| {result['python_peak'] / mib:.1f} "
            + (
                f"| {result['children_rss'] / mib:.0f} |"
                if result["children_rss"]
                else f"| below {result['children_before'] / mib:.0f} |"
            )
        )
    lines += [
        "",
        "Python peak: allocations traced while building the document (the "
        "rows, the workbook, the HTML). Largest child RSS: the largest "
        'resident set of the wkhtmltopdf processes ("below N" when they '
        "stayed below the Odoo install run before, whose peak is N; the XLSX "
        "starts no process).",
    ]
    replace_section(RESULTS, "## Printed and exported register", "\n".join(lines))


def wkhtmltopdf_version():
    try:
        output = subprocess.run(
            ["wkhtmltopdf", "--version"], capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        return "wkhtmltopdf not installed"
    return output.strip()


def wait_for_server():
    for _attempt in range(240):
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{PORT}/web/health", timeout=5
            ) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("The Odoo server did not start")


def sample(registry, rows, directory):
    """The register PDF of `rows` rows, and its pages as PNG, in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    fill(registry, rows)
    server = subprocess.Popen(odoo_command(DB, port=PORT))
    try:
        wait_for_server()
        urllib.request.urlopen(f"http://127.0.0.1:{PORT}/web/login", timeout=120)
        with registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {"tz": "Asia/Makassar"})
            content, _kind = env["ir.actions.report"]._render_qweb_pdf(
                "ppid_exempted.ppid_register_report",
                res_ids=None,
                data={"company_id": env.company.id, "date": str(DAY)},
            )
    finally:
        server.terminate()
        server.wait(timeout=60)
    path = directory / f"register-{rows}.pdf"
    path.write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", str(path), str(path.with_suffix(""))],
        check=True,
    )
    print(f"{path} ({len(content):,} bytes) and its pages as PNG in {directory}")
    Registry.delete(DB)
    odoo.sql_db.close_db(DB)
    subprocess.run(["dropdb", "--force", "--if-exists", DB], check=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--xlsx-rows", type=int, default=10000)
    parser.add_argument("--pdf-rows", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--sample",
        metavar="DIR",
        help="only print the register PDF of --pdf-rows rows into DIR, with one "
        "PNG a page (pdftoppm), to look at; nothing is measured or written to "
        "RESULTS.md",
    )
    args = parser.parse_args()
    load_start = os.getloadavg()
    create_database(DB, port=PORT)
    config.parse_config(
        [
            "-d",
            DB,
            f"--addons-path={addons_path()}",
            "--log-level=warn",
            "--http-interface=127.0.0.1",
        ]
    )
    registry = Registry(DB)
    if args.sample:
        sample(registry, args.pdf_rows, Path(args.sample))
        return
    xlsx_result = measure(registry, args.xlsx_rows, xlsx, args.runs)
    print(
        f"XLSX {xlsx_result['rows']:,} rows: {xlsx_result['median']:.2f} s, "
        f"Python peak {xlsx_result['python_peak'] / 2**20:.1f} MiB",
        flush=True,
    )
    server = subprocess.Popen(odoo_command(DB, port=PORT))
    try:
        wait_for_server()
        urllib.request.urlopen(f"http://127.0.0.1:{PORT}/web/login", timeout=120)
        pdf_result = measure(registry, args.pdf_rows, pdf, args.runs)
    finally:
        server.terminate()
        server.wait(timeout=60)
    print(
        f"PDF {pdf_result['rows']:,} rows: {pdf_result['median']:.2f} s, "
        f"Python peak {pdf_result['python_peak'] / 2**20:.1f} MiB, "
        f"largest child {(pdf_result['children_rss'] or 0) / 2**20:.0f} MiB",
        flush=True,
    )
    write_results(xlsx_result, pdf_result, args.runs, load_start)
    Registry.delete(DB)
    odoo.sql_db.close_db(DB)
    subprocess.run(["dropdb", "--force", "--if-exists", DB], check=True)


if __name__ == "__main__":
    main()
