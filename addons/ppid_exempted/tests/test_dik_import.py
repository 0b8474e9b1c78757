# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
import io
from datetime import date

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import file_open

from ..models.ppid_dik_import import DIK_COLUMNS
from .common import PpidCase

DATA = "ppid_exempted/tests/data"

# What the sample table must give, row by row, written out by hand: the row
# number in the CSV file (the XLSX has a title line above the headings), and
# either the draft it creates or the reasons (in Bahasa Indonesia) it is
# refused for.
EXPECTED = [
    (2, "created", None),
    (3, "created", None),
    (4, "error", ["belum ada angka dari Pasal 17 huruf a"]),
    (
        5,
        "error",
        [
            "belum ada kondisi berakhirnya jangka waktu pengecualian beserta jenisnya",
            "belum ada jangka waktu yang pasti: Pasal 17 huruf c tidak dapat "
            "dikecualikan tanpa batas; isikan tanggal berakhir paling lambat, "
            "apabila kondisinya belum terpenuhi sebelumnya",
        ],
    ),
    (6, "error", ["unit pengelola Dinas Pariwisata tidak dikenal"]),
    (
        7,
        "error",
        [
            "dasar hukum UU 14/2008 tidak menyebut huruf Pasal 17 (mis. Pasal 17 "
            "huruf h angka 2)"
        ],
    ),
    (
        8,
        "error",
        ["belum ada undang-undang yang melarang pengungkapan (nama, nomor, dan pasal)"],
    ),
    (9, "created", None),
    (10, "error", ["judul informasi kosong"]),
    (
        11,
        "error",
        ["belum ada tanggal berakhir paling lama 30 tahun sejak tanggal penetapan"],
    ),
]


