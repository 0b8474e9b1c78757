# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The published register, precomputed: one stored body per body and format.

The public routes (controllers/publication.py) read here first. A
representation is current while the version of the published rows it was
built from (ppid.public.version, bumped by PostgreSQL triggers in the
statement that changes such a row) has not changed; a conditional request
then costs one lookup of the version by its unique index (body, family),
whatever the number of rows, and a full response sends the stored bytes.

Where the snapshot is (re)built: the public routes are `readonly=True`, so
that Odoo sends them to a read replica when `db_replica_host` is set.
- Without a replica (the usual install), Odoo gives a readonly route a
  read/write cursor on the primary: the first request that finds a snapshot
  stale rebuilds and stores it, and every later one streams it.
- On a replica the cursor cannot write: the request builds the body without
  storing it (correct, only slower), and the cron "PPID: refresh the public
  register" rebuilds every stale snapshot on the primary within minutes.
A stale snapshot is never served: the version it was built from is no longer
the current one.
"""

import csv
import io
import json
from datetime import date, datetime

from odoo import api, fields, models
from odoo.tools import SQL

from .ppid_exempted_information import ACTIVE_EXEMPTION_STATES
from .ppid_register import (
    INDONESIAN,
    PUBLIC_FORMAT_VERSION,
    PUBLIC_OPENED_FIELDS,
    PUBLIC_REGISTER_FIELDS,
    PUBLIC_STATUS_LABELS,
)

# Rows per HTML page; the CSV and JSON feeds always hold every row.
PAGE_SIZE_PARAMETER = "ppid_exempted.public_page_size"
DEFAULT_PAGE_SIZE = 100
# Representations without a page: kind -> family of rows.
FEED_KINDS = {
    "register.json": "register",
    "register.csv": "register",
    "opened.json": "opened",
    "opened.csv": "opened",
}
# A spreadsheet reads a cell starting with one of these as a formula
# (OWASP "CSV injection"): such a cell is sent as text, behind a quote.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _encode(value, empty):
    """Dates as ISO 8601 text; a missing value as `empty`."""
    if isinstance(value, date):
        return fields.Date.to_string(value)
    if value is None or value is False:
        return empty
    return value


def _csv_cell(value):
    value = _encode(value, "")
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return f"'{value}"
    return value


# Last-Modified of a list that holds no row yet.
EMPTY_LIST_DATE = datetime(2000, 1, 1)


class PpidPublicSnapshot(models.Model):
    """A stored public representation of a body's register (technical)."""

    _name = "ppid.public.snapshot"
    _description = "Public Register Snapshot"

    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Public Body",
        required=True,
        ondelete="cascade",
    )
    kind = fields.Char(required=True)
    fingerprint = fields.Char(required=True)
    etag = fields.Char(required=True)
    last_modified = fields.Datetime(required=True)
    body = fields.Text()

    _kind_uniq = models.UniqueIndex("(company_id, kind)")

    def init(self):
        # The published rows of a body: their count and their latest write
        # (the pages' "terakhir diperbarui") from this partial index.
        states = ", ".join(f"'{state}'" for state in ACTIVE_EXEMPTION_STATES)
        self.env.cr.execute(
            SQL(
                """
                CREATE INDEX IF NOT EXISTS ppid_exempted_information_published_idx
                    ON ppid_exempted_information (company_id, write_date, id)
                 WHERE is_published AND state IN (%s)
                """,
                SQL(states),
            )
        )
        # Bodies are sent as they are: no compression to undo on each read.
        self.env.cr.execute(
            "ALTER TABLE ppid_public_snapshot ALTER COLUMN body SET STORAGE EXTERNAL"
        )

    # ------------------------------------------------------------------
    # Serving
    # ------------------------------------------------------------------

    @api.model
    def _family(self, kind):
        if kind in FEED_KINDS:
            return FEED_KINDS[kind]
        return "register" if kind.startswith("page.dik.") else "opened"

    @api.model
    def _version(self, company_id, kind):
        """The current validators of a representation, without its body: one
        lookup by the unique index of the version (a second one, of the body,
        only for a body whose rows never changed); None when the body does
        not exist.

        Returns a dict with `etag`, `last_modified` and `fingerprint` (what a
        stored body must have been built from to be current).
        """
        # pending ORM writes reach the database (and its triggers) first
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT serial, changed_at FROM ppid_public_version"
                " WHERE company_id = %s AND family = %s",
                company_id,
                self._family(kind),
            )
        )
        found = self.env.cr.fetchone()
        if not found:
            self.env.cr.execute(
                SQL("SELECT 1 FROM res_company WHERE id = %s", company_id)
            )
            if not self.env.cr.fetchone():
                return None
            found = (0, None)
        serial, changed_at = found
        # the labels are Indonesian once the language is installed (cached)
        lang = INDONESIAN if self.env["res.lang"]._get_data(code=INDONESIAN) else ""
        fingerprint = f"{PUBLIC_FORMAT_VERSION}|{lang}|{serial}"
        return {
            "fingerprint": fingerprint,
            "etag": self.env["ppid.register"]._public_etag(
                company_id, kind, fingerprint
            ),
            # A list that never changed has a fixed date, so that its
            # validators stay stable from one request to the next.
            "last_modified": changed_at or EMPTY_LIST_DATE,
        }

    @api.model
    def _is_current(self, company_id, kind, version):
        """Whether a body is stored for this version of the rows."""
        self.env.cr.execute(
            SQL(
                "SELECT 1 FROM ppid_public_snapshot"
                " WHERE company_id = %s AND kind = %s AND fingerprint = %s",
                company_id,
                kind,
                version["fingerprint"],
            )
        )
        return bool(self.env.cr.fetchone())

    @api.model
    def _body(self, company_id, kind, version):
        """The body of a representation (bytes): the stored one when current;
        else built, and stored when the cursor may write."""
        self.env.cr.execute(
            SQL(
                "SELECT body FROM ppid_public_snapshot"
                " WHERE company_id = %s AND kind = %s AND fingerprint = %s",
                company_id,
                kind,
                version["fingerprint"],
            )
        )
        stored = self.env.cr.fetchone()
        if stored:
            return stored[0].encode()
        company = self.env["res.company"].sudo().browse(company_id)
        body = self._build(company, kind)
        if not self.env.cr.readonly and self._storable(company, kind):
            self._store(company, kind, version, body)
        return body.encode()

    @api.model
    def _storable(self, company, kind):
        """Feeds and the pages that exist: an anonymous visitor asking for
        ?page=123456 gets an empty page, and stores nothing."""
        if kind in FEED_KINDS:
            return True
        _page, route, page, size = kind.split(".")
        builder = self.env["ppid.register"].sudo()
        if route == "dik":
            rows = builder._public_register_count(company)
        else:
            rows = builder._public_opened_count(company)
        return int(page) <= max((rows + int(size) - 1) // int(size), 1)

    @api.model
    def _store(self, company, kind, version, body):
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO ppid_public_snapshot (
                    company_id, kind, fingerprint, etag, last_modified, body,
                    create_uid, write_uid, create_date, write_date)
                VALUES (%(company)s, %(kind)s, %(fingerprint)s, %(etag)s,
                        %(last_modified)s, %(body)s, %(uid)s, %(uid)s,
                        now() at time zone 'UTC', now() at time zone 'UTC')
                ON CONFLICT (company_id, kind) DO UPDATE
                   SET fingerprint = EXCLUDED.fingerprint,
                       etag = EXCLUDED.etag,
                       last_modified = EXCLUDED.last_modified,
                       body = EXCLUDED.body,
                       write_uid = EXCLUDED.write_uid,
                       write_date = EXCLUDED.write_date
                """,
                company=company.id,
                kind=kind,
                fingerprint=version["fingerprint"],
                etag=version["etag"],
                last_modified=version["last_modified"],
                body=body,
                uid=self.env.uid,
            )
        )

    @api.model
    def _cron_refresh(self):
        """Rebuild the stale snapshots of every body on the primary (the feeds
        and every page), so that a read replica serves them as stored."""
        builder = self.env["ppid.register"].sudo()
        size = self._page_size()
        # bodies that publish, or published before
        self.env.cr.execute(
            """
            SELECT company_id FROM ppid_exempted_information
             WHERE is_published OR state = 'opened'
             UNION
            SELECT company_id FROM ppid_public_snapshot
            """
        )
        company_ids = [company_id for (company_id,) in self.env.cr.fetchall()]
        for company in self.env["res.company"].sudo().browse(company_ids).exists():
            counts = {
                "dik": builder._public_register_count(company),
                "opened": builder._public_opened_count(company),
            }
            kinds = list(FEED_KINDS)
            for route, count in counts.items():
                pages = max((count + size - 1) // size, 1)
                kinds += [f"page.{route}.{page}.{size}" for page in range(1, pages + 1)]
            for kind in kinds:
                version = self._version(company.id, kind)
                if not self._is_current(company.id, kind, version):
                    self._store(company, kind, version, self._build(company, kind))
            # pages that no longer exist
            self.env.cr.execute(
                SQL(
                    "DELETE FROM ppid_public_snapshot"
                    " WHERE company_id = %s AND kind NOT IN %s",
                    company.id,
                    tuple(kinds),
                )
            )

    # ------------------------------------------------------------------
    # Building the representations
    # ------------------------------------------------------------------

    @api.model
    def _page_size(self):
        parameter = (
            self.env["ir.config_parameter"].sudo().get_param(PAGE_SIZE_PARAMETER)
        )
        try:
            return max(int(parameter or DEFAULT_PAGE_SIZE), 1)
        except ValueError:
            return DEFAULT_PAGE_SIZE

    @api.model
    def _page_kind(self, route, page):
        return f"page.{route}.{page}.{self._page_size()}"

    @api.model
    def _build(self, company, kind):
        """The text of a representation, from ppid.register's rows."""
        builder = self.env["ppid.register"]
        if kind == "register.json":
            return self._json(company, builder._public_register_rows(company))
        if kind == "register.csv":
            return self._csv(
                PUBLIC_REGISTER_FIELDS, builder._public_register_rows(company)
            )
        if kind == "opened.json":
            return self._json(company, builder._public_opened_rows(company))
        if kind == "opened.csv":
            return self._csv(PUBLIC_OPENED_FIELDS, builder._public_opened_rows(company))
        _page, route, page, size = kind.split(".")
        page, size = int(page), int(size)
        offset = (page - 1) * size
        if route == "dik":
            total = builder._public_register_count(company)
            rows = builder._public_register_rows(company, offset, size)
            return self._render_page(
                "ppid_exempted.public_register_page",
                company,
                rows=[self._page_register_row(row) for row in rows],
                first_number=offset + 1,
                pager=self._pager(company, route, page, size, total),
            )
        total = builder._public_opened_count(company)
        rows = builder._public_opened_rows(company, offset, size)
        return self._render_page(
            "ppid_exempted.public_opened_page",
            company,
            rows=[self._page_opened_row(row) for row in rows],
            pager=self._pager(company, route, page, size, total),
        )

    @api.model
    def _json(self, company, rows):
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

    @api.model
    def _csv(self, field_names, rows):
        output = io.StringIO()
        writer = csv.DictWriter(output, fieldnames=field_names, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: _csv_cell(value) for key, value in row.items()})
        return output.getvalue()

    @api.model
    def _pager(self, company, route, page, size, total):
        page_count = max((total + size - 1) // size, 1)
        base = f"/ppid/{company.id}/{route}"
        return {
            "page": page,
            "page_count": page_count,
            "total": total,
            "previous_url": f"{base}?page={page - 1}" if page > 1 else "",
            "next_url": f"{base}?page={page + 1}" if page < page_count else "",
        }

    @api.model
    def _last_updated(self, company, family="register"):
        """When the rows a family shows last changed (for the page's
        "terakhir diperbarui"): only rows the page shows count."""
        builder = self.env["ppid.register"]
        if family == "register":
            rows = self.env["ppid.exempted.information"].with_context(active_test=False)
            domain = builder._public_register_domain(company)
        else:
            rows = self.env["ppid.public.information"].with_context(active_test=False)
            domain = builder._opened_domain(company)
        latest = rows.sudo().search(domain, order="write_date desc", limit=1)
        return latest.write_date

    @api.model
    def _render_page(self, template, company, **values):
        opened = template == "ppid_exempted.public_opened_page"
        family = "opened" if opened else "register"
        return str(
            self.env["ir.qweb"]._render(
                template,
                {
                    "company": company,
                    "company_name": company.name,
                    "base_url": f"/ppid/{company.id}",
                    "last_updated": self._last_updated(company, family),
                    **values,
                },
            )
        )

    @api.model
    def _page_register_row(self, row):
        builder = self.env["ppid.register"]
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

    @api.model
    def _page_opened_row(self, row):
        builder = self.env["ppid.register"]
        return {**row, "opened_date_label": builder._format_date(row["opened_date"])}
