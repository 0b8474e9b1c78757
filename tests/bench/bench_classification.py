"""Benchmark: consequence-test completion, decree approval and their documents.

Run with Odoo 19 importable (from the repository root):

    python3 tests/bench/bench_classification.py

It uses the database named by ``PPID_BENCH_DB`` when it exists (with
``ppid_exempted`` installed), else creates ``ppid_bench_classification`` and
installs the addon there. Everything the benchmark creates is rolled back. The
measurements are printed and written to ``tests/bench/RESULTS.md`` (its own
section, between markers, so that other benchmarks keep theirs).

``ODOO_ADDONS_PATH`` replaces the core addons folder found next to ``odoo``.
"""

import base64
import os
import sys
import time
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta

REPO = Path(__file__).resolve().parents[2]
RESULTS = Path(__file__).with_name("RESULTS.md")
SIZES = (10, 100, 300)
BEGIN = "<!-- bench_classification: begin -->"
END = "<!-- bench_classification: end -->"


def _setup_odoo(db_name):
    import odoo
    from odoo.tools import config

    core_addons = os.environ.get("ODOO_ADDONS_PATH") or str(
        Path(odoo.__path__[0]).resolve().parent / "addons"
    )
    config.parse_config(
        [
            f"--addons-path={REPO / 'addons'},{core_addons}",
            "-d",
            db_name,
            "--log-level=warn",
        ],
        setup_logging=True,
    )


def _registry(db_name):
    from odoo.modules.registry import Registry
    from odoo.service import db

    if not db.exp_db_exist(db_name):
        db._create_empty_database(db_name)
        return Registry.new(
            db_name, update_module=True, install_modules=["ppid_exempted"]
        )
    return Registry(db_name)


def _measure(cr, function):
    start_count = cr.sql_log_count
    start = time.perf_counter()
    function()
    return time.perf_counter() - start, cr.sql_log_count - start_count


def _scenario(env, size):
    from odoo.fields import Command
    from odoo.tests import new_test_user

    env = env(context=dict(env.context, tracking_disable=True))
    users = {
        role: new_test_user(
            env, login=f"bench_{role}_{size}", groups=f"ppid_exempted.group_ppid_{role}"
        )
        for role in ("committee", "head", "pelaksana")
    }
    env.company.write(
        {
            "ppid_official_id": users["committee"].id,
            "ppid_official_position": "PPID Utama",
            "ppid_decree_place": "Tenggarong",
        }
    )
    unit = env["ppid.unit"].create({"name": f"Bench unit {size}", "code": f"B{size}"})
    basis = env.ref("ppid_exempted.legal_basis_a")
    angka = env.ref("ppid_exempted.legal_basis_a_1")
    today = date.today()
    items = env["ppid.exempted.information"].create(
        [
            {
                "title": f"Berkas {n}",
                "description": "Uraian",
                "source_document": f"BAP {n}",
                "unit_id": unit.id,
                "legal_basis_id": basis.id,
                "legal_subpoint_id": angka.id,
                "harm_if_opened": "Menghambat penyidikan.",
                "interest_if_closed": "Penegakan hukum.",
                "public_interest_note": "Lebih terlindungi bila ditutup.",
                "exempt_part": "Identitas saksi.",
                "period_type": "date",
                "period_end_date": today + relativedelta(years=5),
                "period_basis": "PP 61/2010 Pasal 5 ayat (1)",
                "review_date": today + relativedelta(years=1),
                "unit_test_sheet": base64.b64encode(b"%PDF-1.4"),
                "state": "received",
            }
            for n in range(size)
        ]
    )
    committee_env = env(user=users["committee"])
    test = committee_env["ppid.consequence.test"].create(
        {
            "place": "Ruang Rapat",
            "participant_ids": [
                Command.create({"user_id": users["committee"].id, "capacity": "ppid"}),
                Command.create({"user_id": users["pelaksana"].id, "capacity": "unit"}),
            ],
            "line_ids": [
                Command.create(
                    {
                        "information_id": item.id,
                        "conclusion": "exempted",
                        "statute_name": "UU 8/1981 KUHAP",
                    }
                )
                for item in items
            ],
        }
    )
    for user in (users["committee"], users["pelaksana"]):
        test.with_user(user).action_sign()
    env.flush_all()
    results = {}
    results["complete"] = _measure(env.cr, test.action_complete)
    env.flush_all()
    decree = test.decree_ids.with_user(users["head"])
    results["approve"] = _measure(
        env.cr, lambda: (decree.action_approve(), env.flush_all())
    )
    report = env["ir.actions.report"]
    results["decree_html"] = _measure(
        env.cr,
        lambda: report._render_qweb_html(
            "ppid_exempted.action_report_classification_decree", decree.ids
        ),
    )
    results["sheet_html"] = _measure(
        env.cr,
        lambda: report._render_qweb_html(
            "ppid_exempted.action_report_consequence_test", test.ids
        ),
    )
    assert set(items.mapped("state")) == {"exempted"}
    return results


def _write_results(rows):
    lines = [
        BEGIN,
        "## Consequence test and classification decree (`bench_classification.py`)",
        "",
        f"Run on {date.today().isoformat()}; times in seconds (queries in brackets).",
        "",
        "| Items | Complete session | Approve decree | Decree HTML | Sheet HTML |",
        "|---:|---:|---:|---:|---:|",
    ]
    for size, results in rows:
        cells = [
            f"{results[key][0]:.2f} ({results[key][1]})"
            for key in ("complete", "approve", "decree_html", "sheet_html")
        ]
        lines.append(f"| {size} | " + " | ".join(cells) + " |")
    lines.append(END)
    section = "\n".join(lines) + "\n"
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmarks\n\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text)


def main():
    db_name = os.environ.get("PPID_BENCH_DB", "ppid_bench_classification")
    _setup_odoo(db_name)
    from odoo import api
    from odoo.api import SUPERUSER_ID

    registry = _registry(db_name)
    rows = []
    for size in SIZES:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            results = _scenario(env, size)
            cr.rollback()
        rows.append((size, results))
        print(
            f"{size:>4} items: "
            + ", ".join(
                f"{key} {seconds:.2f}s/{queries}q"
                for key, (seconds, queries) in results.items()
            )
        )
    _write_results(rows)
    print(f"Written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
