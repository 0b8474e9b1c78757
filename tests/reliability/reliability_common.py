# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared helpers of the reliability scripts (tests/reliability/*.py).

Plain Python with Odoo importable and a local PostgreSQL reachable the libpq
way (Unix socket, your own user). Each script creates its own databases and
drops them afterwards; nothing here is a mock of Odoo: the servers are real
`odoo server` processes with the production settings
(config/odoo-workers-local.conf).
"""

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

from odoo import release

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
WORKERS_CONF = REPO / "config" / "odoo-workers-local.conf"
THREADED_CONF = REPO / "config" / "odoo-local.conf"
ODOO_ROOT = Path(release.__file__).resolve().parent.parent
ADDONS_PATH = os.environ.get(
    "ODOO_ADDONS_PATH", f"{REPO / 'addons'},{ODOO_ROOT / 'addons'}"
)
DATA_DIR = os.environ.get("PPID_RELIABILITY_DATA_DIR", "/tmp/ppid_reliability_data")
# A log line at WARNING level or above (Odoo's log format).
BAD_LOG_LINE = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) ", re.MULTILINE)


ODOO_BIN = ODOO_ROOT / "odoo-bin"


def odoo_args(db, *args, addons_path=ADDONS_PATH, data_dir=DATA_DIR):
    # Through odoo-bin, not `-m odoo`: the prefork server spawns its gevent
    # worker as `python3 <argv[0]> gevent ...`.
    launcher = [str(ODOO_BIN)] if ODOO_BIN.exists() else ["-m", "odoo", "server"]
    return [
        sys.executable,
        *launcher,
        "-d",
        db,
        f"--addons-path={addons_path}",
        f"--data-dir={data_dir}",
        *args,
    ]


def run_odoo(db, *args, log=None, **kwargs):
    """Run Odoo to completion (install, upgrade); return its log text."""
    completed = subprocess.run(
        odoo_args(
            db, *args, "--http-interface=127.0.0.1", "--stop-after-init", **kwargs
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    output = completed.stdout + completed.stderr
    if log:
        Path(log).write_text(output)
    if completed.returncode:
        raise RuntimeError(f"odoo {' '.join(args)} failed:\n{output[-4000:]}")
    return output


def dropdb(db, pg_port=None):
    """Drop the database and its filestore."""
    port = ["-p", str(pg_port)] if pg_port else []
    subprocess.run(["dropdb", *port, "--if-exists", "--force", db], check=True)
    shutil.rmtree(Path(DATA_DIR) / "filestore" / db, ignore_errors=True)


def create_database(db, demo=True, modules="ppid_exempted", extra=(), **kwargs):
    """A fresh database with the addon installed; return the install log.

    `extra`: more Odoo options, e.g. --db_port of a private cluster.
    """
    pg_port = next(
        (arg.split("=", 1)[1] for arg in extra if arg.startswith("--db_port=")), None
    )
    dropdb(db, pg_port)
    args = ["-i", modules, "--log-level=warn", *extra]
    if demo:
        args.append("--with-demo")
    return run_odoo(db, *args, **kwargs)


def bad_log_lines(text):
    return [line for line in text.splitlines() if BAD_LOG_LINE.match(line)]


class Server:
    """A real Odoo server process, started with a given configuration file."""

    def __init__(self, db, port, config=WORKERS_CONF, extra=(), log_path=None):
        self.db = db
        self.port = port
        self.gevent_port = port + 10000
        self.config = config
        self.extra = list(extra)
        self.log_path = Path(log_path or f"/tmp/ppid_reliability_{db}_{port}.log")
        self.process = None

    def start(self, timeout=180):
        self.log_file = self.log_path.open("w")
        args = odoo_args(
            self.db,
            "-c",
            str(self.config),
            f"--http-port={self.port}",
            f"--gevent-port={self.gevent_port}",
            f"--db-filter=^{self.db}$",
            "--log-level=info",
            *self.extra,
        )
        self.process = subprocess.Popen(
            args, stdout=self.log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.wait_healthy(timeout)
        return self

    def wait_healthy(self, timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited; see {self.log_path}")
            try:
                ports = [self.port]
                if self.config == WORKERS_CONF:
                    # the gevent worker (websocket) starts after the others
                    ports.append(self.gevent_port)
                if all(self.get("/web/health", port)[0] == 200 for port in ports):
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"server not healthy after {timeout}s; see {self.log_path}")

    def get(self, path, port=None, headers=None, timeout=30):
        connection = http.client.HTTPConnection(
            "127.0.0.1", port or self.port, timeout=timeout
        )
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read(), dict(response.getheaders())
        finally:
            connection.close()

    def jsonrpc(self, path, params, cookie=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
        headers = {"Content-Type": "application/json"}
        if cookie:
            headers["Cookie"] = cookie
        try:
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            payload = json.loads(response.read() or b"{}")
            return response.status, payload, response.getheader("Set-Cookie")
        finally:
            connection.close()

    def login(self, login="admin", password="admin"):
        """Authenticate; return the session cookie ("session_id=...")."""
        _status, payload, set_cookie = self.jsonrpc(
            "/web/session/authenticate",
            {"db": self.db, "login": login, "password": password},
        )
        if "error" in payload or not set_cookie:
            raise RuntimeError(f"login failed: {payload}")
        return set_cookie.split(";", 1)[0]

    def pids(self):
        """(master pid, sorted pids of its children: workers, gevent, cron)."""
        master = psutil.Process(self.process.pid)
        return master.pid, sorted(child.pid for child in master.children())

    def log_text(self):
        self.log_file.flush()
        return self.log_path.read_text()

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        if getattr(self, "log_file", None):
            self.log_file.close()


def psql(db, sql, port=None):
    """Run one SQL statement with psql; return its unaligned output."""
    args = ["psql", "-X", "-qtAc", sql, db]
    if port:
        args[1:1] = ["-p", str(port)]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def append_results(section, body):
    """Replace (or add) one `## section` of tests/reliability/RESULTS.md."""
    text = RESULTS.read_text() if RESULTS.exists() else "# Reliability results\n"
    block = f"## {section}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(section)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _match: block + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + block
    RESULTS.write_text(text.rstrip("\n") + "\n")


PG_VERSION = "15"
SOCKET_DIR = "/var/run/postgresql"


def as_postgres(*args, check=True):
    """Run a command as the postgres system user (needs root)."""
    return subprocess.run(
        ["su", "postgres", "-c", " ".join(args)],
        capture_output=True,
        text=True,
        check=check,
    )


def create_cluster(name, port):
    """A fresh, private PostgreSQL cluster with a superuser role for us."""
    drop_cluster(name)
    as_postgres("pg_createcluster", PG_VERSION, name, "-p", str(port), "--start")
    user = psutil.Process().username()
    as_postgres("createuser", "-p", str(port), "--superuser", user)


def drop_cluster(name):
    as_postgres("pg_dropcluster", "--stop", PG_VERSION, name, check=False)
