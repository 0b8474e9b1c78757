# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
import calendar
import re
import unicodedata
from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .ppid_classification_mixin import period_end_event_of
from .ppid_register import INDONESIAN

# The columns of the template, in the words of published DIK tables (Banyumas,
# Karanganyar, RSJ Grhasia, Dishanpan Jateng), each with the other headings
# those tables use for the same column.
DIK_COLUMNS = [
    ("no", "No", ("nomor", "no urut")),
    ("title", "Judul Informasi", ("informasi", "konten informasi", "judul")),
    ("description", "Uraian Informasi", ("uraian", "ringkasan isi informasi")),
    ("source_document", "Dokumen Sumber", ("sumber dokumen", "dokumen")),
    (
        "unit",
        "Unit Pengelola",
        ("unit kerja", "penguasaan informasi", "pejabat unit pengelola", "unit"),
    ),
    (
        "legal_basis",
        "Dasar Hukum Pengecualian",
        (
            "dasar hukum",
            "pertimbangan sesuai indikator konsekuensi",
            "pasal pengecualian",
        ),
    ),
    ("statute_name", "Nama Undang-Undang", ("undang undang",)),
    ("statute_number", "Nomor Undang-Undang", ("nomor undang undang",)),
    ("statute_article", "Pasal Undang-Undang", ("pasal undang undang",)),
    (
        "harm_if_opened",
        "Akibat bila Dibuka",
        (
            "dibuka",
            "akibat apabila dibuka",
            "akibat jika dibuka",
            "konsekuensi bila dibuka",
            "konsekuensi dibuka",
        ),
    ),
    (
        "interest_if_closed",
        "Akibat bila Ditutup",
        (
            "ditutup",
            "akibat apabila ditutup",
            "akibat jika ditutup",
            "manfaat jika ditutup",
            "konsekuensi bila ditutup",
            "konsekuensi ditutup",
        ),
    ),
    ("public_interest_note", "Kepentingan Publik", ("uji kepentingan publik",)),
    (
        "period",
        "Jangka Waktu Pengecualian",
        ("batas waktu pengecualian", "jangka waktu", "batas waktu"),
    ),
    ("period_basis", "Dasar Jangka Waktu", ("dasar penetapan jangka waktu",)),
    ("review_date", "Tanggal Peninjauan", ("tanggal peninjauan kembali",)),
]
# Text columns copied as they are into the draft.
TEXT_COLUMNS = (
    "title",
    "description",
    "source_document",
    "statute_name",
    "statute_number",
    "statute_article",
    "harm_if_opened",
    "interest_if_closed",
    "public_interest_note",
    "period_basis",
)
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb", "pebruari"),
            ("maret", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("agustus", "agu", "agt"),
            ("september", "sep"),
            ("oktober", "okt"),
            ("november", "nov", "nopember"),
            ("desember", "des"),
        ),
        start=1,
    )
    for name in names
}
LEGAL_BASIS_PATTERN = re.compile(
    r"huruf\s*\(?([a-j])\)?(?:\s*angka\s*\(?(\d+)\)?)?", re.IGNORECASE
)
YEARS_PATTERN = re.compile(r"^(\d{1,2})\s*tahun\b", re.IGNORECASE)
# A review is due within a year when the table gives no date (Kaltim SOP:
# periodic re-testing).
DEFAULT_REVIEW_YEARS = 1


def _normalise(heading):
    text = unicodedata.normalize("NFKD", str(heading or "")).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


HEADING_KEYS = {}
for _key, _heading, _aliases in DIK_COLUMNS:
    for _text in (_heading, *_aliases):
        HEADING_KEYS[_normalise(_text)] = _key


