# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from urllib.parse import urlencode

from werkzeug.http import is_resource_modified

from odoo import http
from odoo.fields import Domain
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
# The search of the public register: its parameters and their sane values.
# Anything else (an unknown parameter, a huruf "z", a text of a megabyte) is
# ignored, never an error.
SEARCH_TEXT_PARAMETERS = ("q", "unit")
SEARCH_TEXT_MAX_LENGTH = 100
SEARCH_HURUF = tuple("abcdefghij")
SEARCH_STATUS_STATES = {
    "exempted": ("exempted", "documented"),
    "expiring": ("expiring",),
}
# The pages are self-contained (no script, no external resource) and
# embeddable; the search form submits to the page itself (plain GET).
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'self'; frame-ancestors *"
)
# Beyond any register: a page number past this is the last page.
MAX_PAGE = 100000
# PostgreSQL's integer: a larger id in the URL names no body.
MAX_ID = 2**31 - 1


class PpidPublicationController(http.Controller):
    """The published register (DIK) of a public body, for its official website.

    Only items the PPID marked for publication and that are classified, of the
    body in the URL, with whitelisted metadata (see ppid.register); the
    announcements of items opened again. Every response carries an ETag and a
    Last-Modified header and answers conditional requests with 304.
    """

    @http.route("/ppid/<int:company_id>/dik", **PUBLIC_ROUTE)
    def register_page(self, company_id, page="1", **kwargs):
        """The register; searched (title or reference, unit, huruf, status)
        when the visitor asks, else the stored page."""
        if company_id > MAX_ID:
            return self._not_found()
        filters = self._search_filters(kwargs)
        if filters:
            return self._search_page(company_id, filters, self._page_number(page))
        return self._page(company_id, "dik", self._page_number(page))

    @http.route("/ppid/<int:company_id>/opened", **PUBLIC_ROUTE)
    def opened_page(self, company_id, page="1", **kwargs):
        if company_id > MAX_ID:
            return self._not_found()
        return self._page(company_id, "opened", self._page_number(page))

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
    # The search of the register page (rendered live, read-only)
    # ------------------------------------------------------------------

    def _page_number(self, page):
        """A page number from the URL: 1 unless a sane positive number."""
        try:
            return min(max(int(page), 1), MAX_PAGE)
        except (TypeError, ValueError):
            return 1

    def _search_filters(self, params):
        """The visitor's search, from the known parameters with sane values;
        every other parameter or value is ignored."""
        filters = {}
        for name in SEARCH_TEXT_PARAMETERS:
            value = params.get(name)
            if isinstance(value, str):
                # one line of text, no NUL (PostgreSQL refuses it), bounded
                value = " ".join(value.replace("\x00", " ").split())
                value = value[:SEARCH_TEXT_MAX_LENGTH].strip()
                if value:
                    filters[name] = value
        if params.get("huruf") in SEARCH_HURUF:
            filters["huruf"] = params["huruf"]
        if params.get("status") in SEARCH_STATUS_STATES:
            filters["status"] = params["status"]
        return filters

    def _search_domain(self, filters):
        """The search over the published fields only: the title and the
        reference, the holding unit's name, the huruf, the status. It narrows
        ppid.register's public rows and never reaches another field."""
        domain = Domain.TRUE
        if "q" in filters:
            domain &= Domain("title", "ilike", filters["q"]) | Domain(
                "name", "ilike", filters["q"]
            )
        if "unit" in filters:
            domain &= Domain("unit_id.name", "ilike", filters["unit"])
        if "huruf" in filters:
            domain &= Domain("huruf", "=", filters["huruf"])
        if "status" in filters:
            domain &= Domain("state", "in", SEARCH_STATUS_STATES[filters["status"]])
        return domain

    def _search_page(self, company_id, filters, page):
        """A searched register page, built from the same whitelisted rows as
        the stored pages, one page at a time, never stored."""
        company = request.env["res.company"].sudo().browse(company_id).exists()
        if not company:
            return self._not_found()
        snapshots = request.env["ppid.public.snapshot"].sudo()
        builder = request.env["ppid.register"].sudo()
        domain = self._search_domain(filters)
        size = snapshots._page_size()
        total = builder._public_register_count(company, domain)
        page_count = max((total + size - 1) // size, 1)
        page = min(page, page_count)
        offset = (page - 1) * size
        rows = builder._public_register_rows(company, offset, size, domain)
        base = f"/ppid/{company.id}/dik?"
        body = snapshots._render_page(
            "ppid_exempted.public_register_page",
            company,
            rows=[snapshots._page_register_row(row) for row in rows],
            first_number=offset + 1,
            filters=filters,
            pager={
                "page": page,
                "page_count": page_count,
                "total": total,
                "previous_url": page > 1
                and base + urlencode({**filters, "page": page - 1}),
                "next_url": page < page_count
                and base + urlencode({**filters, "page": page + 1}),
            },
        )
        return Response(
            body,
            headers=[
                ("Content-Type", HTML),
                ("Content-Security-Policy", PAGE_CSP),
                ("Cache-Control", CACHE_CONTROL),
            ],
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _page(self, company_id, route, page):
        """An HTML page of the register or of the announcements; a wrong page
        number is page 1."""
        kind = request.env["ppid.public.snapshot"]._page_kind(route, page)
        return self._conditional(
            company_id, kind, HTML, [("Content-Security-Policy", PAGE_CSP)]
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
