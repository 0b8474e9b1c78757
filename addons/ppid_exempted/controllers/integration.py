# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import json
from datetime import date, datetime

from werkzeug.exceptions import BadRequest, NotFound

from odoo import fields, http
from odoo.http import request

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# The latest changes a feed carries; a portal that missed more reads the list.
FEED_LIMIT = 100
# The public metadata of a row, as the JSON-2 model names it.
ROW_FIELDS = (
    "reference",
    "title",
    "holding_unit",
    "huruf",
    "angka",
    "legal_basis",
    "consequence_if_opened",
    "consequence_if_closed",
    "period_type",
    "period_end_date",
    "period_end_condition",
    "decree_number",
    "decree_date",
    "status",
)


def _json_value(value):
    if isinstance(value, datetime):
        return value.isoformat() + "Z"
    if isinstance(value, date):
        return value.isoformat()
    return value if value not in (False, None) else None


class PpidIntegrationController(http.Controller):
    """A JSON Feed of the changes of the published register, so that a
    portal need not poll the whole list. Metadata of published, classified
    items only, as in the public register (UU 14/2008 Ps 11(1)(a))."""

    @http.route(
        "/ppid/<int:company_id>/changes.json",
        type="http",
        auth="public",
        methods=["GET"],
        readonly=True,
        save_session=False,
        cors="*",
    )
    def changes_feed(self, company_id, since=None, **kwargs):
        company = request.env["res.company"].sudo().browse(company_id).exists()
        if not company:
            raise NotFound()
        since_dt = None
        if since:
            try:
                since_dt = fields.Datetime.to_datetime(since.replace("T", " ")[:19])
            except ValueError as error:
                raise BadRequest(
                    "since: an ISO 8601 date and time, e.g. 2026-01-31T08:00:00"
                ) from error
        rows, openings = request.env["ppid.published.information"]._changes(
            company, since=since_dt, limit=FEED_LIMIT
        )
        base = request.httprequest.host_url.rstrip("/")
        items = [
            {
                "id": f"dik-{row.id}-{_json_value(row.last_update)}",
                "url": f"{base}/ppid/{company.id}/dik",
                "title": row.title,
                "content_text": f"{row.reference}: {row.legal_basis}",
                "date_modified": _json_value(row.last_update),
                "_ppid": {
                    "event": "published",
                    **{name: _json_value(row[name]) for name in ROW_FIELDS},
                },
            }
            for row in rows
        ]
        for opening in openings:
            if since_dt and opening["opened_date"] < since_dt.date():
                continue
            items.append(
                {
                    "id": f"dip-{opening['reference']}-{opening['opened_date']}",
                    "url": f"{base}/ppid/{company.id}/opened",
                    "title": opening["title"],
                    "content_text": opening["announcement"],
                    "date_published": _json_value(opening["opened_date"]),
                    "_ppid": {
                        "event": "opened",
                        **{key: _json_value(value) for key, value in opening.items()},
                    },
                }
            )
        feed = {
            "version": JSON_FEED_VERSION,
            "title": f"Perubahan Daftar Informasi yang Dikecualikan - {company.name}",
            "home_page_url": f"{base}/ppid/{company.id}/dik",
            "feed_url": f"{base}/ppid/{company.id}/changes.json",
            "language": "id",
            "items": items,
        }
        return request.make_response(
            json.dumps(feed, ensure_ascii=False),
            headers=[
                ("Content-Type", "application/feed+json; charset=utf-8"),
                ("Cache-Control", "public, no-cache"),
            ],
        )
