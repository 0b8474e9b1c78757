# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import hashlib
import io
from datetime import datetime, time, timedelta

import pytz
import xlsxwriter
from babel.dates import format_date

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

from .ppid_exempted_information import ACTIVE_EXEMPTION_STATES

# Columns of the register as Indonesian PPID offices publish it (domain.md §5).
# The PDF, the XLSX and the frozen issue lines all use these keys and headings.
REGISTER_COLUMNS = (
    ("no", "No"),
    ("reference", "Kode"),
    ("title", "Informasi"),
    ("legal_basis", "Dasar Hukum Pengecualian"),
    ("consequence_if_opened", "Konsekuensi apabila Dibuka"),
    ("consequence_if_closed", "Konsekuensi apabila Ditutup"),
    ("period", "Jangka Waktu Pengecualian"),
    ("unit", "Unit Penguasa Informasi"),
    ("decree", "Penetapan"),
)
REGISTER_COLUMN_WIDTHS = {
    "no": 5,
    "reference": 16,
    "title": 34,
    "legal_basis": 26,
    "consequence_if_opened": 40,
    "consequence_if_closed": 40,
    "period": 22,
    "unit": 24,
    "decree": 24,
}

# The list of information that has become public again (DIP entries).
OPENED_COLUMNS = (
    ("no", "No"),
    ("reference", "Kode"),
    ("title", "Informasi"),
    ("unit", "Unit Penguasa Informasi"),
    ("opened_date", "Tanggal Dibuka"),
    ("reason", "Alasan Dibuka"),
    ("announcement", "Pengumuman"),
)
OPENED_COLUMN_WIDTHS = {
    "no": 5,
    "reference": 16,
    "title": 40,
    "unit": 24,
    "opened_date": 16,
    "reason": 30,
    "announcement": 60,
}

# Open-data feeds: stable field names, and the only values ever published.
PUBLIC_REGISTER_FIELDS = (
    "reference",
    "title",
    "holding_unit",
    "legal_basis",
    "consequence_if_opened",
    "consequence_if_closed",
    "period_end_date",
    "period_end_condition",
    "decree_number",
    "decree_date",
    "status",
)
PUBLIC_OPENED_FIELDS = (
    "reference",
    "title",
    "opened_date",
    "reason",
    "reason_label",
    "announcement",
)
# The item fields read (as superuser) to build a public row; nothing else.
PUBLIC_ITEM_SOURCE_FIELDS = (
    "name",
    "title",
    "unit_id",
    "legal_basis_id",
    "legal_subpoint_id",
    "huruf",
    "statute_name",
    "statute_number",
    "statute_article",
    "published_harm_summary",
    "published_interest_summary",
    "period_type",
    "period_end_date",
    "period_end_condition",
    "decree_reference",
    "decree_date",
    "state",
)
PUBLIC_STATUS = {
    "exempted": "exempted",
    "documented": "exempted",
    "expiring": "expiring",
}
PUBLIC_STATUS_LABELS = {
    "exempted": "Dikecualikan",
    "expiring": "Dikecualikan, jangka waktu segera berakhir",
}
# Bump when the published representation changes, so that caches refresh.
PUBLIC_FORMAT_VERSION = "2"
INDONESIAN = "id_ID"
# Archived items stay in every register they belong to (an archive is not an
# end of the exemption, PP 61/2010 Pasal 11); the printed register marks them.
ARCHIVED_MARK = "(diarsipkan)"


