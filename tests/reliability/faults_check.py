# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Faults: the database restarts, the filestore is tampered with, a cron dies.

Needs root: it runs its own PostgreSQL 15 cluster (15/ppid_faults, port 5440),
so that restarting the database disturbs nobody else. In a database with
ppid_exempted and its demo data on that cluster:

1. Filestore tampering. Three vault files are changed behind Odoo's back: one
   modified (same size), one truncated, one deleted. The integrity check
   (`ppid.vault.document._cron_verify_integrity`, through the scheduler's own
   `_process_job`) must find each one (`mismatch`, `mismatch`, `missing`),
   note it on the item, give every PPID administrator an activity and write a
   vault log row, and leave the untouched documents `ok`.
2. Crash mid-cron. 2,000 items whose exemption period has ended; the
   scheduler's cron worker starts the expiry job and is killed (SIGKILL)
   while it runs. No partial batch: the items opened, their DIP entries and
   their state rows in the audit log stay equal in number. The next run
   opens every item exactly once.
3. Database restart under a running server. While a client requests the
   public register and an RPC read every 0.2 s, the cluster restarts
   (`pg_ctlcluster restart -m fast`). Requests during the restart must end
   (no hang) with a 503 (JSON for the RPC caller, whose session survives),
   the server keeps its PIDs, and requests succeed again within seconds.

Run: python3 tests/reliability/faults_check.py [--port 18104] [--no-record]
     [--only restart]
