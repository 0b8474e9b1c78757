"""Benchmark of the daily expiry cron (issue 5).

Creates a throwaway database with the addon, fills it with N classified items
by SQL (with ``--published``, all of them published: the cron's writes then
also change the public register and bump its version, ppid.public.version),
and runs ``_cron_expiry`` once per size, counting SQL queries and time.
Three series: a daily churn of 100 items warned and 100 opened whatever the
size of the register (the normal day); a worst case where 5% are warned and 5%
opened on the same day; and "all", where every item changes (half warned,
half opened: 10,000 changes at N = 10,000, the target of issue 14: at most
5 s, queries O(batches)). The other items end years later.

    python3 tests/bench/bench_expiry.py [--sizes 1000 10000 100000]
        [--series daily worst all] [--profile] [--published]
        [--compare-version-triggers]

Needs Odoo 19 importable by python3 and PostgreSQL; writes the results to
tests/bench/RESULTS.md (section "Expiry cron").
"""

import argparse
import cProfile
import os
import pstats
import subprocess
import time
from datetime import date, datetime, timezone

from bench_common import RESULTS, addons_path, create_database

import odoo
import odoo.sql_db
from odoo.modules.registry import Registry
from odoo.tools import SQL, config

DB = os.environ.get("PPID_BENCH_DB", "ppid_bench_expiry")
TODAY = date(2026, 3, 11)  # 30 working days before 30 April 2026


def fill(cr, size, changing, published=False):
    """Insert `size` documented items, `changing` warned and `changing` ending."""
    cr.execute(
        "DELETE FROM mail_activity WHERE res_model = 'ppid.exempted.information'"
    )
    cr.execute("DELETE FROM ppid_public_information")
    cr.execute("DELETE FROM ppid_exempted_information")
    cr.execute("SELECT id FROM res_company ORDER BY id LIMIT 1")
    company_id = cr.fetchone()[0]
    cr.execute(
        "INSERT INTO ppid_unit (name, complete_name, unit_type, company_id, active)"
        " VALUES ('Bench', 'Bench', 'pelaksana', %s, true) RETURNING id",
        [company_id],
    )
    unit_id = cr.fetchone()[0]
    cr.execute("SELECT id FROM ppid_legal_basis WHERE huruf = 'b' AND angka = 0")
    basis_id = cr.fetchone()[0]
    cr.execute(
        """
        INSERT INTO ppid_exempted_information (
            name, title, unit_id, company_id, legal_basis_id, huruf, state,
            exemption_scope, period_type, period_end_date, period_basis,
            review_date, active, approved_by_id, approved_datetime, is_published,
            create_uid, write_uid, create_date, write_date)
        SELECT 'B/' || n, 'Bench item ' || n, %(unit)s, %(company)s, %(basis)s,
            'b', 'documented', 'part', 'date',
            CASE WHEN n <= %(changing)s THEN DATE '2026-04-30'
                 WHEN n <= 2 * %(changing)s THEN DATE '2026-03-11'
                 ELSE DATE '2031-01-01' END,
            'UU 30/2000', DATE '2027-01-01', true, 1, now(), %(published)s,
            1, 1, now(), now()
        FROM generate_series(1, %(size)s) AS n
        """,
        {
            "unit": unit_id,
            "company": company_id,
            "basis": basis_id,
            "size": size,
            "changing": changing,
            "published": published,
        },
    )


def set_version_triggers(registry, enabled):
    """Enable or disable the triggers of ppid.public.version (to measure
    what they cost the cron)."""
    with registry.cursor() as cr:
        cr.execute(
            "SELECT tgrelid::regclass::text, tgname FROM pg_trigger"
            " WHERE tgname LIKE 'ppid_public_%'"
        )
        for table, name in cr.fetchall():
            cr.execute(
                SQL(
                    "ALTER TABLE %s %s TRIGGER %s",
                    SQL.identifier(table),
                    SQL("ENABLE" if enabled else "DISABLE"),
                    SQL.identifier(name),
                )
            )


def run_cron(registry, size, changing, profile=False, published=False):
    with registry.cursor() as cr:
        fill(cr, size, changing, published)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        env.company.ppid_officer_user_id = env.ref("base.user_admin")
        env.company.ppid_head_user_id = env.ref("base.user_admin")
        env.flush_all()
        queries_before = cr.sql_log_count
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        started = time.perf_counter()
        env["ppid.exempted.information"]._cron_expiry(today=TODAY)
        env.flush_all()
        elapsed = time.perf_counter() - started
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        queries = cr.sql_log_count - queries_before
        cr.execute(
            "SELECT state, count(*) FROM ppid_exempted_information GROUP BY state"
        )
        states = dict(cr.fetchall())
        cr.rollback()
    return elapsed, queries, states


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument(
        "--series",
        nargs="+",
        choices=("daily", "worst", "all"),
        default=["daily", "worst", "all"],
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the runs")
    parser.add_argument("--published", action="store_true", help="every item published")
    parser.add_argument(
        "--compare-version-triggers",
        action="store_true",
        help="run each case again with the public version's triggers disabled",
    )
    args = parser.parse_args()
    create_database(DB, quiet=False)
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
    rows = []
    series_churn = {
        "daily": lambda n: 100,
        "worst": lambda n: n // 20,
        "all": lambda n: n // 2,
    }
    for series in args.series:
        churn = series_churn[series]
        for size in args.sizes:
            modes = (True, False) if args.compare_version_triggers else (True,)
            for triggers in modes:
                set_version_triggers(registry, triggers)
                elapsed, queries, states = run_cron(
                    registry, size, churn(size), args.profile, args.published
                )
                label = series if triggers else f"{series}, version triggers off"
                rows.append((label, size, elapsed, queries, states))
                print(
                    f"{label} {size:>7}: {elapsed:6.2f} s, {queries} queries, {states}"
                )
            set_version_triggers(registry, True)
    write_results(rows, args.published)
    Registry.delete(DB)
    odoo.sql_db.close_db(DB)
    subprocess.run(["dropdb", "--if-exists", DB], check=True)


def write_results(rows, published):
    lines = [
        "## Expiry cron (`tests/bench/bench_expiry.py`)",
        "",
        f"Run on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
        f"{os.cpu_count()} CPU(s) shared with other agents' work; load average "
        "(1, 5, 15 min) at the end: "
        + ", ".join(f"{load:.2f}" for load in os.getloadavg())
        + (
            ". Every item is published (`--published`: the cron's writes also "
            "change the public register and bump its version)"
            if published
            else ". No item is published (`--published` publishes them all)"
        )
        + ". *daily*: 100 items warned and 100 "
        "opened; *worst*: 5% warned and 5% opened in one run; *all*: every "
        "item changes, half warned and half opened.",
        "",
        "| series | items | seconds | SQL queries | expiring | opened |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for series, size, elapsed, queries, states in rows:
        lines.append(
            f"| {series} | {size} | {elapsed:.2f} | {queries} "
            f"| {states.get('expiring', 0)} | {states.get('opened', 0)} |"
        )
    results = RESULTS
    text = results.read_text() if results.exists() else "# Benchmark results\n"
    marker = "## Expiry cron"
    if marker in text:
        head, _sep, tail = text.partition(marker)
        rest = tail.split("\n## ", 1)
        text = (
            head + "\n".join(lines) + ("\n\n## " + rest[1] if len(rest) > 1 else "\n")
        )
    else:
        text = text.rstrip() + "\n\n" + "\n".join(lines) + "\n"
    results.write_text(text)


if __name__ == "__main__":
    main()
