# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public register is served by a PostgreSQL read replica.

Needs root (it runs pg_createcluster, pg_basebackup and pg_ctlcluster as the
postgres user) and a local PostgreSQL 15 cluster "main" on port 5432.

1. Creates a database with ppid_exempted and its demo data on the primary and
   publishes its classified items.
2. Creates a second cluster (15/ppid_replica, port 5439) streaming from the
   first: pg_basebackup -R, then start; waits until the database is there.
3. Starts Odoo with the production settings and `db_replica_host` /
   `db_replica_port` pointing at the replica, requests the public routes
   (`/ppid/<company>/dik`, `dik.json`, `dik.csv`, `opened`, `opened.json`) and
   counts, in both clusters' statement logs (`log_statement = all` for this
   database only), the statements on the addon's tables those requests ran.
   Expected: all on the replica, none on the primary.
4. Stops everything and drops the replica cluster and the database.

Run: python3 tests/reliability/replica_check.py [--port 18104] [--no-record]
"""

import argparse
import re
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path

from reliability_common import (
    WORKERS_CONF,
    Server,
    append_results,
    bad_log_lines,
    create_database,
    dropdb,
    psql,
)

VERSION = "15"
CLUSTER = "ppid_replica"
REPLICA_PORT = 5439
PRIMARY_LOG = Path("/var/log/postgresql/postgresql-15-main.log")
REPLICA_LOG = Path(f"/var/log/postgresql/postgresql-{VERSION}-{CLUSTER}.log")
SOCKET_DIR = "/var/run/postgresql"
ROUTES = ("dik", "dik.json", "dik.csv", "opened", "opened.json", "opened.csv")
# a statement reading the addon's own tables
ADDON_STATEMENT = re.compile(r"statement: .*\bppid_(exempted_information|public)")


def as_postgres(*args, check=True):
    return subprocess.run(
        ["su", "postgres", "-c", " ".join(args)],
        capture_output=True,
        text=True,
        check=check,
    )


def create_replica():
    drop_replica()
    as_postgres("pg_createcluster", VERSION, CLUSTER, "-p", str(REPLICA_PORT))
    data = f"/var/lib/postgresql/{VERSION}/{CLUSTER}"
    as_postgres("rm", "-rf", data)
    # The primary is shared and busy: its checkpoints may release a temporary
    # slot or recycle the WAL a copy without a slot needs. Try both, 3 times.
    for attempt in range(6):
        as_postgres("rm", "-rf", data)
        mode = ["--no-slot"] if attempt % 2 else []
        copied = as_postgres(
            "pg_basebackup",
            "-p",
            "5432",
            "-D",
            data,
            "-R",
            "-X",
            "stream",
            *mode,
            check=False,
        )
        if copied.returncode == 0:
            break
    else:
        raise RuntimeError(f"pg_basebackup failed: {copied.stderr[-500:]}")
    conf = Path(f"/etc/postgresql/{VERSION}/{CLUSTER}/conf.d/ppid_replica.conf")
    conf.write_text("hot_standby = on\nlog_line_prefix = '%m [%p] %q%u@%d '\n")
    as_postgres("pg_ctlcluster", VERSION, CLUSTER, "start")


def drop_replica():
    as_postgres("pg_dropcluster", "--stop", VERSION, CLUSTER, check=False)


def wait_replica(db, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if psql(db, "SELECT pg_is_in_recovery()", port=REPLICA_PORT).strip() == "t":
                return
        except subprocess.CalledProcessError:
            pass
        time.sleep(1)
    raise RuntimeError("the replica did not come up")


def log_size(path):
    return path.stat().st_size if path.exists() else 0


def statements_since(path, offset, db):
    with path.open("rb") as log:
        log.seek(offset)
        text = log.read().decode("utf-8", "replace")
    return [
        line
        for line in text.splitlines()
        if f"@{db} " in line and ADDON_STATEMENT.search(line)
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="ppid_reliab_replica")
    parser.add_argument("--port", type=int, default=18104)
    parser.add_argument("--no-record", action="store_true")
    options = parser.parse_args()
    db = options.db
    started = time.monotonic()
    server = None
    findings = {}
    try:
        print(f"Installing ppid_exempted with demo data in {db} ...", flush=True)
        create_database(db)
        # publish what is classified, so that the register has rows
        psql(
            db,
            "UPDATE ppid_exempted_information SET is_published = true "
            "WHERE state IN ('exempted', 'documented', 'expiring')",
        )
        psql(db, f"ALTER DATABASE {db} SET log_statement = 'all'")
        company = int(psql(db, "SELECT min(id) FROM res_company").strip())
        published = int(
            psql(
                db,
                "SELECT count(*) FROM ppid_exempted_information "
                f"WHERE is_published AND company_id = {company} "
                "AND state IN ('exempted', 'documented', 'expiring')",
            ).strip()
        )
        print("Creating the replica cluster ...", flush=True)
        create_replica()
        wait_replica(db)
        server = Server(
            db,
            options.port,
            config=WORKERS_CONF,
            extra=[
                f"--db_replica_host={SOCKET_DIR}",
                f"--db_replica_port={REPLICA_PORT}",
                "--max-cron-threads=0",
            ],
        ).start()
        # warm every worker's registry up, then measure
        for _round in range(3):
            for route in ROUTES:
                server.get(f"/ppid/{company}/{route}")
        primary_offset = log_size(PRIMARY_LOG)
        replica_offset = log_size(REPLICA_LOG)
        statuses = {}
        json_count = None
        for route in ROUTES:
            status, body, _headers = server.get(f"/ppid/{company}/{route}")
            statuses[route] = status
            if route == "dik.json":
                json_count = int(re.search(rb'"count": (\d+)', body).group(1))
        time.sleep(1)  # let the servers write their logs
        on_primary = statements_since(PRIMARY_LOG, primary_offset, db)
        on_replica = statements_since(REPLICA_LOG, replica_offset, db)
        replica_connections = int(
            psql(
                "postgres",
                f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{db}'",
                port=REPLICA_PORT,
            ).strip()
        )
        read_only_errors = sum(
            "read-only transaction" in line
            for line in REPLICA_LOG.read_text(errors="replace").splitlines()
        )
        log = server.log_text()
        findings = {
            "published items (SQL on primary)": published,
            "dik.json count": json_count,
            "HTTP statuses": statuses,
            "addon statements on the replica": len(on_replica),
            "addon statements on the primary": len(on_primary),
            "Odoo connections on the replica (pg_stat_activity)": replica_connections,
            "read-only errors on the replica (fallbacks to primary)": read_only_errors,
            "warnings in the Odoo log": bad_log_lines(log),
            "example statement on the replica": (
                on_replica[0].split("statement: ", 1)[1][:120] if on_replica else ""
            ),
        }
    finally:
        if server:
            server.stop()
        drop_replica()
        dropdb(db)
    passed = (
        all(status == 200 for status in findings.get("HTTP statuses", {}).values())
        and findings.get("dik.json count")
        == findings.get("published items (SQL on primary)")
        and findings.get("addon statements on the replica", 0) > 0
        and findings.get("addon statements on the primary") == 0
        and not findings.get("warnings in the Odoo log")
    )
    for key, value in findings.items():
        print(f"{key}: {value}")
    print("PASS" if passed else "FAIL", f"({time.monotonic() - started:.0f}s)")
    if not options.no_record:
        rows = "\n".join(
            f"| {key} | {str(value).replace('|', '/')} |"
            for key, value in findings.items()
        )
        append_results(
            "Read replica",
            "`python3 tests/reliability/replica_check.py`, "
            f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC: "
            f"**{'PASS' if passed else 'FAIL'}**. A second PostgreSQL 15 cluster "
            f"(port {REPLICA_PORT}) streaming from the first (pg_basebackup -R); "
            "Odoo with `db_replica_host`/`db_replica_port`; statements counted "
            "in both clusters' logs after a warm-up round.\n\n"
            "| check | result |\n|---|---|\n" + rows,
        )
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