"""

import argparse
import os
import shutil
import signal
import subprocess
import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from reliability_common import (
    ADDONS_PATH,
    DATA_DIR,
    PG_VERSION,
    SOCKET_DIR,
    Server,
    append_results,
    create_cluster,
    create_database,
    drop_cluster,
    psql,
)

CLUSTER = "ppid_faults"
PG_PORT = 5440
DB_ARGS = [f"--db_host={SOCKET_DIR}", f"--db_port={PG_PORT}"]
CRON_ITEMS = 2000


def environment(db):
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(
        ["-d", db, f"--addons-path={ADDONS_PATH}", f"--data-dir={DATA_DIR}", *DB_ARGS]
    )
    return Registry(db), lambda cr: api.Environment(cr, SUPERUSER_ID, {})


# ----------------------------------------------------------------------------
# 1. Filestore tampering
# ----------------------------------------------------------------------------


def tamper_filestore(db):
    import base64

    registry, make_env = environment(db)
    with registry.cursor() as cr:
        env = make_env(cr)
        Items = env["ppid.exempted.information"]
        drafts = Items.search([("state", "=", "draft")], limit=3)
        for number, item in enumerate(drafts):
            content = b"%PDF-1.4 lembar uji " + str(number).encode() * 4000
            item.write(
                {
                    "unit_test_sheet": base64.b64encode(content),
                    "unit_test_sheet_name": f"lembar_uji_{number}.pdf",
                }
            )
        env.flush_all()
        Document = env["ppid.vault.document"]
        documents = Document.search([("information_id", "in", drafts.ids)])
        documents = documents.filtered(lambda d: d.kind == "unit_test_sheet")
        Document.search([])._verify_integrity()  # a clean baseline
        cr.commit()
        targets = {}
        for document, action in zip(
            documents, ("modified", "truncated", "deleted"), strict=True
        ):
            path = document.attachment_id._full_path(document.attachment_id.store_fname)
            if action == "modified":
                data = bytearray(open(path, "rb").read())
                data[20] ^= 0xFF
                open(path, "wb").write(bytes(data))
            elif action == "truncated":
                os.truncate(path, 100)
            else:
                os.remove(path)
            targets[action] = document.id
        return targets


def run_cron_job(db, xmlid):
    """Run a cron job the way the scheduler does (`_process_job`)."""
    registry, make_env = environment(db)
    with registry.cursor() as cr:
        env = make_env(cr)
        cron = env.ref(xmlid)
        cron.method_direct_trigger()
        cr.commit()


def check_filestore(db, targets):
    registry, make_env = environment(db)
    expected = {"modified": "mismatch", "truncated": "mismatch", "deleted": "missing"}
    findings, failures = {}, []
    with registry.cursor() as cr:
        env = make_env(cr)
        Document = env["ppid.vault.document"]
        managers = env.ref("ppid_exempted.group_ppid_manager").all_user_ids.filtered(
            lambda u: u.active and not u.share
        )
        for action, document_id in targets.items():
            document = Document.browse(document_id)
            item = document.information_id
            notes = env["mail.message"].search_count(
                [
                    ("model", "=", item._name),
                    ("res_id", "=", item.id),
                    ("body", "ilike", "Integrity check"),
                ]
            )
            activities = env["mail.activity"].search_count(
                [
                    ("res_model", "=", item._name),
                    ("res_id", "=", item.id),
                    (
                        "activity_type_id",
                        "=",
                        env.ref("ppid_exempted.mail_activity_type_vault_integrity").id,
                    ),
                ]
            )
            logs = env["ppid.vault.log"].search_count(
                [("document_id", "=", document.id), ("event", "=", expected[action])]
            )
            findings[action] = (
                f"{document.integrity_state}, {notes} note, {activities} activities "
                f"({len(managers)} administrators), {logs} vault log row"
            )
            if (
                document.integrity_state != expected[action]
                or notes != 1
                or activities != len(managers)
                or logs != 1
            ):
                failures.append(f"{action}: {findings[action]}")
        others = Document.search([("id", "not in", list(targets.values()))])
        states = {state for state in others.mapped("integrity_state")}
        findings["untouched documents"] = f"{len(others)}, states {sorted(states)}"
        if states != {"ok"}:
            failures.append(f"untouched documents: {sorted(states)}")
    return findings, failures


# ----------------------------------------------------------------------------
# 2. Crash mid-cron
# ----------------------------------------------------------------------------


def fill_ended_items(db):
    """CRON_ITEMS exempted items of the first unit whose period ended."""
    yesterday = date.today() - timedelta(days=1)
    psql(
        db,
        f"""
        INSERT INTO ppid_exempted_information (
            name, title, unit_id, company_id, legal_basis_id, huruf, state,
            exemption_scope, period_type, period_end_date, period_basis,
            review_date, active, approved_by_id, approved_datetime,
            create_uid, write_uid, create_date, write_date)
        SELECT 'CRASH/' || n, 'Crash item ' || n,
            (SELECT min(id) FROM ppid_unit),
            (SELECT min(id) FROM res_company),
            (SELECT id FROM ppid_legal_basis WHERE huruf = 'b' AND angka = 0),
            'b', 'documented', 'part', 'date', DATE '{yesterday}',
            'UU 30/2000', DATE '{yesterday + timedelta(days=365)}', true, 1, now(),
            1, 1, now(), now()
        FROM generate_series(1, {CRON_ITEMS}) AS n
        """,
        port=PG_PORT,
    )


def crash_counts(db):
    sql = """
        SELECT (SELECT count(*) FROM ppid_exempted_information
                 WHERE name LIKE 'CRASH/%%' AND state = 'opened'),
               (SELECT count(*) FROM ppid_public_information p
                  JOIN ppid_exempted_information i ON i.id = p.information_id
                 WHERE i.name LIKE 'CRASH/%%'),
               (SELECT count(*) FROM ppid_audit_log l
                  JOIN ppid_exempted_information i ON i.id = l.information_id
                 WHERE i.name LIKE 'CRASH/%%' AND l.event = 'state'),
               (SELECT count(DISTINCT l.information_id) FROM ppid_audit_log l
                  JOIN ppid_exempted_information i ON i.id = l.information_id
                 WHERE i.name LIKE 'CRASH/%%' AND l.event = 'state')
    """.replace("%%", "%")
    return tuple(int(n) for n in psql(db, sql, port=PG_PORT).strip().split("|"))


def crash_mid_cron(db, port):
    """Start the scheduler, kill its cron worker while the expiry job runs."""
    fill_ended_items(db)
    psql(
        db,
        "UPDATE ir_cron SET nextcall = now() - interval '1 minute', active = true "
        "WHERE id = (SELECT res_id FROM ir_model_data WHERE module = 'ppid_exempted' "
        "AND name = 'ir_cron_ppid_expiry')",
        port=PG_PORT,
    )
    server = Server(db, port, extra=[*DB_ARGS, "--max-cron-threads=1"]).start()
    killed = None
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed:
            for line in server.log_text().splitlines():
                if "PPID: expiry" in line and "starting" in line:
                    pid = int(line.split()[2])
                    time.sleep(1.5)  # well inside the job (~10 s for 2,000)
                    os.kill(pid, signal.SIGKILL)
                    killed = pid
                    break
            time.sleep(0.2)
        time.sleep(2)
        after_crash = crash_counts(db)
        done_in_log = any(
            "PPID: expiry" in line and "(#loop" in line and str(killed) in line
            for line in server.log_text().splitlines()
        )
    finally:
        server.stop()
    # the next run, as the scheduler would do it
    run_cron_job(db, "ppid_exempted.ir_cron_ppid_expiry")
    after_rerun = crash_counts(db)
    findings = {
        "cron worker killed (pid)": killed,
        "job finished before the kill": done_in_log,
        "after the crash: opened / DIP entries / state rows / items with a row": (
            after_crash
        ),
        "after the next run": after_rerun,
    }
    failures = []
    if not killed:
        failures.append("the expiry job was never seen starting")
    if len(set(after_crash[:3])) != 1:
        failures.append(f"partial batch after the crash: {after_crash}")
    if after_rerun != (CRON_ITEMS,) * 4:
        failures.append(f"after the next run: {after_rerun}")
    return findings, failures


# ----------------------------------------------------------------------------
# 3. Database restart under a running server
# ----------------------------------------------------------------------------


def database_restart(db, port):
    server = Server(db, port, extra=[*DB_ARGS, "--max-cron-threads=0"]).start()
    samples = []
    stop = threading.Event()
    try:
        cookie = server.login()
        company = int(psql(db, "SELECT min(id) FROM res_company", port=PG_PORT))

        def client():
            while not stop.is_set():
                started = time.monotonic()
                try:
                    public = server.get(f"/ppid/{company}/dik.json", timeout=30)[0]
                except OSError as error:
                    public = type(error).__name__
                try:
                    status, payload, _cookie = server.jsonrpc(
                        "/web/dataset/call_kw/ppid.exempted.information/search_count",
                        {
                            "model": "ppid.exempted.information",
                            "method": "search_count",
                            "args": [[]],
                            "kwargs": {},
                        },
                        cookie=cookie,
                    )
                    rpc = f"error {status}" if "error" in payload else status
                except (OSError, ValueError) as error:
                    rpc = type(error).__name__
                samples.append(
                    (time.monotonic(), public, rpc, time.monotonic() - started)
                )
                time.sleep(0.2)

        thread = threading.Thread(target=client)
        thread.start()
        time.sleep(3)
        pids_before = server.pids()
        restart_started = time.monotonic()
        subprocess.run(
            [
                "su",
                "postgres",
                "-c",
                f"pg_ctlcluster {PG_VERSION} {CLUSTER} restart -m fast",
            ],
            check=True,
        )
        restart_ended = time.monotonic()
        time.sleep(15)
        stop.set()
        thread.join()
        pids_after = server.pids()
    finally:
        stop.set()
        server.stop()
    during = [s for s in samples if restart_started <= s[0] <= restart_ended + 0.5]
    after = [s for s in samples if s[0] > restart_ended]
    failed_after = [s for s in after if s[1] != 200 or s[2] != 200]
    recovered_at = next((s[0] for s in after if s[1] == 200 and s[2] == 200), None)
    first_ok_after = (
        f"{recovered_at - restart_ended:.1f}s after the restart"
        if recovered_at
        else "never"
    )
    last_failure = max((s[0] for s in failed_after), default=None)
    findings = {
        "samples (public JSON + RPC read, every 0.2 s)": len(samples),
        "restart took": f"{restart_ended - restart_started:.1f}s",
        "answers while restarting": sorted({(s[1], s[2]) for s in during}, key=str),
        "failed requests after the restart": len(failed_after),
        "their answers": sorted({(s[1], s[2]) for s in failed_after}, key=str),
        "first success": first_ok_after,
        "last failure": (
            f"{last_failure - restart_ended:.1f}s after the restart"
            if last_failure
            else "none"
        ),
        "slowest request": f"{max(s[3] for s in samples):.1f}s",
        "same server PIDs": pids_before == pids_after,
    }
    failures = []
    # while PostgreSQL is down: 503 with Retry-After (JSON for JSON callers),
    # never Odoo's 404 "database not found" (addon's http_unavailable.py)
    unexpected = {
        answer
        for s in during
        for answer in s[1:3]
        if answer not in (200, 503, "error 503")
    }
    if unexpected:
        failures.append(f"answers other than 200 or 503 while restarting: {unexpected}")
    if not recovered_at or (last_failure and last_failure - restart_ended > 10):
        failures.append("no recovery within 10 s")
    if max(s[3] for s in samples) > 30:
        failures.append("a request hung")
    if pids_before[0] != pids_after[0]:
        failures.append("the server restarted")
    return findings, failures, server.log_path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="ppid_reliab_faults")
    parser.add_argument("--port", type=int, default=18104)
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--only", choices=["restart"], help="one scenario only")
    options = parser.parse_args()
    db = options.db
    started = time.monotonic()
    results = {}
    try:
        create_cluster(CLUSTER, PG_PORT)
        print(f"Installing ppid_exempted with demo data in {db} ...", flush=True)
        create_database(db, extra=DB_ARGS)
        if not options.only:
            targets = tamper_filestore(db)
            run_cron_job(db, "ppid_exempted.ir_cron_ppid_vault_integrity")
            results["Filestore tampering"] = check_filestore(db, targets)
            print(results["Filestore tampering"], flush=True)
            results["Crash mid-cron"] = crash_mid_cron(db, options.port)
            print(results["Crash mid-cron"], flush=True)
        findings, failures, _log = database_restart(db, options.port)
        results["Database restart"] = (findings, failures)
        print(results["Database restart"], flush=True)
    finally:
        drop_cluster(CLUSTER)
        shutil.rmtree(Path(DATA_DIR) / "filestore" / db, ignore_errors=True)
    passed = all(not failures for _findings, failures in results.values())
    body = [
        "`python3 tests/reliability/faults_check.py`, "
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, on a private PostgreSQL "
        f"cluster (port {PG_PORT}): **{'PASS' if passed else 'FAIL'}**"
    ]
    for name, (findings, failures) in results.items():
        verdict = "PASS" if not failures else "FAIL: " + "; ".join(failures)
        body.append(f"\n**{name}**: {verdict}\n\n| check | result |\n|---|---|")
        body += [
            f"| {key} | {str(value).replace('|', '/')} |"
            for key, value in findings.items()
        ]
    text = "\n".join(body)
    print(text)
    print("PASS" if passed else "FAIL", f"({time.monotonic() - started:.0f}s)")
    if not options.no_record:
        append_results("Faults", text)
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
