# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the safeguards of ppid_exempted (issue 6).

Measures, on PostgreSQL with the addon installed:
- storing documents (fingerprinting at upload),
- the daily integrity check (SHA-256 of every stored file),
- attachment searches with the vault's access rules, per kind of user,
- the audit trail's cost on a write of a recorded field.

Usage (Odoo 19 importable by python3):

    python3 tests/bench/bench_vault.py

PPID_BENCH_DB names the database (default ppid_bench); it is created with the
addon when it does not exist. PPID_BENCH_ADDONS overrides the addons path
(default: this repository's addons folder, then Odoo's). PPID_BENCH_ITEMS sets
the number of items (default 200). Everything the benchmark creates is rolled
back; the results are printed and written to tests/bench/RESULTS.md.
"""

import base64
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DB = os.environ.get("PPID_BENCH_DB", "ppid_bench")
ITEMS = int(os.environ.get("PPID_BENCH_ITEMS", "200"))
FILE_SIZE = 256 * 1024  # a scanned page or two


def addons_path():
    if os.environ.get("PPID_BENCH_ADDONS"):
        return os.environ["PPID_BENCH_ADDONS"]
    import odoo  # noqa: PLC0415

    core = Path(list(odoo.__path__)[0]).resolve().parent / "addons"
    return f"{REPO / 'addons'},{core}"


def ensure_database(path):
    exists = subprocess.run(
        ["psql", "-lqt"], capture_output=True, text=True, check=False
    ).stdout
    if any(line.split("|")[0].strip() == DB for line in exists.splitlines()):
        return
    print(f"Creating {DB} with ppid_exempted (a few minutes)...")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "server",
            "-d",
            DB,
            f"--addons-path={path}",
            "-i",
            "ppid_exempted",
            "--stop-after-init",
            "--log-level=warn",
            "--http-interface=127.0.0.1",
            "--http-port=0",
        ],
        check=True,
    )


def timed(label, results, func, count=1, unit="op"):
    start = time.perf_counter()
    value = func()
    elapsed = time.perf_counter() - start
    results.append((label, elapsed, count, unit))
    per = elapsed / count * 1000
    print(f"{label}: {elapsed:.3f} s total, {per:.2f} ms/{unit} ({count} {unit})")
    return value


def run(env):
    from odoo.tests.common import new_test_user  # noqa: PLC0415

    results = []
    unit = env["ppid.unit"].create({"name": "Dinas Bench", "code": "BENCH"})
    users = {
        role: new_test_user(
            env, login=f"bench_{role}", groups=f"ppid_exempted.group_ppid_{role}"
        )
        for role in ("pelaksana", "committee", "auditor", "documentation")
    }
    users["pelaksana"].ppid_unit_ids = unit
    basis = env.ref("ppid_exempted.legal_basis_b")
    payloads = [os.urandom(FILE_SIZE) for _ in range(ITEMS)]
    Item = env["ppid.exempted.information"]

    def create_items():
        return Item.create(
            [
                {
                    "title": f"Bench {index}",
                    "unit_id": unit.id,
                    "legal_basis_id": basis.id,
                    "state": "exempted",
                    "softcopy_file": base64.b64encode(payload),
                    "softcopy_filename": f"bench_{index}.pdf",
                    "unit_test_sheet": base64.b64encode(payload[:4096]),
                    "unit_test_sheet_name": f"sheet_{index}.pdf",
                }
                for index, payload in enumerate(payloads)
            ]
        )

    items = timed(
        "Create items with 2 stored documents each (fingerprinted)",
        results,
        create_items,
        ITEMS,
        "item",
    )
    env.flush_all()
    documents = env["ppid.vault.document"].search([("information_id", "in", items.ids)])
    total_mb = sum(documents.mapped("file_size")) / 1024 / 1024
    timed(
        f"Integrity check of {len(documents)} documents ({total_mb:.1f} MB)",
        results,
        documents._verify_integrity,
        len(documents),
        "document",
    )
    timed(
        "Integrity check, cron entry point (whole vault)",
        results,
        env["ppid.vault.document"]._cron_verify_integrity,
        env["ppid.vault.document"].search_count([]),
        "document",
    )
    domain = [
        ("res_model", "=", "ppid.exempted.information"),
        ("res_field", "in", ["softcopy_file", "unit_test_sheet"]),
    ]
    for role in ("committee", "pelaksana", "auditor"):
        Attachment = env["ir.attachment"].with_user(users[role])
        found = timed(
            f"Search vault attachments as {role} (x50)",
            results,
            lambda A=Attachment: [A.search(domain) for _ in range(50)][-1],
            50,
            "search",
        )
        print(f"  ({len(found)} found)")
    Attachment = env["ir.attachment"].with_user(users["committee"])
    ids = documents.attachment_id.ids
    timed(
        f"Access check on {len(ids)} vault attachments as committee",
        results,
        lambda: Attachment.browse(ids)._filtered_access("read"),
        len(ids),
        "attachment",
    )
    env.invalidate_all()
    as_committee = items.with_user(users["committee"])
    queries_before = env.cr.sql_log_count
    timed(
        "Batch write of a recorded field (audited) on all items",
        results,
        lambda: as_committee.write({"public_interest_note": "Bench note"}),
        ITEMS,
        "item",
    )
    env.flush_all()
    queries = env.cr.sql_log_count - queries_before
    print(f"  ({queries} queries for {ITEMS} items)")
    results.append((f"  queries for that batch write: {queries}", 0, 1, "-"))
    timed(
        "Write of a recorded field, one item at a time",
        results,
        lambda: [
            item.write({"public_interest_note": "Bench note 2"})
            for item in as_committee[:50]
        ],
        50,
        "item",
    )
    return results


def write_results(results):
    lines = [
        "## Safeguards (`bench_vault.py`)",
        "",
        f"Database `{DB}`, {ITEMS} items, files of {FILE_SIZE // 1024} KB.",
        f"Run on {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPU(s).",
        "",
        "| Measurement | Total (s) | Per unit (ms) | Units |",
        "|---|---|---|---|",
    ]
    for label, elapsed, count, unit in results:
        if unit == "-":
            lines.append(f"| {label.strip()} | | | |")
            continue
        lines.append(
            f"| {label} | {elapsed:.3f} | {elapsed / count * 1000:.2f} | "
            f"{count} {unit} |"
        )
    # only this benchmark's section: the others keep theirs
    path = HERE / "RESULTS.md"
    text = path.read_text() if path.exists() else "# Benchmark results\n"
    marker = "## Safeguards (`bench_vault.py`)"
    if marker in text:
        head, _sep, tail = text.partition(marker)
        rest = tail.split("\n## ", 1)
        text = (
            head + "\n".join(lines) + ("\n\n## " + rest[1] if len(rest) > 1 else "\n")
        )
    else:
        text = text.rstrip() + "\n\n" + "\n".join(lines) + "\n"
    path.write_text(text)


def main():
    path = addons_path()
    ensure_database(path)
    import odoo  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(
        [
            "-d",
            DB,
            f"--addons-path={path}",
            "--log-level=warn",
            "--http-interface=127.0.0.1",
        ]
    )
    registry = Registry(DB)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        try:
            results = run(env)
        finally:
            cr.rollback()
    write_results(results)
    print(f"Written to {HERE / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
