# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: the item's views against Odoo's own partner views, in one run.

Creates a throwaway database (ppid_exempted, no demo), and for each size N
fills N items and N res.partner rows by SQL, then times, as a head-of-body
user, what the web client asks when each view opens:

- list: ``web_search_read`` of the list view's fields, 80 rows (with the
  count the list shows, ``count_limit`` 10001);
- kanban: ``web_read_group`` with the view's default grouping (the item's
  ``state``; the partner kanban has none, so its partners are grouped by
  ``country_id``, as many columns), every column unfolded (``auto_unfold``,
  40 cards each), plus ``read_progress_bar`` where the view has a progress bar;
- form: ``web_read`` of one record with the form view's fields (x2many lists
  40 rows);
- search: the list's ``web_search_read`` with ``title ilike`` (items) and
  ``name ilike`` (partners) on a word found in 1% of the rows.

The field specifications are built from each model's own views, as the web
client does (a many2one reads display_name, an x2many its sub-view's fields).
Each measurement is the median of ``--runs`` runs, after one warm-up, with the
record cache cleared before each; SQL queries are counted on the cursor.
The ratio is item / partner: 1.0 means the same cost as Odoo's own model.

    python3 tests/bench/bench_views.py [--sizes 1000 10000 100000] [--runs 7]

Writes the results to tests/bench/RESULTS.md (section "Views against
res.partner"); the database is dropped afterwards.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import time
from datetime import datetime, timezone

from bench_common import RESULTS, addons_path, create_database, replace_section
from lxml import etree

import odoo
import odoo.sql_db
from odoo import api
from odoo.modules.registry import Registry
from odoo.tools import config

DB = os.environ.get("PPID_BENCH_DB", "ppid_bench_views")
UNITS = 25
WORDS = 100  # a search word is found in 1 row out of WORDS
STATES = (
    "draft",
    "submitted",
    "received",
    "testing",
    "approval",
    "exempted",
    "documented",
    "expiring",
    "opened",
)
COUNTRIES = ("id", "my", "sg", "th", "ph", "vn", "bn", "la", "kh")
X2MANY_LIMIT = 40
KANBAN_LIMIT = 40
LIST_LIMIT = 80


def prepare(registry):
    """Units, the head-of-body user; returns (uid, company id)."""
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        utama = env["ppid.unit"].create(
            {"name": "PPID Utama", "code": "UTAMA", "unit_type": "utama"}
        )
        env["ppid.unit"].create(
            [
                {
                    "name": f"Perangkat Daerah {n:02d}",
                    "code": f"PD{n:02d}",
                    "parent_id": utama.id,
                }
                for n in range(1, UNITS + 1)
            ]
        )
        head = env["res.users"].create(
            {
                "name": "Kepala Badan",
                "login": "bench_head",
                "group_ids": [
                    (4, env.ref("base.group_user").id),
                    (4, env.ref("ppid_exempted.group_ppid_head").id),
                ],
            }
        )
        env.company.ppid_head_user_id = head
        return head.id, env.company.id


def fill(registry, size, company_id):
    """`size` items spread over every state and `size` partners over nine
    countries; the same search words in item titles and partner names."""
    with registry.cursor() as cr:
        cr.execute("DELETE FROM ppid_exempted_information")
        cr.execute("DELETE FROM res_partner WHERE name LIKE 'Mitra %%'")
        cr.execute("SELECT id FROM ppid_unit WHERE parent_id IS NOT NULL ORDER BY id")
        units = [row[0] for row in cr.fetchall()]
        cr.execute(
            "SELECT id FROM ppid_legal_basis WHERE huruf = 'a' ORDER BY angka LIMIT 2"
        )
        basis, subpoint = (row[0] for row in cr.fetchall())
        cr.execute(
            """
            INSERT INTO ppid_exempted_information (
                name, title, description, unit_id, company_id, user_id,
                legal_basis_id, legal_subpoint_id, huruf, exemption_scope,
                period_type, period_end_date, period_basis, review_date,
                state, active, approved_by_id, approved_datetime, decree_reference,
                decree_date, opened_date, open_reason, color,
                create_uid, write_uid, create_date, write_date)
            SELECT
                'DIK/2026/' || lpad(n::text, 6, '0'),
                'Informasi nomor ' || n || ' tentang kata' || (n %% %(words)s),
                'Uraian ' || n,
                (%(units)s)[1 + n %% %(unit_count)s], %(company)s, 1,
                %(basis)s, %(subpoint)s, 'a', 'part',
                'date', DATE '2031-01-05', 'PP 61/2010 Pasal 5 ayat (1)',
                DATE '2027-01-05',
                (%(states)s)[1 + n %% %(state_count)s], TRUE,
                1, TIMESTAMP '2026-01-05 09:00:00',
                '188.4/' || (1 + n %% 40) || '/2026', DATE '2026-01-06',
                DATE '2026-06-01', 'period_ended', 0,
                1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
            FROM generate_series(1, %(size)s) AS n
            """,
            {
                "words": WORDS,
                "units": units,
                "unit_count": len(units),
                "company": company_id,
                "basis": basis,
                "subpoint": subpoint,
                "states": list(STATES),
                "state_count": len(STATES),
                "size": size,
            },
        )
        cr.execute(
            "SELECT id FROM res_country WHERE lower(code) IN %s ORDER BY id",
            [COUNTRIES],
        )
        countries = [row[0] for row in cr.fetchall()]
        cr.execute(
            """
            INSERT INTO res_partner (
                name, complete_name, type, active, is_company, color, lang,
                email, phone, city, country_id,
                create_uid, write_uid, create_date, write_date)
            SELECT
                'Mitra ' || n || ' kata' || (n %% %(words)s),
                'Mitra ' || n || ' kata' || (n %% %(words)s),
                'contact', TRUE, n %% 5 = 0, 0, 'en_US',
                'mitra' || n || '@contoh.invalid', '+62 811 ' || n, 'Samarinda',
                (%(countries)s)[1 + n %% %(country_count)s],
                1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
            FROM generate_series(1, %(size)s) AS n
            """,
            {
                "words": WORDS,
                "countries": countries,
                "country_count": len(countries),
                "size": size,
            },
        )
        cr.execute(
            "UPDATE res_partner SET commercial_partner_id = id"
            " WHERE commercial_partner_id IS NULL"
        )
        cr.execute("ANALYZE ppid_exempted_information")
        cr.execute("ANALYZE res_partner")


def view_spec(env, model, view_type):
    """The specification the web client sends for the model's default view of
    `view_type`, and the view's root node."""
    views = env[model].get_views([(False, view_type)])
    arch = etree.fromstring(views["views"][view_type]["arch"])
    return spec_of(views["models"], model, arch), arch


def spec_of(models, model, node):
    fields = models[model]["fields"]
    spec = {}
    for field_node in node.iter("field"):
        # fields of an x2many's sub-view belong to that sub-view
        parent = field_node.getparent()
        while parent is not None and parent is not node:
            if parent.tag == "field":
                break
            parent = parent.getparent()
        if parent is not None and parent is not node:
            continue
        name = field_node.get("name")
        field = fields.get(name)
        if not field:
            continue
        if field["type"] == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        elif field["type"] in ("one2many", "many2many"):
            subview = next(
                (child for child in field_node if child.tag in ("list", "kanban")),
                None,
            )
            if subview is not None and field["relation"] in models:
                spec[name] = {
                    "fields": spec_of(models, field["relation"], subview),
                    "limit": X2MANY_LIMIT,
                }
            else:
                spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    spec.setdefault("display_name", {})
    return spec


def operations(env, model, text_field, group_field, word):
    """name -> callable doing what the web client asks for that view."""
    records = env[model]
    list_spec, _arch = view_spec(env, model, "list")
    kanban_spec, kanban = view_spec(env, model, "kanban")
    form_spec, _arch = view_spec(env, model, "form")
    progressbar = kanban.find("progressbar")
    record_id = records.search([], order="id", limit=1, offset=len(STATES) * 10).id

    def list_view():
        records.web_search_read(
            [], list_spec, limit=LIST_LIMIT, count_limit=10001, order=None
        )

    def kanban_view():
        records.web_read_group(
            [],
            [group_field],
            ["__count"],
            auto_unfold=True,
            unfold_read_specification=kanban_spec,
            unfold_read_default_limit=KANBAN_LIMIT,
        )
        if progressbar is not None:
            records.read_progress_bar(
                [],
                group_field,
                {
                    "field": progressbar.get("field"),
                    "colors": json.loads(progressbar.get("colors")),
                },
            )

    def form_view():
        records.browse(record_id).web_read(form_spec)

    def search():
        records.web_search_read(
            [(text_field, "ilike", word)],
            list_spec,
            limit=LIST_LIMIT,
            count_limit=10001,
        )

    return {
        "list": list_view,
        "kanban": kanban_view,
        "form": form_view,
        "search": search,
    }


def measure(registry, uid, runs):
    """{(view, model): (median seconds, queries)}"""
    results = {}
    with registry.cursor() as cr:
        env = api.Environment(
            cr, uid, {"lang": "en_US", "tz": "Asia/Makassar", "bin_size": True}
        )
        word = f"kata{WORDS // 2}"
        for model, text_field, group_field in (
            ("ppid.exempted.information", "title", "state"),
            ("res.partner", "name", "country_id"),
        ):
            for view, call in operations(
                env, model, text_field, group_field, word
            ).items():
                env.invalidate_all()
                call()  # warm-up: ormcaches, plans
                timings, queries = [], []
                for _run in range(runs):
                    env.invalidate_all()
                    before = cr.sql_log_count
                    started = time.perf_counter()
                    call()
                    timings.append(time.perf_counter() - started)
                    queries.append(cr.sql_log_count - before)
                results[view, model] = (statistics.median(timings), max(queries))
        cr.rollback()
    return results


def write_results(rows, runs, load_start):
    load_end = os.getloadavg()
    lines = [
        "## Views against res.partner (`bench_views.py`)",
        "",
        f"- Run: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, sizes "
        + ", ".join(f"{size:,}" for size, _results in rows)
        + f"; median of {runs} runs after one warm-up, record cache cleared "
        "before each, as the head of the body (`group_ppid_head`).",
        f"- Machine: {platform.machine()}, {os.cpu_count()} CPU(s) shared with "
        f"other agents' work; Python {platform.python_version()}; Odoo "
        f"{odoo.release.version}; PostgreSQL on the same machine.",
        "- Load average (1, 5, 15 min) at start: "
        + ", ".join(f"{load:.2f}" for load in load_start)
        + "; at the end: "
        + ", ".join(f"{load:.2f}" for load in load_end)
        + ".",
        "- N items and N partners in the same database. Kanban: items grouped "
        "by `state` (the view's default; 9 columns) plus its progress bar, "
        "partners by `country_id` (9 columns; their kanban has no default "
        "grouping). Search: `title ilike` against `name ilike`, a word found in "
        "1% of the rows (trigram index on the item's title; the partner's name "
        "has a btree index only).",
        "",
        "| N | View | Item (ms) | Item queries | Partner (ms) | Partner queries "
        "| Ratio item/partner |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for size, results in rows:
        for view in ("list", "kanban", "form", "search"):
            item_time, item_queries = results[view, "ppid.exempted.information"]
            partner_time, partner_queries = results[view, "res.partner"]
            lines.append(
                f"| {size:,} | {view} | {item_time * 1000:.1f} | {item_queries} "
                f"| {partner_time * 1000:.1f} | {partner_queries} "
                f"| {item_time / partner_time:.2f} |"
            )
    replace_section(RESULTS, "## Views against res.partner", "\n".join(lines))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()
    load_start = os.getloadavg()
    create_database(DB)
    config.parse_config(
        ["-d", DB, f"--addons-path={addons_path()}", "--log-level=warn"]
    )
    registry = Registry(DB)
    uid, company_id = prepare(registry)
    rows = []
    for size in args.sizes:
        fill(registry, size, company_id)
        results = measure(registry, uid, args.runs)
        rows.append((size, results))
        for view in ("list", "kanban", "form", "search"):
            item = results[view, "ppid.exempted.information"]
            partner = results[view, "res.partner"]
            print(
                f"{size:>7} {view:7} item {item[0] * 1000:8.1f} ms ({item[1]:>3} q)"
                f"  partner {partner[0] * 1000:8.1f} ms ({partner[1]:>3} q)"
                f"  ratio {item[0] / partner[0]:.2f}",
                flush=True,
            )
    write_results(rows, args.runs, load_start)
    if not args.keep_db:
        Registry.delete(DB)
        odoo.sql_db.close_db(DB)
        subprocess.run(["dropdb", "--if-exists", DB], check=True)


if __name__ == "__main__":
    main()
