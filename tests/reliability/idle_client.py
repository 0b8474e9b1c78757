# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An idle browser must not restart the server.

Starts a real Odoo server with the production settings
(config/odoo-workers-local.conf: workers, gevent port, limits), logs in,
opens the web client's websocket on the gevent port and subscribes, opens an
idle HTTP keep-alive connection and a half-sent request (a slow client) on the
HTTP port, and waits. Then it checks that the websocket is still served, that
/web/health answers, that the master and every worker keep the same PIDs and
that the log holds no warning. With `--threaded` it runs the old single-process
configuration (config/odoo-local.conf) instead, for comparison: there the idle
keep-alive connection passes limit_time_real (120 s) and the server reloads.

Run: python3 tests/reliability/idle_client.py [--seconds 150] [--threaded]
     [--db NAME (reused if it exists)] [--port 18104] [--no-record]
"""

import argparse
import json
import socket
import threading
import time
from datetime import datetime, timezone

import websocket
from reliability_common import (
    THREADED_CONF,
    WORKERS_CONF,
    Server,
    append_results,
    bad_log_lines,
    create_database,
    dropdb,
    psql,
)


def open_websocket(server, cookie, port):
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{port}/websocket?version=19.0-1",
        cookie=cookie,
        origin=f"http://127.0.0.1:{server.port}",
        timeout=30,
    )
    ws.send(
        json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}})
    )
    return ws


class BrowserTab(threading.Thread):
    """Reads the websocket like the web client does: answers the server's
    pings (websocket-client does it while reading) and counts what comes."""

    def __init__(self, ws):
        super().__init__(daemon=True)
        self.ws = ws
        self.messages = 0
        self.pongs = 0
        self.pings = 0
        self.closed = None

    def run(self):
        try:
            while True:
                opcode, _frame = self.ws.recv_data_frame(control_frame=True)
                if opcode == websocket.ABNF.OPCODE_PONG:
                    self.pongs += 1
                elif opcode == websocket.ABNF.OPCODE_PING:
                    self.pings += 1
                elif opcode == websocket.ABNF.OPCODE_CLOSE:
                    self.closed = "closed by the server"
                    return
                else:
                    self.messages += 1
        except (websocket.WebSocketException, OSError) as error:
            self.closed = type(error).__name__

    def answers(self, timeout=10):
        """True when the server answers a ping now."""
        if self.closed:
            return f"no ({self.closed})"
        before = self.pongs
        self.ws.ping(b"still-there")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.pongs == before:
            time.sleep(0.1)
        return True if self.pongs > before else "no (no pong)"


def open_keep_alive(server):
    """A connection that made one request and then stays open, idle."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    sock.sendall(
        b"GET /web/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n"
    )
    first = sock.recv(4096)
    return sock, first.split(b"\r\n", 1)[0].decode()


def open_slow_client(server):
    """A request whose headers never end (a slow or stalled client)."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    sock.sendall(b"GET /web/login HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    return sock


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=150)
    parser.add_argument("--db", default="ppid_reliab_idle")
    parser.add_argument("--port", type=int, default=18104)
    parser.add_argument("--threaded", action="store_true")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--no-record", action="store_true")
    options = parser.parse_args()

    exists = psql(
        "postgres", f"SELECT 1 FROM pg_database WHERE datname = '{options.db}'"
    ).strip()
    if not exists:
        print(f"Installing ppid_exempted in {options.db} ...", flush=True)
        create_database(options.db)
    config = THREADED_CONF if options.threaded else WORKERS_CONF
    extra = ["--max-cron-threads=0"] if options.threaded else []
    server = Server(options.db, options.port, config=config, extra=extra)
    started = time.monotonic()
    findings = {}
    try:
        server.start()
        before = server.pids()
        cookie = server.login()
        # workers: the gevent worker serves /websocket; threaded: the one port
        ws_port = server.port if options.threaded else server.gevent_port
        ws = open_websocket(server, cookie, ws_port)
        ws.settimeout(None)
        tab = BrowserTab(ws)
        tab.start()
        keep_alive, keep_alive_status = open_keep_alive(server)
        slow = open_slow_client(server)
        print(f"Server {before}; idle clients open; waiting {options.seconds}s")
        deadline = time.monotonic() + options.seconds
        health_during = []
        while time.monotonic() < deadline:
            time.sleep(min(30, max(deadline - time.monotonic(), 0)))
            try:
                health_during.append(server.get("/web/health", timeout=10)[0])
            except OSError as error:
                health_during.append(f"{type(error).__name__}")
        # the websocket is still served: the server answers a ping
        websocket_alive = tab.answers()
        try:
            status = server.get("/web/health", timeout=10)[0]
        except OSError as error:
            status = type(error).__name__
        after = server.pids() if server.process.poll() is None else None
        log = server.log_text()
        findings = {
            "config": config.name,
            "seconds": options.seconds,
            "keep_alive_first_response": keep_alive_status,
            "health_during_wait": health_during,
            "health_after": status,
            "websocket_alive": websocket_alive,
            "websocket_pings_answered": tab.pings,
            "websocket_messages": tab.messages,
            "pids_before": before,
            "pids_after": after,
            "same_pids": before == after,
            "reloads_in_log": log.count("virtual real time limit"),
            # the worker drops the stalled request after its socket timeout
            # (2 s, ODOO_HTTP_SOCKET_TIMEOUT): expected, and logged by werkzeug
            "slow_client_dropped": log.count("Request timed out"),
            "warnings": [
                line
                for line in bad_log_lines(log)
                if "Request timed out: TimeoutError" not in line
            ],
        }
        for sock in (keep_alive, slow):
            sock.close()
        ws.close()
    finally:
        server.stop()
        if not options.keep_db:
            dropdb(options.db)
    passed = (
        findings.get("same_pids")
        and findings.get("health_after") == 200
        and findings.get("websocket_alive") is True
        and not findings.get("reloads_in_log")
        and not findings.get("warnings")
    )
    for key, value in findings.items():
        print(f"{key}: {value}")
    print("PASS" if passed else "FAIL", f"({time.monotonic() - started:.0f}s)")
    if not options.no_record:
        mode = "threaded (old config)" if options.threaded else "workers"
        rows = "\n".join(
            f"| {key} | {str(value).replace('|', '/')} |"
            for key, value in findings.items()
        )
        append_results(
            f"Idle client, {mode}, {options.seconds} s",
            f"`python3 tests/reliability/idle_client.py --seconds {options.seconds}"
            f"{' --threaded' if options.threaded else ''}`, "
            f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC: "
            f"**{'PASS' if passed else 'FAIL'}**\n\n| check | result |\n|---|---|\n"
            + rows,
        )
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