class PpidDikImport(models.Model):
    """An existing DIK table brought into the register as drafts.

    The file is read by Odoo's import (base_import), its Indonesian headings
    mapped to the fields, every row checked against the rules of the form
    (Pasal 17 huruf and angka, the statute for huruf j, the period and its
    basis), and the rows that pass loaded as drafts through the ORM import
    (`load`). Nothing is classified by an import: each draft still goes
    through the hand-over, the consequence test and the decree (UU 14/2008
    Ps 19; PP 61/2010 Ps 3).
    """

    _name = "ppid.dik.import"
    _description = "Import of an Existing Register (DIK)"
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Public Body",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    file = fields.Binary(string="DIK Table", attachment=True, required=True)
    file_name = fields.Char()
    state = fields.Selection(
        selection=[("draft", "To Import"), ("done", "Imported")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
    )
    user_id = fields.Many2one(
        comodel_name="res.users", string="Imported by", readonly=True, copy=False
    )
    import_datetime = fields.Datetime(string="Imported on", readonly=True, copy=False)
    row_count = fields.Integer(string="Rows", readonly=True, copy=False)
    created_count = fields.Integer(string="Drafts Created", readonly=True, copy=False)
    error_count = fields.Integer(string="Rows Refused", readonly=True, copy=False)
    line_ids = fields.One2many(
        comodel_name="ppid.dik.import.line",
        inverse_name="import_id",
        string="Rows of the Table",
        readonly=True,
        copy=False,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if set(vals) & self._stamp_fields():
                raise UserError(
                    self.env._("The result of an import is recorded by the import.")
                )
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("ppid.dik.import") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) & self._stamp_fields():
            raise UserError(
                self.env._("The result of an import is recorded by the import.")
            )
        if self.filtered(lambda record: record.state == "done"):
            raise UserError(
                self.env._(
                    "An import that was run is kept as it is, with its file and "
                    "its result."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda record: record.state == "done"):
            raise UserError(
                self.env._(
                    "An import that was run is kept as it is, with its file and "
                    "its result."
                )
            )

    @api.model
    def _stamp_fields(self):
        return {
            "state",
            "user_id",
            "import_datetime",
            "row_count",
            "created_count",
            "error_count",
            "line_ids",
        }

    # ------------------------------------------------------------------
    # Import
    # ------------------------------------------------------------------

    def action_import(self):
        """Read the table, check every row and create the drafts."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("This table has already been imported."))
        items = self.env["ppid.exempted.information"]
        if not items.has_access("create"):
            raise AccessError(self.env._("You may not create exempted information."))
        env = self._indonesian_env()
        record = self.with_env(env)
        rows = record._read_table()
        results = []
        for number, row in rows:
            values, errors = record._row_values(row)
            if not errors:
                information, errors = record._load_row(values)
            else:
                information = items.browse()
            results.append(
                {
                    "import_id": self.id,
                    "row_number": number,
                    "title": (row.get("title") or "")[:250],
                    "information_id": information.id,
                    "status": "error" if errors else "created",
                    "message": "\n".join(errors),
                }
            )
        self.env["ppid.dik.import.line"].sudo().create(results)
        created = sum(1 for result in results if result["status"] == "created")
        super().write(
            {
                "state": "done",
                "user_id": self.env.uid,
                "import_datetime": fields.Datetime.now(),
                "row_count": len(results),
                "created_count": created,
                "error_count": len(results) - created,
            }
        )
        return True

    def action_view_drafts(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Drafts of %(reference)s", reference=self.name),
            "res_model": "ppid.exempted.information",
            "view_mode": "list,form",
            "domain": [("id", "in", self.line_ids.information_id.ids)],
        }

    def _indonesian_env(self):
        """Errors are reported in Bahasa Indonesia when it is installed."""
        if self.env["res.lang"]._get_data(code=INDONESIAN):
            return self.env(context=dict(self.env.context, lang=INDONESIAN))
        return self.env

    def _read_table(self):
        """[(row number, {column key: text})] of the file, read by base_import."""
        reader = self.env["base_import.import"].create(
            {
                "res_model": "ppid.exempted.information",
                "file": base64.b64decode(self.file or b""),
                "file_name": self.file_name or "",
                "file_type": "",
            }
        )
        options = {"quoting": '"', "separator": "", "encoding": "", "sheet": ""}
        try:
            _length, table = reader._read_file(options)
        except (UserError, ValueError) as error:
            raise UserError(
                self.env._(
                    "The file could not be read as a CSV or XLSX table: %(error)s",
                    error=error,
                )
            ) from error
        header_index = next(
            (
                index
                for index, row in enumerate(table)
                if sum(_normalise(cell) in HEADING_KEYS for cell in row) >= 2
            ),
            None,
        )
        if header_index is None:
            raise UserError(
                self.env._(
                    "No DIK headings found in the file. Use the template: its "
                    "first row holds the headings (%(headings)s).",
                    headings=", ".join(heading for _k, heading, _a in DIK_COLUMNS),
                )
            )
        keys = [HEADING_KEYS.get(_normalise(cell)) for cell in table[header_index]]
        if "title" not in keys:
            raise UserError(
                self.env._(
                    "The table has no column %(heading)s.", heading="Judul Informasi"
                )
            )
        rows = []
        for index, cells in enumerate(table[header_index + 1 :], start=2):
            row = {}
            for key, cell in zip(keys, cells, strict=False):
                if key and key not in row:
                    row[key] = cell if isinstance(cell, date) else str(cell).strip()
            rows.append((index + header_index, row))
        return rows

    def _row_values(self, row):
        """The draft a row describes, and what the form's rules find missing."""
        errors = []
        values = {key: row.get(key) or False for key in TEXT_COLUMNS}
        if not values["title"]:
            errors.append(self.env._("the title of the information is empty"))
        unit, error = self._find_unit(row.get("unit"))
        if error:
            errors.append(error)
        values["unit_id"] = unit.id
        basis, subpoint, error = self._find_legal_basis(row.get("legal_basis"))
        if error:
            errors.append(error)
        values.update(legal_basis_id=basis.id, legal_subpoint_id=subpoint.id)
        period, error = self._parse_period(row.get("period"))
        if error:
            errors.append(error)
        values.update(period)
        review, error = self._parse_date(row.get("review_date"))
        if error:
            errors.append(
                self.env._("the review date %(value)s is not a date", value=error)
            )
        default_review = fields.Date.context_today(self) + relativedelta(
            years=DEFAULT_REVIEW_YEARS
        )
        end = values.get("period_end_date")
        # A review never comes after the end of the period.
        values["review_date"] = review or (
            min(default_review, end) if end else default_review
        )
        if basis and not error:
            draft = self.env["ppid.exempted.information"].new(values)
            errors += [
                self.env._("missing %(what)s", what=what)
                for what in draft._missing_legal_basis() + draft._missing_period()
            ]
        return values, errors

    def _find_unit(self, text):
        units = self.env["ppid.unit"]
        if not text:
            return units, self.env._("the holding unit is empty")
        domain = [("company_id", "in", [self.company_id.id, False])]
        unit = units.search(domain + [("code", "=ilike", text)], limit=1) or (
            units.search(domain + [("name", "=ilike", text)], limit=1)
        )
        if not unit:
            return unit, self.env._("unknown holding unit %(unit)s", unit=text)
        return unit, None

    def _find_legal_basis(self, text):
        bases = self.env["ppid.legal.basis"]
        match = LEGAL_BASIS_PATTERN.search(text or "")
        if not match:
            return (
                bases,
                bases,
                self.env._(
                    "the legal basis %(value)s names no huruf of Pasal 17 (e.g. "
                    "Pasal 17 huruf h angka 2)",
                    value=text or "-",
                ),
            )
        huruf, angka = match.group(1).lower(), match.group(2)
        basis = bases.search(
            [("huruf", "=", huruf), ("parent_id", "=", False)], limit=1
        )
        subpoint = bases
        if angka:
            subpoint = bases.search(
                [("parent_id", "=", basis.id), ("angka", "=", int(angka))], limit=1
            )
            if not subpoint:
                return (
                    basis,
                    subpoint,
                    self.env._(
                        "Pasal 17 huruf %(huruf)s has no angka %(angka)s",
                        huruf=huruf,
                        angka=angka,
                    ),
                )
        return basis, subpoint, None

    def _parse_period(self, text):
        """A date, "Sampai dengan <date>", "<n> Tahun" or an end condition."""
        if not text:
            return {"period_type": "date", "period_end_date": False}, None
        if isinstance(text, date):
            day = text.date() if isinstance(text, datetime) else text
            return {"period_type": "date", "period_end_date": day}, None
        years = YEARS_PATTERN.match(text)
        if years:
            end = fields.Date.context_today(self) + relativedelta(
                years=int(years.group(1))
            )
            return {"period_type": "date", "period_end_date": end}, None
        stripped = re.sub(r"^(sampai|s\.?d\.?)(\s+dengan)?\s+", "", text, flags=re.I)
        day, error = self._parse_date(stripped)
        if day:
            return {"period_type": "date", "period_end_date": day}, None
        return {
            "period_type": "condition",
            "period_end_event": period_end_event_of(text),
            "period_end_condition": text,
        }, None

    def _parse_date(self, text):
        """(date, None), or (False, text) when `text` is not a date."""
        if not text:
            return False, None
        if isinstance(text, datetime):
            return text.date(), None
        if isinstance(text, date):
            return text, None
        for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
            try:
                return datetime.strptime(text.split(" ")[0], pattern).date(), None
            except ValueError:
                continue
        words = text.lower().replace(",", " ").split()
        if len(words) == 3 and words[0].isdigit() and words[2].isdigit():
            day, month, year = int(words[0]), MONTHS.get(words[1]), int(words[2])
            if (
                month
                and 1900 <= year <= 9999
                and 1 <= day <= calendar.monthrange(year, month)[1]
            ):
                return date(year, month, day), None
        return False, text

    def _load_row(self, values):
        """Create the draft through the ORM import (`load`), one row at a time,
        so that a row refused by the model does not stop the others."""
        items = self.env["ppid.exempted.information"].with_context(
            import_file=True, tracking_disable=True
        )
        names = [name for name, value in values.items() if value]
        data = []
        columns = []
        for name in names:
            value = values[name]
            field = items._fields[name]
            if field.type == "many2one":
                columns.append(f"{name}/.id")
                data.append(str(value))
            else:
                columns.append(name)
                data.append(
                    fields.Date.to_string(value)
                    if isinstance(value, date)
                    else str(value)
                )
        result = items.load(columns, [data])
        errors = [
            message["message"]
            for message in result["messages"]
            if message.get("type") == "error"
        ]
        if errors or not result["ids"]:
            return items.browse(), errors or [self.env._("the row was not created")]
        information = items.browse(result["ids"])
        if information.state != "draft":  # never a classified item
            raise ValidationError(self.env._("An import creates drafts only."))
        return information, []
