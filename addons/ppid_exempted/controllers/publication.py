# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import csv
import io
import json
from datetime import date

from werkzeug.exceptions import NotFound
from werkzeug.http import is_resource_modified

from odoo import fields, http
from odoo.http import Response, request

from ..models.ppid_register import (
    PUBLIC_FORMAT_VERSION,
    PUBLIC_OPENED_FIELDS,
    PUBLIC_REGISTER_FIELDS,
    PUBLIC_STATUS_LABELS,
)

# The only unauthenticated door of the addon: read-only, GET only, no session.
PUBLIC_ROUTE = {
    "type": "http",
    "auth": "public",
    "methods": ["GET"],
    "readonly": True,
    "save_session": False,
}
CACHE_CONTROL = "public, no-cache"
# Rows per HTML page; the CSV and JSON feeds always hold every row.
PAGE_SIZE_PARAMETER = "ppid_exempted.public_page_size"
DEFAULT_PAGE_SIZE = 100


def _encode(value, empty):
    """Dates as ISO 8601 text; a missing value as `empty`."""
    if isinstance(value, date):
        return fields.Date.to_string(value)
    if value is None or value is False:
        return empty
    return value


class PpidPublicationController(http.Controller):
    """The published register (DIK) of a public body, for its official website.

    Only items the PPID marked for publication and that are classified, of the
    body in the URL, with whitelisted metadata (see ppid.register); the
    announcements of items opened again. Every response carries an ETag and a
    Last-Modified header and answers conditional requests with 304.
    """

    @http.route("/ppid/<int:company_id>/dik", **PUBLIC_ROUTE)
    def register_page(self, company_id, page="1", **kwargs):
        company = self._company(company_id)
        builder = request.env["ppid.register"]
        page, size = self._page(page)

        def render():
            total = builder._public_register_count(company)
            offset = (page - 1) * size
            rows = builder._public_register_rows(company, offset, size)
            return self._render_page(
                "ppid_exempted.public_register_page",
                company,
                rows=[self._page_register_row(builder, row) for row in rows],
                first_number=offset + 1,
                pager=self._pager(company, "dik", page, size, total),
            )

        return self._conditional_page(company, f"page.dik.{page}.{size}", render)

    @http.route("/ppid/<int:company_id>/opened", **PUBLIC_ROUTE)
    def opened_page(self, company_id, page="1", **kwargs):
        company = self._company(company_id)
        builder = request.env["ppid.register"]
        page, size = self._page(page)

        def render():
            total = builder._public_opened_count(company)
            rows = builder._public_opened_rows(company, (page - 1) * size, size)
            return self._render_page(
                "ppid_exempted.public_opened_page",
                company,
                rows=[self._page_opened_row(builder, row) for row in rows],
                pager=self._pager(company, "opened", page, size, total),
            )

        return self._conditional_page(company, f"page.opened.{page}.{size}", render)

    @http.route("/ppid/<int:company_id>/dik.json", cors="*", **PUBLIC_ROUTE)
    def register_json(self, company_id, **kwargs):
        company = self._company(company_id)

        def render():
            rows = request.env["ppid.register"]._public_register_rows(company)
            return self._json(company, rows)

        return self._conditional(
            company, "register.json", render, "application/json; charset=utf-8"
        )

    @http.route("/ppid/<int:company_id>/dik.csv", cors="*", **PUBLIC_ROUTE)
    def register_csv(self, company_id, **kwargs):
        company = self._company(company_id)

        def render():
            rows = request.env["ppid.register"]._public_register_rows(company)
            return self._csv(PUBLIC_REGISTER_FIELDS, rows)

        return self._conditional(
            company,
            "register.csv",
            render,
            "text/csv; charset=utf-8",
            [("Content-Disposition", f'inline; filename="dik-{company.id}.csv"')],
        )

    @http.route("/ppid/<int:company_id>/opened.json", cors="*", **PUBLIC_ROUTE)
    def opened_json(self, company_id, **kwargs):
        company = self._company(company_id)

        def render():
            rows = request.env["ppid.register"]._public_opened_rows(company)
            return self._json(company, rows)

        return self._conditional(
            company, "opened.json", render, "application/json; charset=utf-8"
        )

    @http.route("/ppid/<int:company_id>/opened.csv", cors="*", **PUBLIC_ROUTE)
    def opened_csv(self, company_id, **kwargs):
        company = self._company(company_id)

        def render():
            rows = request.env["ppid.register"]._public_opened_rows(company)
            return self._csv(PUBLIC_OPENED_FIELDS, rows)

        return self._conditional(
            company,
            "opened.csv",
            render,
            "text/csv; charset=utf-8",
            [("Content-Disposition", f'inline; filename="opened-{company.id}.csv"')],
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _company(self, company_id):
        company = request.env["res.company"].sudo().browse(company_id).exists()
        if not company:
            raise NotFound()
        return company

    def _page(self, value):
        """(page number, page size) of an HTML page; a wrong number is page 1."""
        try:
            page = max(int(value), 1)
        except ValueError:
            page = 1
        parameter = (
            request.env["ir.config_parameter"].sudo().get_param(PAGE_SIZE_PARAMETER)
        )
        try:
            size = max(int(parameter or DEFAULT_PAGE_SIZE), 1)
        except ValueError:
            size = DEFAULT_PAGE_SIZE
        return page, size

    @staticmethod
    def _pager(company, route, page, size, total):
        page_count = max((total + size - 1) // size, 1)
        base = f"/ppid/{company.id}/{route}"
        return {
            "page": page,
            "page_count": page_count,
            "total": total,
            "previous_url": f"{base}?page={page - 1}" if page > 1 else "",
            "next_url": f"{base}?page={page + 1}" if page < page_count else "",
        }

    @staticmethod
    def _render_page(template, company, **values):
        return request.env["ir.qweb"]._render(
            template,
            {
                "company_name": company.name,
                "base_url": f"/ppid/{company.id}",
                **values,
            },
        )

    def _conditional_page(self, company, kind, render):
        # self-contained (no script, no external resource) and embeddable
        csp = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *"
        return self._conditional(
            company,
            kind,
            render,
            "text/html; charset=utf-8",
            [("Content-Security-Policy", csp)],
        )

    def _conditional(self, company, kind, render, content_type, headers=()):
        """Answer 304 when the client's copy is current; else render."""
        etag, last_modified = request.env["ppid.register"]._public_version(
            company, kind
        )
        if is_resource_modified(
            request.httprequest.environ, etag=etag, last_modified=last_modified
        ):
            response = request.make_response(
                render(), headers=[("Content-Type", content_type), *headers]
            )
        else:
            response = Response(status=304)
        response.set_etag(etag)
        response.last_modified = last_modified
        response.headers["Cache-Control"] = CACHE_CONTROL
        # let scripts of other sites read the validators of the open-data feeds
        response.headers["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        return response

    @staticmethod
    def _json(company, rows):
        document = {
            "format_version": PUBLIC_FORMAT_VERSION,
            "public_body": {"id": company.id, "name": company.name},
            "count": len(rows),
            "items": [
                {key: _encode(value, None) for key, value in row.items()}
                for row in rows
            ],
        }
        return json.dumps(document, ensure_ascii=False)

    @staticmethod
    def _csv(field_names, rows):
        output = io.StringIO()
        writer = csv.DictWriter(output, fieldnames=field_names, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: _encode(value, "") for key, value in row.items()})
        return output.getvalue()

    @staticmethod
    def _page_register_row(builder, row):
        if row["period_end_date"]:
            period = f"Sampai dengan {builder._format_date(row['period_end_date'])}"
        else:
            period = row["period_end_condition"]
        decree = row["decree_number"]
        if decree and row["decree_date"]:
            decree += f", {builder._format_date(row['decree_date'])}"
        return {
            **row,
            "period": period,
            "decree": decree,
            "status_label": PUBLIC_STATUS_LABELS[row["status"]],
        }

    @staticmethod
    def _page_opened_row(builder, row):
        return {**row, "opened_date_label": builder._format_date(row["opened_date"])}
