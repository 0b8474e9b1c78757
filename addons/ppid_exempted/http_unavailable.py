# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""503 Service Unavailable while the database server is down or restarting.

Odoo 19 answers a request it cannot connect for as if the database did not
exist: the database list comes back empty, so the public register and every
JSON-RPC call get the 404 HTML page "database not found", and a logged-in
user is logged out. A caller cannot tell that from a wrong URL and does not
retry. While PostgreSQL itself cannot be reached, the server now answers 503
with `Retry-After` (JSON for JSON callers), keeps the session, and serves the
request normally again as soon as the database is back.

Installed by the manifest's `post_load` (`install`), so it holds in every
worker that has imported the addon; list the addon in `server_wide_modules`
(config/odoo.conf) so that a worker started during an outage has it too.
A database that really does not exist while the server is up keeps Odoo's
own answer.
"""

import functools
import json
import logging

import psycopg2
from werkzeug.exceptions import ServiceUnavailable

from odoo import http, sql_db

_logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 10
# Routes Odoo serves without a database: left as they are.
NO_DATABASE_PATHS = ("/web/health", "/web/database/", "/web/static/")
MESSAGE = "Layanan sedang tidak tersedia sementara. Silakan coba lagi sebentar lagi."
HTML_BODY = (
    '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
    "<title>503 Layanan tidak tersedia</title></head><body>"
    f"<h1>Layanan tidak tersedia</h1><p>{MESSAGE}</p></body></html>"
)


def database_server_down():
    """True when no connection to the PostgreSQL server can be opened."""
    try:
        with sql_db.db_connect("postgres").cursor() as cr:
            cr.execute("SELECT 1")
    except psycopg2.OperationalError:
        return True
    return False


def _wants_json(httprequest):
    return (
        httprequest.path.startswith(("/json/", "/jsonrpc", "/web/dataset/"))
        or httprequest.path.endswith(".json")
        or httprequest.mimetype == "application/json"
        or httprequest.accept_mimetypes.best == "application/json"
    )


def unavailable(httprequest):
    """The 503 answer, in the caller's format."""
    headers = [("Retry-After", str(RETRY_AFTER_SECONDS))]
    if _wants_json(httprequest):
        body = json.dumps(
            {"error": {"code": 503, "message": MESSAGE, "name": "ServiceUnavailable"}}
        )
        content_type = "application/json; charset=utf-8"
    else:
        body, content_type = HTML_BODY, "text/html; charset=utf-8"
    response = http.Response(
        body, status=503, headers=[("Content-Type", content_type), *headers]
    )
    return ServiceUnavailable(response=response)


def _unavailable_if_server_down(cause=None):
    """Raise the 503 when the current request needs the database and the
    database server cannot be reached."""
    request = http.request
    if not request or request.httprequest.path.startswith(NO_DATABASE_PATHS):
        return
    if database_server_down():
        _logger.warning(
            "Database server unreachable: %s answered 503", request.httprequest.path
        )
        raise unavailable(request.httprequest) from cause


def _db_list(original):
    @functools.wraps(original)
    def db_list(*args, **kwargs):
        dbs = original(*args, **kwargs)
        # Odoo returns an empty list when it cannot connect
        if not dbs:
            _unavailable_if_server_down()
        return dbs

    db_list.ppid_unavailable = True
    return db_list


def _serve_db(original):
    @functools.wraps(original)
    def serve_db(self):
        try:
            return original(self)
        except http.RegistryError as error:
            if isinstance(error.__cause__, psycopg2.OperationalError):
                _unavailable_if_server_down(error)
            raise

    serve_db.ppid_unavailable = True
    return serve_db


def install():
    """Wrap the two places where Odoo turns an unreachable database server
    into "no database" (idempotent)."""
    if not getattr(http.db_list, "ppid_unavailable", False):
        http.db_list = _db_list(http.db_list)
    if not getattr(http.Request._serve_db, "ppid_unavailable", False):
        http.Request._serve_db = _serve_db(http.Request._serve_db)
