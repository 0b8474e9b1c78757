# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Upgrade from a previous version keeps every record, file, log row, setting.

1. `git worktree add` of the previous version (default: the parent of the
   newest commit that changed addons/ppid_exempted; or `--rev REV`) into /tmp.
2. Installs ppid_exempted from that version with its demo data, then works
   with it through `odoo shell` of that version: a unit officer creates an
   item with its test sheet and hands it over, the service officer receives
   it (records without an XML id, audit and vault log rows, a file).
3. Takes a snapshot: every row of every ppid_* table, of the addon's
   attachments, chatter messages, activities, settings (ir.config_parameter
   ppid.*, the company's PPID fields) and sequences, hashed per row over
   the columns; every stored file's bytes.
4. Upgrades to the current code: `-u ppid_exempted`, log at INFO.
5. Compares: no row missing; rows without an XML id (users' data) and every
   log row unchanged in every column both versions have; files byte for
   byte; no WARNING or ERROR in the upgrade's log. Rows loaded from the
   addon's data files may change (the new version's data) and are listed.

Run: python3 tests/reliability/upgrade_check.py [--rev REV] [--no-record]
"""

import argparse
import hashlib
import json
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path

from reliability_common import (
    DATA_DIR,
    ODOO_ROOT,
    REPO,
    append_results,
    bad_log_lines,
    create_database,
    dropdb,
    psql,
    run_odoo,
)

# tables whose every row must survive unchanged (append-only logs)
LOG_TABLES = ("ppid_audit_log", "ppid_vault_log", "ppid_custody_transfer")
EXTRA_TABLES = {
    "ir_attachment": "res_model LIKE 'ppid.%'",
    "mail_message": "model LIKE 'ppid.%'",
    "mail_tracking_value": "mail_message_id IN (SELECT id FROM mail_message "
    "WHERE model LIKE 'ppid.%')",
    "mail_activity": "res_model LIKE 'ppid.%'",
    "ir_config_parameter": "key LIKE 'ppid%'",
    "ir_sequence": "code LIKE 'ppid.%'",
    "res_company": "true",
    "resource_calendar_leaves": "true",
}
# columns that an upgrade rewrites by design
VOLATILE = {"write_date", "write_uid", "__last_update", "number_next"}

SHELL_SCRIPT = """
import base64
env = env(context=dict(env.context, tracking_disable=False))
officer = env.ref("ppid_exempted.user_pelaksana", raise_if_not_found=False) or \
    env["res.users"].search([("login", "=", "pelaksana")])
service = env["res.users"].search([("login", "=", "layanan")])
template = env["ppid.exempted.information"].search(
    [("state", "=", "submitted"), ("unit_id", "in", officer.ppid_unit_ids.ids)],
    limit=1)
values = {
    name: template[name] for name in (
        "description", "source_document", "legal_basis_id", "legal_subpoint_id",
        "harm_if_opened", "interest_if_closed", "public_interest_note",
        "exemption_scope", "exempt_part", "period_type", "period_end_date",
        "period_basis", "review_date")
    if name in template._fields
}
values = {k: (v.id if hasattr(v, "_name") else v) for k, v in values.items()}
item = env["ppid.exempted.information"].with_user(officer).create({
    **values,
    "title": "Butir uji peningkatan versi",
    "unit_id": template.unit_id.id,
    "unit_test_sheet": base64.b64encode(b"%PDF-1.4 uji peningkatan versi"),
    "unit_test_sheet_name": "uji_peningkatan.pdf",
})
item.with_user(officer).action_submit()
item.with_user(service).action_receive()
env.cr.commit()
print("UPGRADE-ITEM", item.id, item.state)
"""


def git(*args):
    return subprocess.run(
        ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def default_rev():
    latest = git("log", "-1", "--format=%H", "--", "addons/ppid_exempted")
    return git("rev-parse", f"{latest}~1")


def columns(db, table):
    rows = psql(
        db,
        "SELECT column_name FROM information_schema.columns "
        f"WHERE table_name = '{table}' ORDER BY column_name",
    ).split()
    return [name for name in rows if name not in VOLATILE]


def tables(db):
    names = psql(
        db,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = "
        "'public' AND table_type = 'BASE TABLE' AND table_name LIKE 'ppid_%'",
    ).split()
    return sorted(names) + sorted(EXTRA_TABLES)


def snapshot(db):
    """{table: {id: {column: text}}} and {xmlid'd (table, id)}; files' hashes."""
    data = {}
    for table in tables(db):
        cols = columns(db, table)
        if "id" not in cols:
            continue
        where = EXTRA_TABLES.get(table, "true")
        select = ", ".join(f'"{c}"' for c in cols)
        # one JSON object per row: text with newlines stays on one line
        out = psql(
            db,
            f"SELECT row_to_json(t)::text FROM (SELECT {select} FROM {table} "
            f"WHERE {where}) t",
        )
        rows = {}
        for line in out.splitlines():
            values = {key: json.dumps(value) for key, value in json.loads(line).items()}
            rows[values["id"]] = values
        data[table] = rows
    xmlids = set(
        tuple(line.split("|"))
        for line in psql(
            db,
            "SELECT replace(model, '.', '_'), res_id FROM ir_model_data "
            "WHERE module = 'ppid_exempted' OR model = 'res.company'",
        ).splitlines()
    )
    files = {}
    filestore = Path(DATA_DIR) / "filestore" / db
    for line in psql(
        db,
        "SELECT id, store_fname FROM ir_attachment WHERE res_model LIKE 'ppid.%' "
        "AND store_fname IS NOT NULL",
    ).splitlines():
        attachment_id, fname = line.split("|")
        path = filestore / fname
        files[attachment_id] = (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
        )
    return data, xmlids, files


def compare(before, after):
    data_before, xmlids, files_before = before
    data_after, _xmlids, files_after = after
    failures, data_changes = [], []
    for table, rows in data_before.items():
        rows_after = data_after.get(table)
        if rows_after is None:
            failures.append(f"table {table} is gone")
            continue
        for row_id, values in rows.items():
            new = rows_after.get(row_id)
            if new is None:
                failures.append(f"{table} #{row_id} is gone")
                continue
            changed = sorted(
                column
                for column, value in values.items()
                if column in new and new[column] != value
            )
            if not changed:
                continue
            change = f"{table} #{row_id}: {', '.join(changed)}"
            if (table, row_id) in xmlids and table not in LOG_TABLES:
                data_changes.append(change)
            else:
                failures.append(change)
    for attachment_id, digest in files_before.items():
        if files_after.get(attachment_id) != digest:
            failures.append(f"file of attachment #{attachment_id} changed or missing")
    return failures, data_changes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rev", default=None)
    parser.add_argument("--db", default="ppid_reliab_upgrade")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--no-record", action="store_true")
    options = parser.parse_args()
    rev = git("rev-parse", options.rev or default_rev())
    started = time.monotonic()
    old_tree = Path(f"/tmp/ppid_upgrade_{rev[:10]}")
    if not old_tree.exists():
        git("worktree", "add", "--detach", str(old_tree), rev)
    old_addons = f"{old_tree / 'addons'},{ODOO_ROOT / 'addons'}"
    db = options.db
    try:
        print(f"Installing ppid_exempted at {rev[:10]} with demo data ...", flush=True)
        create_database(db, addons_path=old_addons)
        shell = subprocess.run(
            [
                "python3",
                str(ODOO_ROOT / "odoo-bin"),
                "shell",
                "-d",
                db,
                f"--addons-path={old_addons}",
                f"--data-dir={DATA_DIR}",
                "--log-level=warn",
            ],
            input=SHELL_SCRIPT,
            capture_output=True,
            text=True,
            check=False,
        )
        worked = [line for line in shell.stdout.splitlines() if "UPGRADE-ITEM" in line]
        before = snapshot(db)
        print("Upgrading to the current code ...", flush=True)
        log = run_odoo(db, "-u", "ppid_exempted", "--log-level=info")
        after = snapshot(db)
    finally:
        if not options.keep:
            dropdb(db)
            git("worktree", "remove", "--force", str(old_tree))
    failures, data_changes = compare(before, after)
    warnings = bad_log_lines(log)
    counted = {table: len(rows) for table, rows in before[0].items() if rows}
    version = rev[:10]
    passed = bool(worked) and not failures and not warnings
    body = (
        f"`python3 tests/reliability/upgrade_check.py --rev {rev[:10]}`, "
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC: from {version} "
        f"(`git log -1`: {git('log', '-1', '--format=%s', rev)[:80]}) to the working "
        f"tree of {git('rev-parse', '--short', 'HEAD')}: "
        f"**{'PASS' if passed else 'FAIL'}**.\n\n"
        f"- work done with the old version: {worked or shell.stderr[-400:]}\n"
        f"- rows compared: {sum(counted.values())} in {len(counted)} tables; "
        f"stored files compared: {len(before[2])}\n"
        f"- rows missing or changed (users' data, logs, files): {len(failures)}"
        + "".join(f"\n    - {failure}" for failure in failures[:20])
        + f"\n- rows of the addon's data files changed by the new version: "
        f"{len(data_changes)}"
        + "".join(f"\n    - {change}" for change in data_changes[:20])
        + f"\n- WARNING/ERROR lines in the upgrade log: {len(warnings)}"
        + "".join(f"\n    - `{line[:200]}`" for line in warnings[:10])
    )
    print(body)
    print("PASS" if passed else "FAIL", f"({time.monotonic() - started:.0f}s)")
    if not options.no_record:
        append_results("Upgrade", body)
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
