# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""While PostgreSQL cannot be reached, requests get 503 and Retry-After.

A real Odoo server is started beside the test server, with the addon loaded
as in config/odoo.conf (`server_wide_modules`) and its database port
pointing at a port where no PostgreSQL listens: the state of every worker
while the database restarts. Odoo alone answers 404 "database not found"
there (see http_unavailable.py).
"""

import os
import socket
import subprocess
import sys
import tempfile
import time

import requests

from odoo.tests import TransactionCase, tagged
from odoo.tools import config

from ..http_unavailable import RETRY_AFTER_SECONDS

START_TIMEOUT = 90  # seconds


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@tagged("post_install", "-at_install")
class TestDatabaseUnavailable(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.port = _free_port()
        cls.data_dir = tempfile.TemporaryDirectory()
        cls.server_log = tempfile.TemporaryFile()
        command = [
            sys.executable,
            "-m",
            "odoo",
            "server",
            "--addons-path",
            config["addons_path"]
            if isinstance(config["addons_path"], str)
            else ",".join(config["addons_path"]),
            "--data-dir",
            cls.data_dir.name,
            "--http-interface",
            "127.0.0.1",
            "--http-port",
            str(cls.port),
            "--db_host",
            "127.0.0.1",
            "--db_port",
            str(_free_port()),  # nothing listens there: PostgreSQL is "down"
            "--load",
            "base,rpc,web,ppid_exempted",
            "--max-cron-threads",
            "0",
        ]
        cls.server = subprocess.Popen(  # noqa: S603 - our own interpreter
            command,
            stdout=cls.server_log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PGPASSWORD": ""},
        )
        cls.addClassCleanup(cls._stop_server)
        cls.base_url = f"http://127.0.0.1:{cls.port}"
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                requests.get(f"{cls.base_url}/web/health", timeout=2)
                return
            except requests.ConnectionError:
                time.sleep(0.3)
        raise AssertionError("the second Odoo server did not start")

    @classmethod
    def _stop_server(cls):
        cls.server.terminate()
        cls.server.wait(timeout=30)
        cls.server_log.close()
        cls.data_dir.cleanup()

    def assertUnavailable(self, response, content_type):
        self.assertEqual(response.status_code, 503, response.text[:300])
        self.assertEqual(response.headers["Retry-After"], str(RETRY_AFTER_SECONDS))
        self.assertTrue(response.headers["Content-Type"].startswith(content_type))

    def test_the_public_register_answers_503_not_404(self):
        page = requests.get(f"{self.base_url}/ppid/1/dik", timeout=10)
        self.assertUnavailable(page, "text/html")
        self.assertIn("Layanan tidak tersedia", page.text)
        feed = requests.get(f"{self.base_url}/ppid/1/dik.json", timeout=10)
        self.assertUnavailable(feed, "application/json")
        self.assertEqual(feed.json()["error"]["code"], 503)

    def test_a_json_rpc_caller_of_a_named_database_gets_json_503(self):
        # a database named in the request reaches the registry, which cannot
        # connect; Odoo would log the caller out and answer its 404 page
        response = requests.post(
            f"{self.base_url}/json/2/res.partner/search_read",
            json={"domain": []},
            headers={"X-Odoo-Database": self.env.cr.dbname},
            timeout=10,
        )
        self.assertUnavailable(response, "application/json")
        self.assertIn("coba lagi", response.json()["error"]["message"])

    def test_the_health_check_still_answers_without_a_database(self):
        response = requests.get(f"{self.base_url}/web/health", timeout=10)
        self.assertEqual(response.status_code, 200)
