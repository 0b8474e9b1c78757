# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: the public register of 10,000 items, inside Odoo and behind nginx.

Plain Python with Odoo importable. It creates a throwaway database (installs
ppid_exempted without demo data), fills it in bulk with SQL, builds the stored
snapshots (the cron "PPID: refresh the public register"), starts a real Odoo
server on it and measures, in one run:

- inside Odoo: every public route, cold (its first request after the server
  loaded the registry) and full responses, conditional requests answered 304
  (If-None-Match, If-Modified-Since), Odoo's cheapest route `/web/health` for
  comparison, and the first request after a published row changed (the
  snapshot is rebuilt and stored by that request);
- the floor of Odoo's own request machinery: a throwaway addon
  (`ppid_bench_floor`, written to a temporary directory and installed with
  ppid_exempted) answers 304 from a constant on an `auth="public"`, readonly
  route, once without any query of its own and once after one indexed lookup;
  these, `/web/health` and the 304 of every public route are requested in
  turn, round after round, so that they share the machine's load;
- nginx (config/nginx.conf, on 127.0.0.1 and a high port; Debian's nginx,
  `apt-get install nginx-light`): the same bytes served from a file, and the
  cached `/ppid/` route proxied to Odoo, full and 304.

Every request opens a new connection (urllib), one at a time, from the same
machine. Prints the measurements and writes them to tests/bench/RESULTS.md;
the database is dropped afterwards.

