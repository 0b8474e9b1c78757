# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from werkzeug.http import is_resource_modified

from odoo import http
from odoo.http import Response, request

# The only unauthenticated door of the addon: read-only, GET only, no session.
# readonly: Odoo serves the route from a read replica when db_replica_host is
# set (see ppid.public.snapshot for where the stored bodies are built then).
PUBLIC_ROUTE = {
    "type": "http",
    "auth": "public",
    "methods": ["GET"],
    "readonly": True,
    "save_session": False,
}
# A reverse proxy (config/nginx.conf) may keep a copy for a minute, then asks
# again with the validators (a 304 costs one indexed query here).
CACHE_CONTROL = "public, max-age=60, must-revalidate"
HTML = "text/html; charset=utf-8"
JSON = "application/json; charset=utf-8"
CSV = "text/csv; charset=utf-8"


class PpidPublicationController(http.Controller):
    """The published register (DIK) of a public body, for its official website.

    Only items the PPID marked for publication and that are classified, of the
    body in the URL, with whitelisted metadata (see ppid.register); the
    announcements of items opened again. Every response carries an ETag and a
    Last-Modified header and answers conditional requests with 304.
    """

    @http.route("/ppid/<int:company_id>/dik", **PUBLIC_ROUTE)
    def register_page(self, company_id, page="1", **kwargs):
        return self._page(company_id, "dik", page)

    @http.route("/ppid/<int:company_id>/opened", **PUBLIC_ROUTE)
    def opened_page(self, company_id, page="1", **kwargs):
        return self._page(company_id, "opened", page)

    @http.route("/ppid/<int:company_id>/dik.json", cors="*", **PUBLIC_ROUTE)
    def register_json(self, company_id, **kwargs):
        return self._feed(company_id, "register.json", JSON)

    @http.route("/ppid/<int:company_id>/dik.csv", cors="*", **PUBLIC_ROUTE)
    def register_csv(self, company_id, **kwargs):
        return self._feed(
            company_id, "register.csv", CSV, f'inline; filename="dik-{company_id}.csv"'
        )

    @http.route("/ppid/<int:company_id>/opened.json", cors="*", **PUBLIC_ROUTE)
    def opened_json(self, company_id, **kwargs):
        return self._feed(company_id, "opened.json", JSON)

    @http.route("/ppid/<int:company_id>/opened.csv", cors="*", **PUBLIC_ROUTE)
    def opened_csv(self, company_id, **kwargs):
        return self._feed(
            company_id,
            "opened.csv",
            CSV,
            f'inline; filename="opened-{company_id}.csv"',
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _page(self, company_id, route, page):
        """An HTML page of the register or of the announcements; a wrong page
        number is page 1."""
        try:
            page = max(int(page), 1)
        except ValueError:
            page = 1
        kind = request.env["ppid.public.snapshot"]._page_kind(route, page)
        # self-contained (no script, no external resource) and embeddable
        csp = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            "frame-ancestors *"
        )
        return self._conditional(
            company_id, kind, HTML, [("Content-Security-Policy", csp)]
        )

    def _not_found(self):
        """A wrong body or page: 404, in the language of the public."""
        body = request.env["ir.qweb"]._render(
            "ppid_exempted.public_not_found_page", {"company_name": "", "base_url": ""}
        )
        return Response(str(body), status=404, headers=[("Content-Type", HTML)])

    def _feed(self, company_id, kind, content_type, disposition=None):
        headers = [("Content-Disposition", disposition)] if disposition else []
        return self._conditional(company_id, kind, content_type, headers)

    def _conditional(self, company_id, kind, content_type, headers=()):
        """Answer 304 when the client's copy is current; else send the body,
        stored when current (ppid.public.snapshot), built otherwise. A 304
        costs one query."""
        snapshots = request.env["ppid.public.snapshot"].sudo()
        version = snapshots._version(company_id, kind)
        if version is None:
            return self._not_found()
        etag, last_modified = version["etag"], version["last_modified"]
        if is_resource_modified(
            request.httprequest.environ, etag=etag, last_modified=last_modified
        ):
            response = Response(
                snapshots._body(company_id, kind, version),
                headers=[("Content-Type", content_type), *headers],
            )
        else:
            response = Response(status=304)
        response.set_etag(etag)
        response.last_modified = last_modified
        response.headers["Cache-Control"] = CACHE_CONTROL
        # let scripts of other sites read the validators of the open-data feeds
        response.headers["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        return response