@tagged("post_install", "-at_install")
class TestDikImport(PpidCase):
    """An existing DIK table comes in as drafts, row by row, through Odoo's
    import; every bad row is reported with its reason in Bahasa Indonesia."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"]._load_module_terms(
            ["ppid_exempted"], ["id_ID"], overwrite=True
        )

    def _file(self, name):
        with file_open(f"{DATA}/{name}", "rb") as handle:
            return handle.read()

    def _import(self, name, user="pelaksana", content=None):
        content = content if content is not None else self._file(name)
        record = (
            self.env["ppid.dik.import"]
            .with_user(self.users[user])
            .create({"file": base64.b64encode(content), "file_name": name})
        )
        record.action_import()
        return record

    def _check_sample(self, record, offset):
        self.assertEqual(record.state, "done")
        self.assertEqual(record.user_id, self.users["pelaksana"])
        self.assertTrue(record.import_datetime)
        self.assertEqual(
            (record.row_count, record.created_count, record.error_count), (10, 3, 7)
        )
        got = [
            (
                line.row_number,
                line.status,
                line.message.split("\n") if line.status == "error" else None,
            )
            for line in record.line_ids
        ]
        expected = [
            (number + offset, status, errors) for number, status, errors in EXPECTED
        ]
        self.assertEqual(got, expected)
        drafts = record.line_ids.information_id
        self.assertEqual(len(drafts), 3)
        self.assertEqual(set(drafts.mapped("state")), {"draft"})
        return drafts

    def test_sample_csv_creates_drafts_and_reports_every_bad_row(self):
        record = self._import("dik_sample.csv")
        drafts = self._check_sample(record, offset=0)
        by_title = {draft.title: draft for draft in drafts}
        first = by_title["Berkas penyidikan korupsi dana hibah"]
        self.assertEqual(first.unit_id, self.unit)
        self.assertEqual(first.legal_basis_id, self.basis_a)
        self.assertEqual(first.legal_subpoint_id, self.basis_a1)
        self.assertEqual(first.period_type, "date")
        self.assertEqual(first.period_end_date, date(2030, 12, 31))
        self.assertEqual(first.period_basis, "PP 61/2010 Pasal 5 ayat (1)")
        self.assertEqual(first.harm_if_opened, "Menghambat penyidikan")
        self.assertEqual(first.interest_if_closed, "Penyidikan berjalan lancar")
        self.assertEqual(first.review_date, self.today + relativedelta(years=1))
        medical = by_title["Rekam medis pasien"]
        self.assertEqual(medical.legal_subpoint_id, self.basis_h2)
        self.assertEqual(medical.period_type, "condition")
        self.assertEqual(
            medical.period_end_condition,
            "Selama pasien tidak memberikan persetujuan tertulis",
        )
        self.assertEqual(medical.review_date, date(2027, 6, 30))
        twenty = by_title["Identitas pelapor gratifikasi"]
        self.assertEqual(twenty.period_end_date, self.today + relativedelta(years=20))
        # the source file is attached to the import record
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "ppid.dik.import"),
                    ("res_id", "=", record.id),
                    ("res_field", "=", "file"),
                ]
            )
        )
        self.assertEqual(attachment.raw, self._file("dik_sample.csv"))

    def test_sample_xlsx_gives_the_same_rows(self):
        record = self._import("dik_sample.xlsx")
        self._check_sample(record, offset=1)

    def test_the_template_is_offered_by_the_import_screen_and_imports(self):
        templates = self.env["ppid.exempted.information"].get_import_templates()
        self.assertEqual(self.env["ppid.dik.import"].get_import_templates(), templates)
        paths = [template["template"] for template in templates]
        self.assertEqual(
            paths,
            [
                "/ppid_exempted/static/import/template_dik.xlsx",
                "/ppid_exempted/static/import/template_dik.csv",
            ],
        )
        headings = [heading for _key, heading, _aliases in DIK_COLUMNS]
        with file_open("ppid_exempted/static/import/template_dik.xlsx", "rb") as f:
            sheet = openpyxl.load_workbook(io.BytesIO(f.read())).active
        self.assertEqual([cell.value for cell in sheet[1]], headings)
        for path in paths:
            with self.subTest(path=path), file_open(path.lstrip("/"), "rb") as f:
                record = self._import(path.rsplit("/", 1)[1], content=f.read())
                self.assertEqual((record.created_count, record.error_count), (1, 0))

    def test_only_those_who_compile_the_register_import(self):
        for role in ("service", "committee", "documentation", "head", "auditor"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self._import("dik_sample.csv", user=role)
        record = self._import("dik_sample.csv", user="manager")
        self.assertEqual(record.created_count, 3)
        # a unit officer imports rows of its own units only
        content = self._file("dik_sample.csv").replace(b"DINKES", b"DISDIK")
        other = self._import("other.csv", content=content)
        created = other.line_ids.filtered(lambda line: line.status == "created")
        self.assertEqual(created.mapped("title"), ["Rekam medis pasien"])
        self.assertEqual(created.information_id.unit_id, self.unit)
        self.assertEqual(other.error_count, 9)
        refused = other.line_ids.filtered(lambda line: line.row_number == 2)
        self.assertEqual(refused.status, "error")
        self.assertFalse(refused.information_id)
        # the unit officer sees its own imports only
        imports = self.env["ppid.dik.import"].with_user(self.users["pelaksana"])
        self.assertEqual(imports.search([]), other)

    def test_an_import_run_is_kept_as_it_is(self):
        record = self._import("dik_sample.csv")
        with self.assertRefused(UserError, "kept as it is"):
            record.write({"file": base64.b64encode(b"lain")})
        with self.assertRefused(UserError, "kept as it is"):
            record.unlink()
        with self.assertRefused(UserError, "recorded by the import"):
            record.write({"created_count": 99})
        with self.assertRefused(UserError, "already been imported"):
            record.action_import()
        with self.assertRefused(UserError, "never changed"):
            record.line_ids[0].sudo().write({"message": "tidak ada"})
        with self.assertRaises(AccessError):
            self.env["ppid.dik.import.line"].with_user(self.users["pelaksana"]).create(
                {"import_id": record.id, "status": "created"}
            )
        with self.assertRefused(UserError, "recorded by the import"):
            self.env["ppid.dik.import"].with_user(self.users["pelaksana"]).create(
                {"file": base64.b64encode(b"x"), "state": "done"}
            )

    def test_a_file_without_dik_headings_is_refused_clearly(self):
        with self.assertRefused(UserError, "Judul Informasi"):
            self._import("kosong.csv", content=b"a,b,c\n1,2,3\n")
