# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A backup restored into a fresh database passes the vault's integrity check.

1. Creates a database with ppid_exempted and its demo data and runs the
   integrity check once (every document `ok`).
2. Backs it up both ways the README documents:
   a. `odoo-bin db dump DB backup.zip` (Odoo's own zip: dump.sql, filestore,
      manifest; the same file as the database manager's backup);
   b. `pg_dump -Fc` followed by a tar of the filestore.
3. Restores each into a fresh database (`odoo-bin db load`; `createdb` +
   `pg_restore` + untar), runs the integrity check
   (`ppid.vault.document._cron_verify_integrity`) and compares with the
   source: the same items, audit and vault log rows, documents and
   fingerprints, every document `ok`, no alert raised.
4. Control: a restore of the database without its filestore must fail the
   check (every stored document `missing`), which shows that a green check
   proves the two halves belong together.

Run: python3 tests/reliability/backup_restore_check.py [--no-record]
"""

import argparse
import shutil
import subprocess
import tarfile
import time
from datetime import datetime, timezone
from pathlib import Path

from reliability_common import (
    ADDONS_PATH,
    DATA_DIR,
    ODOO_BIN,
    append_results,
    create_database,
    dropdb,
    psql,
)

WORK = Path("/tmp/ppid_reliab_backup")
COUNT_SQL = """
    SELECT (SELECT count(*) FROM ppid_exempted_information),
           (SELECT count(*) FROM ppid_audit_log),
           (SELECT count(*) FROM ppid_vault_log),
           (SELECT count(*) FROM ppid_vault_document),
           (SELECT md5(string_agg(sha256, ',' ORDER BY id)) FROM ppid_vault_document)
"""


def odoo_db(*args):
    subprocess.run(
        [
            "python3",
            str(ODOO_BIN),
            "db",
            f"--addons-path={ADDONS_PATH}",
            f"--data-dir={DATA_DIR}",
            *args,
        ],
        check=True,
        capture_output=True,
    )


def filestore(db):
    return Path(DATA_DIR) / "filestore" / db


def verify(db):
    """Run the integrity check; return (states, alerts raised, source counts)."""
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(
        ["-d", db, f"--addons-path={ADDONS_PATH}", f"--data-dir={DATA_DIR}"]
    )
    with Registry(db).cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        alert = env.ref("ppid_exempted.mail_activity_type_vault_integrity")
        Activity = env["mail.activity"]
        alerts_before = Activity.search_count([("activity_type_id", "=", alert.id)])
        env["ppid.vault.document"]._cron_verify_integrity()
        env.flush_all()
        states = dict(
            env["ppid.vault.document"]._read_group([], ["integrity_state"], ["__count"])
        )
        alerts = (
            Activity.search_count([("activity_type_id", "=", alert.id)]) - alerts_before
        )
        cr.commit()
    return states, alerts, psql(db, COUNT_SQL).strip().replace("|", ", ")


def restore_zip(source, target):
    archive = WORK / f"{source}.zip"
    odoo_db("dump", source, str(archive))
    odoo_db("load", "--force", target, str(archive))
    return archive.stat().st_size


def restore_pg_dump(source, target, with_filestore=True):
    dump = WORK / f"{source}.dump"
    tar = WORK / f"{source}-filestore.tar.gz"
    # The database first, then the filestore: files are only ever added, so
    # every file the dump refers to is in the archive taken after it.
    subprocess.run(["pg_dump", "-Fc", "-f", str(dump), source], check=True)
    with tarfile.open(tar, "w:gz") as archive:
        archive.add(filestore(source), arcname=".")
    dropdb(target)
    shutil.rmtree(filestore(target), ignore_errors=True)
    subprocess.run(["createdb", target], check=True)
    subprocess.run(["pg_restore", "--no-owner", "-d", target, str(dump)], check=True)
    if with_filestore:
        filestore(target).mkdir(parents=True)
        with tarfile.open(tar) as archive:
            archive.extractall(filestore(target), filter="data")
    return dump.stat().st_size + tar.stat().st_size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="ppid_reliab_backup")
    parser.add_argument("--no-record", action="store_true")
    options = parser.parse_args()
    source = options.db
    targets = {
        "odoo-bin db dump / db load (zip)": f"{source}_zip",
        "pg_dump -Fc + filestore tar": f"{source}_pg",
        "control: pg_dump without the filestore": f"{source}_nofiles",
    }
    started = time.monotonic()
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    rows, failures = [], []
    try:
        print(f"Installing ppid_exempted with demo data in {source} ...", flush=True)
        create_database(source)
        states, alerts, counts = verify(source)
        rows.append(("source", "-", states, alerts, counts))
        for label, target in targets.items():
            if "zip" in label:
                size = restore_zip(source, target)
            else:
                size = restore_pg_dump(source, target, "control" not in label)
            t_states, t_alerts, t_counts = verify(target)
            rows.append((label, f"{size / 1024:.0f} KiB", t_states, t_alerts, t_counts))
            if "control" in label:
                if set(t_states) != {"missing"} or not t_alerts:
                    failures.append(f"{label}: the missing files went unnoticed")
            elif t_states != states or t_alerts or t_counts != counts:
                failures.append(f"{label}: {t_states}, {t_alerts} alerts, {t_counts}")
    finally:
        for db in (source, *targets.values()):
            dropdb(db)
            shutil.rmtree(filestore(db), ignore_errors=True)
        shutil.rmtree(WORK, ignore_errors=True)
    passed = not failures
    body = (
        "`python3 tests/reliability/backup_restore_check.py`, "
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC: "
        f"**{'PASS' if passed else 'FAIL'}**"
        + "".join(f"\n- {failure}" for failure in failures)
        + "\n\n| database | backup size | integrity states after the check | "
        "alerts raised | items, audit rows, vault log rows, documents, "
        "md5 of the fingerprints |\n|---|---|---|---|---|\n"
        + "\n".join(
            f"| {label} | {size} | {states} | {alerts} | {counts} |"
            for label, size, states, alerts, counts in rows
        )
    )
    print(body)
    print("PASS" if passed else "FAIL", f"({time.monotonic() - started:.0f}s)")
    if not options.no_record:
        append_results("Backup and restore", body)
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