Environment variables:
    PPID_BENCH_DB       database name (default ppid_bench_public); dropped first
    PPID_BENCH_PORT     HTTP port of the Odoo server (default 18869)
    PPID_NGINX_PORT     port of nginx (default 18870)
    PPID_BENCH_ITEMS    number of items of the register (default 10000)
    PPID_BENCH_RUNS     timed full requests per route (default 10)
    PPID_BENCH_KEEP_DB  set to 1 to keep the database afterwards
    ODOO_ADDONS_PATH    addons path (default: this repository's addons and
                        Odoo's own addons)

Run: python3 tests/bench/bench_public_routes.py
"""

import os
import platform
import random
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

from bench_common import RESULTS, odoo_command, replace_section

from odoo import release

REPO = Path(__file__).resolve().parents[2]
DB = os.environ.get("PPID_BENCH_DB", "ppid_bench_public")
PORT = int(os.environ.get("PPID_BENCH_PORT", "18869"))
NGINX_PORT = int(os.environ.get("PPID_NGINX_PORT", "18870"))
ITEMS = int(os.environ.get("PPID_BENCH_ITEMS", "10000"))
RUNS = int(os.environ.get("PPID_BENCH_RUNS", "10"))
CONDITIONAL_RUNS = 50
UNITS = 25
ODOO_ROOT = Path(release.__file__).resolve().parent.parent
FLOOR_DIR = Path(tempfile.mkdtemp(prefix="ppid_bench_floor_"))
ADDONS_PATH = (
    os.environ.get("ODOO_ADDONS_PATH", f"{REPO / 'addons'},{ODOO_ROOT / 'addons'}")
    + f",{FLOOR_DIR}"
)
ROUNDS = int(os.environ.get("PPID_BENCH_ROUNDS", "100"))
# The cheapest routes Odoo can serve with a database: 304 from a constant.
FLOOR_MANIFEST = """{
    "name": "PPID bench floor (throwaway)",
    "author": "PPID Exempted contributors",
    "version": "19.0.1.0.0",
    "depends": ["web"],
    "license": "LGPL-3",
    "installable": True,
}
"""
FLOOR_CONTROLLER = """
from odoo import http
from odoo.http import Response, request

ROUTE = {
    "type": "http",
    "auth": "public",
    "methods": ["GET"],
    "readonly": True,
    "save_session": False,
}


class Floor(http.Controller):
    @http.route("/ppid_bench_floor/constant", **ROUTE)
    def constant(self, **kwargs):
        response = Response(status=304)
        response.set_etag("floor")
        return response

    @http.route("/ppid_bench_floor/lookup", **ROUTE)
    def lookup(self, **kwargs):
        request.env.cr.execute("SELECT write_date FROM res_company WHERE id = 1")
        response = Response(status=304)
        response.set_etag(str(request.env.cr.fetchone()[0]))
        return response
"""


def write_floor_addon():
    addon = FLOOR_DIR / "ppid_bench_floor"
    (addon / "controllers").mkdir(parents=True, exist_ok=True)
    (addon / "__manifest__.py").write_text(FLOOR_MANIFEST)
    (addon / "__init__.py").write_text("from . import controllers\n")
    (addon / "controllers" / "__init__.py").write_text("from . import main\n")
    (addon / "controllers" / "main.py").write_text(FLOOR_CONTROLLER)


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


def create_database():
    subprocess.run(["dropdb", "--if-exists", DB], check=True)
    print(f"Installing ppid_exempted in {DB} ...", flush=True)
    write_floor_addon()
    subprocess.run(
        odoo_command(
            DB,
            "-i",
            "ppid_exempted,ppid_bench_floor",
            "--stop-after-init",
            port=PORT,
            addons=ADDONS_PATH,
        ),
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

    config.parse_config(
        [
            "-d",
            DB,
            f"--addons-path={ADDONS_PATH}",
            "--http-interface=127.0.0.1",
            "--log-level=warn",
        ]
    )
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
                opened_date, open_reason,
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


def wait_for(url):
    for _attempt in range(240):
        try:
            if fetch(url)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer")


def ms(seconds):
    return f"{seconds * 1000:.1f}" if seconds < 0.1 else f"{seconds * 1000:.0f}"


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def build_snapshots(company_id):
    """The cron's work, timed, and the queries of a conditional request."""
    from odoo import SUPERUSER_ID, api, sql_db
    from odoo.modules.registry import Registry

    registry = Registry(DB)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        snapshots = env["ppid.public.snapshot"]
        started = time.perf_counter()
        snapshots._cron_refresh()
        cron_seconds = time.perf_counter() - started
        cr.execute("SELECT count(*) FROM ppid_public_snapshot")
        stored = cr.fetchone()[0]
        before = cr.sql_log_count
        version = snapshots._version(company_id, "register.json")
        version_queries = cr.sql_log_count - before
        assert snapshots._is_current(company_id, "register.json", version)
    sql_db.close_db(DB)
    return {
        "cron_seconds": cron_seconds,
        "snapshots": stored,
        "version_queries": version_queries,
    }


def time_route(url, runs=RUNS, conditional_runs=CONDITIONAL_RUNS, cold=True):
    """Cold (first) request, `runs` full ones, then 304s."""
    result = {}
    if cold:
        status, headers, body, result["cold"] = fetch(url)
        assert status == 200, (url, status)
    timings = []
    for _run in range(runs):
        status, headers, body, elapsed = fetch(url)
        assert status == 200, (url, status)
        timings.append(elapsed)
    result.update(
        bytes=len(body),
        body=body,
        median=statistics.median(timings),
        p95=percentile(timings, 0.95),
        cache=headers.get("X-Cache-Status", ""),
        etag=headers["ETag"],
    )
    etag, last_modified = headers["ETag"], headers["Last-Modified"]
    for key, conditional in (
        ("304", {"If-None-Match": etag}),
        ("ims", {"If-Modified-Since": last_modified}),
    ):
        timings = []
        for _run in range(conditional_runs):
            status, _headers, empty, elapsed = fetch(url, conditional)
            assert status == 304 and not empty, (url, key, status)
            timings.append(elapsed)
        result[f"{key}_median"] = statistics.median(timings)
        result[f"{key}_p95"] = percentile(timings, 0.95)
    return result


def measure_odoo(base, company_id):
    # load the registry first: "cold" is then the route's own first request
    fetch(f"{base}/web/login")
    results = {}
    for route in ROUTES:
        results[route] = time_route(f"{base}/ppid/{company_id}/{route}")
        row = results[route]
        print(
            f"odoo {route:14} {row['bytes']:>10} B  cold {ms(row['cold']):>6} ms  "
            f"median {ms(row['median']):>6} ms  304 {ms(row['304_median']):>5} ms",
            flush=True,
        )
    timings = [fetch(f"{base}/web/health")[3] for _run in range(CONDITIONAL_RUNS)]
    health = statistics.median(timings)
    print(f"odoo /web/health median {ms(health)} ms", flush=True)
    return results, health


def measure_floor(base, company_id, odoo_results):
    """Odoo's floor and our 304s, in turn, round after round (shuffled)."""
    targets = {
        "/web/health": (f"{base}/web/health", {}, 200),
        "floor: auth=public, 304 from a constant": (
            f"{base}/ppid_bench_floor/constant",
            {},
            304,
        ),
        "floor + one indexed lookup": (f"{base}/ppid_bench_floor/lookup", {}, 304),
    }
    for route, row in odoo_results.items():
        targets[f"`/ppid/<id>/{route}` 304"] = (
            f"{base}/ppid/{company_id}/{route}",
            {"If-None-Match": row["etag"]},
            304,
        )
    timings = {name: [] for name in targets}
    order = list(targets)
    shuffler = random.Random(14)
    for name, (url, headers, expected) in targets.items():
        assert fetch(url, headers)[0] == expected, name  # warm-up
    for _round in range(ROUNDS):
        shuffler.shuffle(order)
        for name in order:
            url, headers, expected = targets[name]
            status, _headers, _body, elapsed = fetch(url, headers)
            assert status == expected, (name, status)
            timings[name].append(elapsed)
    result = {
        name: (statistics.median(values), percentile(values, 0.95))
        for name, values in timings.items()
    }
    health = result["/web/health"][0]
    floor = result["floor: auth=public, 304 from a constant"][0]
    for name, (median, _p95) in result.items():
        print(
            f"round-robin {name:45} {ms(median):>6} ms  x{median / health:.2f} health"
            f"  x{median / floor:.2f} floor",
            flush=True,
        )
    return result


def measure_after_change(base, company_id):
    """A published row changes: the next request rebuilds and stores."""
    subprocess.run(
        [
            "psql",
            "-q",
            "-d",
            DB,
            "-c",
            "UPDATE ppid_exempted_information SET title = title || ' (diubah)',"
            " write_date = now() at time zone 'UTC' WHERE id = (SELECT min(id)"
            " FROM ppid_exempted_information WHERE is_published"
            " AND state IN ('exempted', 'documented', 'expiring'))",
        ],
        check=True,
    )
    changed = {}
    for route in ("dik.json", "dik.csv"):
        url = f"{base}/ppid/{company_id}/{route}"
        status, _headers, body, rebuilt = fetch(url)
        assert status == 200 and b"(diubah)" in body
        status, _headers, body, stored = fetch(url)
        changed[route] = (rebuilt, stored)
        print(
            f"odoo {route} after a change: {ms(rebuilt)} ms, then {ms(stored)} ms",
            flush=True,
        )
    return changed


def nginx_config(workdir):
    """config/nginx.conf on loopback and the bench ports, with a location
    serving the same bytes from files."""
    text = (REPO / "config" / "nginx.conf").read_text()
    replacements = {
        "listen 8080;": f"listen 127.0.0.1:{NGINX_PORT};",
        "server 127.0.0.1:8069;": f"server 127.0.0.1:{PORT};",
        "/var/cache/nginx-ppid": str(workdir / "cache"),
        "/var/log/nginx/error.log": str(workdir / "error.log"),
        "/var/log/nginx/access.log": str(workdir / "access.log"),
        "        location / {": (
            f"        location /static-copy/ {{\n"
            f"            alias {workdir / 'files'}/;\n"
            f"        }}\n\n"
            "        location / {"
        ),
    }
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    path = workdir / "nginx.conf"
    path.write_text(text)
    return path


def measure_nginx(company_id, odoo_results):
    if not shutil.which("nginx"):
        print("nginx is not installed (apt-get install nginx-light): skipped")
        return None
    workdir = Path(tempfile.mkdtemp(prefix="ppid_bench_nginx_"))
    workdir.chmod(0o755)  # nginx's workers (nobody) read the files
    (workdir / "files").mkdir()
    for route in ("dik.json", "dik.csv"):
        (workdir / "files" / route).write_bytes(odoo_results[route]["body"])
    config_path = nginx_config(workdir)
    pid_file = workdir / "nginx.pid"
    server = subprocess.Popen(
        [
            "nginx",
            "-c",
            str(config_path),
            "-p",
            str(workdir),
            "-g",
            f"daemon off; pid {pid_file};",
        ]
    )
    base = f"http://127.0.0.1:{NGINX_PORT}"
    results = {}
    try:
        wait_for(f"{base}/static-copy/dik.json")
        for route in ("dik.json", "dik.csv"):
            results[f"file {route}"] = time_route(
                f"{base}/static-copy/{route}", cold=False
            )
            url = f"{base}/ppid/{company_id}/{route}"
            fetch(url)  # fills the cache (MISS)
            results[f"proxy {route}"] = time_route(url, cold=False)
            assert results[f"proxy {route}"]["body"] == odoo_results[route]["body"]
            assert results[f"file {route}"]["body"] == odoo_results[route]["body"]
        for key, row in results.items():
            print(
                f"nginx {key:15} median {ms(row['median']):>6} ms  "
                f"304 {ms(row['304_median']):>5} ms  {row['cache']}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)
    return results


def write_results(
    odoo_results, health, floor, changed, nginx, built, published, opened
):
    floor_health = floor["/web/health"][0]
    lines = [
        "## Public routes serving a register of "
        f"{ITEMS:,} items (`bench_public_routes.py`)",
        "",
        f"- Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {platform.machine()}, {os.cpu_count()} CPU(s) shared with "
        "other agents' work; Python "
        f"{platform.python_version()}; Odoo {release.version}; one threaded "
        "server (`--workers 0`) without a read replica (the readonly routes get "
        "a read/write cursor and store the snapshots they rebuild); "
        f"{nginx_version()}. Requests from the same machine, one at a time, "
        "each on a new connection (Python urllib; its own cost is included "
        "in every figure).",
        f"- Data: {ITEMS:,} items in {UNITS} units of one body, of which "
        f"{published:,} published and classified (the rows of the DIK feeds) and "
        f"{opened:,} opened again with an announcement (the rows of the opened "
        "feeds).",
        "- Load average (1, 5, 15 min) at the end of the run: "
        + ", ".join(f"{load:.2f}" for load in os.getloadavg())
        + " (the machine was shared with other work; timings vary with it).",
        f"- Snapshots: the cron built {built['snapshots']} stored "
        f"representations (feeds and every HTML page) in "
        f"{built['cron_seconds']:.1f} s; a conditional request costs "
        f"{built['version_queries']} SQL statement(s) of ours (the body's "
        "version, kept by triggers, by its unique index).",
        f"- Each route: one cold request (the first after the server loaded the "
        f"registry), then {RUNS} timed full requests, then {CONDITIONAL_RUNS} "
        f"with `If-None-Match` and {CONDITIONAL_RUNS} with `If-Modified-Since` "
        "(both answered 304).",
        "",
        "### Inside Odoo",
        "",
        "| Route | Size | Cold (ms) | Full median (ms) | Full p95 (ms) "
        "| 304 If-None-Match median (ms) | 304 p95 (ms) "
        "| 304 If-Modified-Since median (ms) "
        "| 304 / `/web/health` (round-robin below) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for route, row in odoo_results.items():
        lines.append(
            f"| `/ppid/<id>/{route}` | {row['bytes'] / 1024:,.0f} KiB "
            f"| {ms(row['cold'])} | {ms(row['median'])} | {ms(row['p95'])} "
            f"| {ms(row['304_median'])} | {ms(row['304_p95'])} "
            f"| {ms(row['ims_median'])} "
            f"| {floor[f'`/ppid/<id>/{route}` 304'][0] / floor_health:.2f} |"
        )
    lines += [
        f"| `/web/health` (Odoo's cheapest route; alone, after the routes) "
        f"| | | {ms(health)} | | | | | |",
        "",
        "### A 304 against Odoo's own floor",
        "",
        f"{ROUNDS} rounds; in each, every request below once, in a shuffled "
        "order (so that all share the same moments of the machine's load). "
        "The floor is the cheapest route Odoo serves with a database: "
        '`auth="public"`, readonly, no session saved, answering 304 from a '
        "constant (a throwaway addon of the bench). Odoo's machinery runs "
        "for it as for ours: a read-only cursor, the registry's signalling "
        "check (one query), the routing match, the public user's environment "
        "and the response's post-processing; `/web/health` "
        '(`auth="none"`) takes the same cursor, check and routing without a '
        "user.",
        "",
        "| Request | Median (ms) | p95 (ms) | / `/web/health` | / floor |",
        "|---|---:|---:|---:|---:|",
    ]
    floor_median = floor["floor: auth=public, 304 from a constant"][0]
    health_median = floor["/web/health"][0]
    for name, (median, p95) in floor.items():
        lines.append(
            f"| {name} | {ms(median)} | {ms(p95)} | {median / health_median:.2f} "
            f"| {median / floor_median:.2f} |"
        )
    lines += [
        "",
        "After a published row changed (the request rebuilds the snapshot from "
        "the rows and stores it; the next one streams it): "
        + "; ".join(
            f"`{route}` {ms(rebuilt)} ms, then {ms(stored)} ms"
            for route, (rebuilt, stored) in changed.items()
        )
        + ".",
        "",
    ]
    if nginx:
        lines += [
            "### Through nginx (config/nginx.conf)",
            "",
            "| What | Size | Full median (ms) | Full p95 (ms) "
            "| 304 median (ms) | 304 p95 (ms) | Full / file | 304 / file |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for route in ("dik.json", "dik.csv"):
            file_row = nginx[f"file {route}"]
            for key, label in (
                (f"file {route}", f"the same bytes as `{route}` from a file"),
                (f"proxy {route}", f"`/ppid/<id>/{route}`, cached by nginx"),
            ):
                row = nginx[key]
                lines.append(
                    f"| {label} | {row['bytes'] / 1024:,.0f} KiB "
                    f"| {ms(row['median'])} | {ms(row['p95'])} "
                    f"| {ms(row['304_median'])} | {ms(row['304_p95'])} "
                    f"| {row['median'] / file_row['median']:.2f} "
                    f"| {row['304_median'] / file_row['304_median']:.2f} |"
                )
        lines.append("")
    lines += [
        "The HTML pages show 100 rows a page (system parameter "
        "`ppid_exempted.public_page_size`); the CSV and JSON feeds hold every "
        "row. A full response streams the stored snapshot; a conditional request "
        "sends no body. Behind nginx, Odoo is asked again at most once a minute "
        "per URL (`Cache-Control: public, max-age=60, must-revalidate`), with "
        "a conditional request.",
        "",
    ]
    replace_section(RESULTS, "## Public routes serving a register of", "\n".join(lines))
    print(f"Written to {RESULTS}")


def nginx_version():
    if not shutil.which("nginx"):
        return "nginx not installed"
    output = subprocess.run(
        ["nginx", "-v"], capture_output=True, text=True, check=False
    ).stderr
    return output.strip().replace("nginx version: ", "")


def main():
    create_database()
    company_id, published, opened = fill_database()
    built = build_snapshots(company_id)
    print(
        f"cron: {built['snapshots']} snapshots in {built['cron_seconds']:.1f} s; "
        f"conditional request: {built['version_queries']} queries",
        flush=True,
    )
    server = subprocess.Popen(odoo_command(DB, port=PORT, addons=ADDONS_PATH))
    try:
        base = f"http://127.0.0.1:{PORT}"
        wait_for(f"{base}/web/health")
        odoo_results, health = measure_odoo(base, company_id)
        floor = measure_floor(base, company_id, odoo_results)
        nginx = measure_nginx(company_id, odoo_results)
        changed = measure_after_change(base, company_id)
    finally:
        server.terminate()
        server.wait(timeout=60)
    write_results(odoo_results, health, floor, changed, nginx, built, published, opened)
    shutil.rmtree(FLOOR_DIR, ignore_errors=True)
    if os.environ.get("PPID_BENCH_KEEP_DB") != "1":
        subprocess.run(["dropdb", "--force", "--if-exists", DB], check=True)


if __name__ == "__main__":
    main()