class PpidRegister(models.AbstractModel):
    """Builds the register (DIK) and the list of opened information.

    One place computes the rows; the PDF, the XLSX, the frozen issues and the
    public feeds all take them from here, so they cannot disagree.
    """

    _name = "ppid.register"
    _description = "Register of Exempted Information (builder)"

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    @api.model
    def _indonesian_env(self):
        """The registers are Indonesian documents: labels in Bahasa Indonesia
        when the language is installed."""
        if self.env["res.lang"]._get_data(code=INDONESIAN):
            return self.env(context=dict(self.env.context, lang=INDONESIAN))
        return self.env

    @api.model
    def _format_date(self, value):
        return format_date(value, "d MMMM y", locale="id") if value else ""

    @api.model
    def _day_end_utc(self, day):
        """The first instant after `day` in the user's timezone, as naive UTC."""
        local = self.env.tz.localize(datetime.combine(day + timedelta(days=1), time()))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _check_company_access(self, company):
        if not self.env.su and company not in self.env.user.company_ids:
            raise AccessError(
                self.env._(
                    "You have no access to the register of %(company)s.",
                    company=company.sudo().name,
                )
            )

    @api.model
    def _legal_basis_text(self, item):
        basis = item.legal_subpoint_id or item.legal_basis_id
        if not basis:
            return ""
        text = f"{basis.label} UU Nomor 14 Tahun 2008"
        if item.huruf == "j":
            statute = " ".join(
                part
                for part in (
                    item.statute_name,
                    item.statute_number and f"Nomor {item.statute_number}",
                    item.statute_article,
                )
                if part
            )
            if statute:
                text += f" jo. {statute}"
        return text

    @api.model
    def _period_text(self, item):
        if item.period_type == "date" and item.period_end_date:
            return f"Sampai dengan {self._format_date(item.period_end_date)}"
        if item.period_type == "condition":
            return item.period_end_condition or ""
        return ""

    @api.model
    def _decree_text(self, item):
        if not item.decree_reference:
            return ""
        if item.decree_date:
            return (
                f"Nomor {item.decree_reference}, "
                f"tanggal {self._format_date(item.decree_date)}"
            )
        return f"Nomor {item.decree_reference}"

    # ------------------------------------------------------------------
    # The register (DIK) of a body at a date
    # ------------------------------------------------------------------

    @api.model
    def _register_domain(self, company, date, unit=None):
        """Items classified at `date`: approved on or before it, and not opened,
        or opened after it."""
        domain = (
            Domain("company_id", "=", company.id)
            & Domain("approved_datetime", "!=", False)
            & Domain("approved_datetime", "<", self._day_end_utc(date))
            & (Domain("state", "!=", "opened") | Domain("opened_date", ">", date))
        )
        if unit:
            domain &= Domain("unit_id", "child_of", unit.id)
        return domain

    @api.model
    def _register_items(self, company, date, unit=None):
        """Archived items included: archiving does not end an exemption."""
        self._check_company_access(company)
        items = (
            self.env["ppid.exempted.information"]
            .with_company(company)
            .with_context(active_test=False)
        )
        return items.search(
            self._register_domain(company, date, unit), order="unit_id, name, id"
        )

    @api.model
    def _register_rows(self, company, date, unit=None):
        """The rows of the register, as text, in the order they are printed.

        Besides the columns, each row carries `information_id` and `unit_id`
        (ids) for the frozen copy of an issue.
        """
        items = self._register_items(company, date, unit)
        rows = []
        for number, item in enumerate(items, start=1):
            rows.append(
                {
                    "no": str(number),
                    "reference": item.name,
                    "title": (
                        item.title if item.active else f"{item.title} {ARCHIVED_MARK}"
                    ),
                    "legal_basis": self._legal_basis_text(item),
                    "consequence_if_opened": item.harm_if_opened or "",
                    "consequence_if_closed": item.interest_if_closed or "",
                    "period": self._period_text(item),
                    "unit": item.unit_id.name,
                    "decree": self._decree_text(item),
                    "information_id": item.id,
                    "unit_id": item.unit_id.id,
                }
            )
        return rows

    @api.model
    def _register_header(self, company, date, unit=None):
        """Everything the printed register shows but its rows."""
        subtitle = f"Per tanggal {self._format_date(date)}"
        if unit:
            subtitle += f" - {unit.name}"
        return {
            "company": company.sudo(),
            "title": "Daftar Informasi yang Dikecualikan",
            "subtitle": subtitle,
            "reference": "",
            "decree": "",
            "draft": False,
            "columns": REGISTER_COLUMNS,
            "widths": REGISTER_COLUMN_WIDTHS,
            "rows": [],
        }

    @api.model
    def _live_register(self, company, date, unit=None):
        """The register of `company` at `date`, as the reports print it."""
        register = self._register_header(company, date, unit)
        register["rows"] = self._register_rows(company, date, unit)
        return register

    # ------------------------------------------------------------------
    # The list of information that has become public again
    # ------------------------------------------------------------------

    @api.model
    def _opened_domain(self, company, date=None):
        """DIP entries of opened items only: an exempted item never appears in
        the list of public information, whatever happened to it (rule 20)."""
        domain = Domain("company_id", "=", company.id) & Domain(
            "information_id.state", "=", "opened"
        )
        if date:
            domain &= Domain("opened_date", "<=", date)
        return domain

    @api.model
    def _opened_rows(self, company, date=None, entries=None):
        """Rows of the opened list; `entries` narrows it to given DIP entries."""
        self._check_company_access(company)
        env = self._indonesian_env()
        domain = self._opened_domain(company, date)
        if entries is not None:
            domain &= Domain("id", "in", entries.ids)
        found = (
            env["ppid.public.information"]
            .with_company(company)
            .with_context(active_test=False)
            .search(domain, order="opened_date, id")
        )
        reasons = dict(found._fields["open_reason"]._description_selection(env))
        return [
            {
                "no": str(number),
                "reference": entry.information_id.name,
                "title": entry.name,
                "unit": entry.unit_id.name or "",
                "opened_date": self._format_date(entry.opened_date),
                "reason": reasons.get(entry.open_reason, ""),
                "announcement": entry.announcement or "",
            }
            for number, entry in enumerate(found, start=1)
        ]

    @api.model
    def _opened_register(self, company, date=None, entries=None):
        return {
            "company": company.sudo(),
            "title": "Daftar Informasi yang Telah Dibuka untuk Publik",
            "subtitle": f"Per tanggal {self._format_date(date)}" if date else "",
            "reference": "",
            "decree": "",
            "draft": False,
            "columns": OPENED_COLUMNS,
            "widths": OPENED_COLUMN_WIDTHS,
            "rows": self._opened_rows(company, date, entries),
        }

    # ------------------------------------------------------------------
    # XLSX
    # ------------------------------------------------------------------

    @api.model
    def _register_xlsx(self, register):
        """The same register as the PDF, as an XLSX workbook (bytes)."""
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet("Register")
        title = workbook.add_format({"bold": True, "font_size": 14})
        info = workbook.add_format({"italic": True})
        header = workbook.add_format(
            {
                "bold": True,
                "text_wrap": True,
                "valign": "vcenter",
                "align": "center",
                "border": 1,
                "bg_color": "#D9E1F2",
            }
        )
        cell = workbook.add_format({"text_wrap": True, "valign": "top", "border": 1})
        columns = register["columns"]
        widths = register["widths"]
        heading_lines = [
            register["company"].name,
            register["title"],
            register["subtitle"],
            register["decree"],
            register["reference"],
        ]
        row_index = 0
        for line_number, text in enumerate(line for line in heading_lines if line):
            sheet.write_string(row_index, 0, text, title if line_number < 2 else info)
            row_index += 1
        row_index += 1
        header_row = row_index
        for col, (key, heading) in enumerate(columns):
            sheet.set_column(col, col, widths.get(key, 20))
            sheet.write_string(header_row, col, heading, header)
        for row_index, row in enumerate(register["rows"], start=header_row + 1):
            for col, (key, _heading) in enumerate(columns):
                # write_string: a title starting with "=" stays text, not a formula
                sheet.write_string(row_index, col, row.get(key) or "", cell)
        last_row = header_row + max(len(register["rows"]), 1)
        sheet.autofilter(header_row, 0, last_row, len(columns) - 1)
        sheet.freeze_panes(header_row + 1, 0)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(header_row)
        workbook.close()
        return output.getvalue()

    # ------------------------------------------------------------------
    # Publication without login: metadata only (rule 20)
    # ------------------------------------------------------------------

    @api.model
    def _public_register_domain(self, company):
        return (
            Domain("company_id", "=", company.id)
            & Domain("is_published", "=", True)
            & Domain("state", "in", ACTIVE_EXEMPTION_STATES)
        )

    @api.model
    def _public_register_count(self, company, domain=None):
        items = self.env["ppid.exempted.information"].sudo()
        return items.with_context(active_test=False).search_count(
            self._public_register_domain(company) & Domain(domain or [])
        )

    @api.model
    def _public_register_rows(self, company, offset=0, limit=None, domain=None):
        """Published, classified items of `company`, whitelisted fields only.

        Reads as superuser with an explicit domain and an explicit list of
        fields; only the keys of PUBLIC_REGISTER_FIELDS leave this method.
        `domain` narrows the rows (the public page's search), never widens.
        Archived items stay: archiving does not end an exemption, and the
        public register says nothing of the body's internal filing.
        """
        items = (
            self._indonesian_env()["ppid.exempted.information"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                self._public_register_domain(company) & Domain(domain or []),
                PUBLIC_ITEM_SOURCE_FIELDS,
                offset=offset,
                limit=limit,
                order="unit_id, name, id",
            )
        )
        rows = []
        for item in items:
            dated = item.period_type == "date"
            row = {
                "reference": item.name,
                "title": item.title,
                "holding_unit": item.unit_id.name,
                "legal_basis": self._legal_basis_text(item),
                "consequence_if_opened": item.published_harm_summary or "",
                "consequence_if_closed": item.published_interest_summary or "",
                "period_end_date": dated and item.period_end_date or None,
                "period_end_condition": (
                    item.period_end_condition or "" if not dated else ""
                ),
                "decree_number": item.decree_reference or "",
                "decree_date": item.decree_date or None,
                "status": PUBLIC_STATUS[item.state],
            }
            rows.append({key: row[key] for key in PUBLIC_REGISTER_FIELDS})
        return rows

    @api.model
    def _public_opened_count(self, company):
        entries = self.env["ppid.public.information"].sudo()
        return entries.with_context(active_test=False).search_count(
            self._opened_domain(company)
        )

    @api.model
    def _public_opened_rows(self, company, offset=0, limit=None):
        """Announcements of items opened again; whitelisted fields only."""
        env = self._indonesian_env()
        entries = (
            env["ppid.public.information"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                self._opened_domain(company),
                [
                    "name",
                    "information_id",
                    "opened_date",
                    "open_reason",
                    "announcement",
                ],
                offset=offset,
                limit=limit,
                order="opened_date desc, id desc",
            )
        )
        reasons = dict(entries._fields["open_reason"]._description_selection(env))
        rows = []
        for entry in entries:
            row = {
                "reference": entry.information_id.name,
                "title": entry.name,
                "opened_date": entry.opened_date,
                "reason": entry.open_reason or "",
                "reason_label": reasons.get(entry.open_reason, ""),
                "announcement": entry.announcement or "",
            }
            rows.append({key: row[key] for key in PUBLIC_OPENED_FIELDS})
        return rows

    @api.model
    def _public_etag(self, company_id, kind, fingerprint):
        """The ETag of one representation: its kind and the fingerprint of
        its rows (ppid.public.version)."""
        seed = "|".join((PUBLIC_FORMAT_VERSION, kind, str(company_id), fingerprint))
        return hashlib.sha256(seed.encode()).hexdigest()[:32]
