# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ROLES
from .register_common import PUBLISHED, RegisterCase

# The columns of the DIK and of the list of opened information, as the
# published registers head them (written out by hand).
REGISTER_HEADINGS = {
    "no": "No",
    "reference": "Kode",
    "title": "Informasi",
    "legal_basis": "Dasar Hukum Pengecualian",
    "consequence_if_opened": "Konsekuensi apabila Dibuka",
    "consequence_if_closed": "Konsekuensi apabila Ditutup",
    "period": "Jangka Waktu Pengecualian",
    "unit": "Unit Penguasa Informasi",
    "decree": "Penetapan",
}
OPENED_HEADINGS = [
    "No",
    "Kode",
    "Informasi",
    "Unit Penguasa Informasi",
    "Tanggal Dibuka",
    "Alasan Dibuka",
    "Pengumuman",
]

REGISTER_REPORT = "ppid_exempted.ppid_register_report"
OPENED_REPORT = "ppid_exempted.ppid_opened_report"


@tagged("post_install", "-at_install")
class TestRegister(RegisterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.builder = cls.env["ppid.register"]
        cls.env = cls.env(context=dict(cls.env.context, tz="Asia/Jakarta"))

    def _rows(self, day, unit=None, env=None):
        builder = (env or self.env)["ppid.register"]
        return builder._register_rows(self.company, day, unit)

    def _references(self, day, **kwargs):
        return [row["reference"] for row in self._rows(day, **kwargs)]

    def _issue(self, day=None, user="documentation", **values):
        issue = (
            self.env["ppid.register.issue"]
            .with_user(self.users[user])
            .create(
                {
                    "date": day or self.today,
                    "decree_reference": "SK 300.2.11/01/2026",
                    "decree_date": date(2026, 1, 20),
                    **values,
                }
            )
        )
        return issue

    def _approve(self, issue):
        """Through the approval loop: the documentation officer submits, the
        head approves with the decree already on the issue."""
        issue.with_user(self.users["documentation"]).action_submit()
        issue.with_user(self.users["head"]).action_issue()
        return issue

    # ------------------------------------------------------------------
    # The register at a date
    # ------------------------------------------------------------------

    def test_register_at_a_date_lists_items_classified_at_that_date(self):
        approved = self._create_item("exempted")  # approved 5 January 2026
        documented = self._create_item("documented")
        expiring = self._create_item("expiring")
        opened = self._create_item(
            "opened",
            approved_by_id=self.users["head"].id,
            approved_datetime="2026-01-05 09:00:00",
            opened_date=date(2026, 3, 2),
        )
        never_classified = self._create_item("testing")
        draft = self._create_item("draft")
        foreign = self._create_foreign_item()

        self.assertEqual(self._references(date(2026, 1, 4)), [])
        in_february = self._references(date(2026, 2, 1))
        self.assertCountEqual(
            in_february,
            [approved.name, documented.name, expiring.name, opened.name],
        )
        self.assertCountEqual(
            self._references(date(2026, 3, 2)),
            [approved.name, documented.name, expiring.name],
        )
        for absent in (never_classified, draft, foreign):
            self.assertNotIn(absent.name, in_february)

    def test_register_date_is_a_day_of_the_users_timezone(self):
        # 23:30 in Jakarta on 10 January is 16:30 UTC; 00:30 on 11 January is
        # 17:30 UTC on 10 January.
        late = self._create_item("exempted", approved_datetime="2026-01-10 16:30:00")
        next_day = self._create_item(
            "exempted", approved_datetime="2026-01-10 17:30:00"
        )
        self.assertEqual(self._references(date(2026, 1, 10)), [late.name])
        self.assertCountEqual(
            self._references(date(2026, 1, 11)), [late.name, next_day.name]
        )

    def test_register_columns_as_published_by_ppid_offices(self):
        item = self._create_item(
            "exempted",
            decree_reference="188.4/12/2026",
            decree_date=date(2026, 1, 6),
            period_end_date=date(2031, 1, 5),
        )
        statute = self._create_item(
            "exempted",
            legal_basis_id=self.basis_j.id,
            legal_subpoint_id=False,
            statute_name="Undang-Undang tentang Kearsipan",
            statute_number="43/2009",
            statute_article="Pasal 44",
            period_type="condition",
            period_end_condition="Sampai arsip dinyatakan terbuka oleh ANRI",
        )
        rows = {row["reference"]: row for row in self._rows(self.today)}
        self.assertEqual(
            rows[item.name]["legal_basis"],
            "Pasal 17 huruf a angka 1 UU Nomor 14 Tahun 2008",
        )
        self.assertEqual(rows[item.name]["consequence_if_opened"], item.harm_if_opened)
        self.assertEqual(
            rows[item.name]["consequence_if_closed"], item.interest_if_closed
        )
        self.assertEqual(rows[item.name]["period"], "Sampai dengan 5 Januari 2031")
        self.assertEqual(rows[item.name]["unit"], "Dinas Kesehatan")
        self.assertEqual(
            rows[item.name]["decree"], "Nomor 188.4/12/2026, tanggal 6 Januari 2026"
        )
        self.assertEqual(
            rows[statute.name]["legal_basis"],
            "Pasal 17 huruf j UU Nomor 14 Tahun 2008 jo. Undang-Undang tentang "
            "Kearsipan Nomor 43/2009 Pasal 44",
        )
        self.assertEqual(
            rows[statute.name]["period"], "Sampai arsip dinyatakan terbuka oleh ANRI"
        )
        self.assertEqual(
            sorted(REGISTER_HEADINGS),
            sorted(set(rows[item.name]) - {"information_id", "unit_id"}),
        )

    def test_unit_officer_gets_the_register_of_its_own_units(self):
        own = self._create_item("exempted")
        other = self._create_item("exempted", unit_id=self.other_unit.id)
        as_unit = self.env(user=self.users["pelaksana"])
        self.assertEqual(self._references(self.today, env=as_unit), [own.name])
        self.assertCountEqual(
            self._references(self.today, env=self.env(user=self.users["auditor"])),
            [own.name, other.name],
        )
        self.assertEqual(
            self._references(self.today, unit=self.other_unit), [other.name]
        )

    def test_register_of_another_body_is_refused(self):
        self._create_foreign_item()
        builder = self.builder.with_user(self.users["auditor"])
        with self.assertRefused(AccessError, "no access"):
            builder._register_rows(self.other_company, self.today)

    # ------------------------------------------------------------------
    # PDF (QWeb HTML) and XLSX come from the same rows
    # ------------------------------------------------------------------

    def _items_with_awkward_text(self):
        self._create_item(
            "exempted",
            title="=HYPERLINK(\"http://example.com\") data <b>tebal</b> & 'kutip'",
            harm_if_opened="Baris pertama.\nBaris kedua.",
        )
        self._create_item("documented", unit_id=self.other_unit.id)
        self._create_item(
            "expiring",
            period_type="condition",
            period_end_condition="Sampai putusan berkekuatan hukum tetap",
        )

    def test_pdf_and_xlsx_of_the_register_match(self):
        self._items_with_awkward_text()
        data = {"company_id": self.company.id, "date": str(self.today)}
        content, _kind = self.env["ir.actions.report"]._render_qweb_html(
            REGISTER_REPORT, None, data=data
        )
        register = self.builder._live_register(self.company, self.today)
        workbook = self.builder._register_xlsx(register)
        expected = self._as_table(register)
        self.assertEqual(len(expected), 3)
        headings, xlsx_rows = self._xlsx_table(workbook)
        self.assertEqual(self._html_rows(content), expected)
        self.assertEqual(xlsx_rows, expected)
        self.assertEqual(self._html_headings(content), headings)
        self.assertEqual(headings, list(REGISTER_HEADINGS.values()))
        self.assertIn(b"Daftar Informasi yang Dikecualikan", content)
        self.assertIn(b"Per tanggal", content)

    def test_xlsx_is_formatted_with_filters_and_a_frozen_header(self):
        self._items_with_awkward_text()
        register = self.builder._live_register(self.company, self.today)
        sheet = self._xlsx_sheet(self.builder._register_xlsx(register))
        header_row = next(
            row[0].row for row in sheet.iter_rows() if row[0].value == "No"
        )
        self.assertEqual(sheet.freeze_panes, f"A{header_row + 1}")
        self.assertEqual(sheet.auto_filter.ref, f"A{header_row}:I{header_row + 3}")
        self.assertTrue(sheet.cell(header_row, 1).font.bold)
        self.assertTrue(sheet.cell(header_row + 1, 3).alignment.wrap_text)
        self.assertEqual(sheet.page_setup.orientation, "landscape")
        # a title that looks like a formula stays text
        self.assertIsNone(
            next(
                (
                    cell
                    for row in sheet.iter_rows()
                    for cell in row
                    if cell.data_type == "f"
                ),
                None,
            )
        )

    def test_pdf_and_xlsx_of_an_issued_register_match(self):
        self._items_with_awkward_text()
        issue = self._issue()
        self._approve(issue)
        content, _kind = self.env["ir.actions.report"]._render_qweb_html(
            REGISTER_REPORT, issue.ids
        )
        register = issue._as_register()
        _headings, xlsx_rows = self._xlsx_table(self.builder._register_xlsx(register))
        expected = self._as_table(register)
        self.assertEqual(len(expected), 3)
        self.assertEqual(self._html_rows(content), expected)
        self.assertEqual(xlsx_rows, expected)
        self.assertIn(issue.name.encode(), content)
        self.assertIn(b"SK 300.2.11/01/2026", content)

    def test_pdf_and_xlsx_of_the_opened_list_match(self):
        for number in range(2):
            item = self._create_item("opened", title=f"Informasi dibuka {number}")
            self._create_opened_entry(item, date(2026, 3, 2 + number))
        data = {"company_id": self.company.id, "date": "2026-03-03"}
        content, _kind = self.env["ir.actions.report"]._render_qweb_html(
            OPENED_REPORT, None, data=data
        )
        register = self.builder._opened_register(self.company, date(2026, 3, 3))
        headings, xlsx_rows = self._xlsx_table(self.builder._register_xlsx(register))
        expected = self._as_table(register)
        self.assertEqual(len(expected), 2)
        self.assertEqual(self._html_rows(content), expected)
        self.assertEqual(xlsx_rows, expected)
        self.assertEqual(headings, OPENED_HEADINGS)
        self.assertEqual(
            len(self.builder._opened_rows(self.company, date(2026, 3, 2))), 1
        )

    def test_wizard_prints_pdf_or_downloads_xlsx(self):
        wizard = (
            self.env["ppid.register.wizard"]
            .with_user(self.users["documentation"])
            .create({"date": date(2026, 2, 1), "unit_id": self.unit.id})
        )
        action = wizard.action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "ppid_exempted.report_register")
        self.assertEqual(
            action["data"],
            {
                "company_id": self.company.id,
                "date": "2026-02-01",
                "unit_id": self.unit.id,
            },
        )
        wizard.write({"output": "xlsx", "report": "opened"})
        action = wizard.action_print()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(
            action["url"],
            f"/ppid/register/{self.company.id}/opened.xlsx?date=2026-02-01",
        )

    # ------------------------------------------------------------------
    # Rule 20: the list of opened information never holds an exempted item
    # ------------------------------------------------------------------

    def test_rule_20_opened_list_never_lists_exempted_items(self):
        opened = self._create_item("opened", title="Informasi sudah terbuka")
        self._create_opened_entry(opened)
        reclassified = self._create_item(
            "opened",
            title="Informasi kembali rahasia",
            approved_by_id=self.users["head"].id,
            approved_datetime="2026-01-05 09:00:00",
        )
        entry = self._create_opened_entry(reclassified)
        # However it got there (a later reclassification, a data repair), an
        # item that is exempted again must not be listed as public.
        self.env.cr.execute(
            "UPDATE ppid_exempted_information SET state = 'exempted' WHERE id = %s",
            [reclassified.id],
        )
        self.env.invalidate_all()
        titles = [row["title"] for row in self.builder._opened_rows(self.company)]
        self.assertEqual(titles, ["Informasi sudah terbuka"])
        entries = self.env["ppid.public.information"].search([])
        self.assertIn(entry, entries)
        content, _kind = self.env["ir.actions.report"]._render_qweb_html(
            OPENED_REPORT, entries.ids
        )
        self.assertIn(b"Informasi sudah terbuka", content)
        self.assertNotIn(b"Informasi kembali rahasia", content)
        self.assertIn(reclassified.name, self._references(self.today))

    def test_rule_20_the_register_drops_an_item_once_it_is_opened(self):
        item = self._create_item("exempted")
        self.assertIn(item.name, self._references(self.today))
        item.with_user(self.users["head"]).action_open(
            "court", "Putusan KI", "Putusan PTUN 12/G/2026"
        )
        self.assertNotIn(item.name, self._references(self.today))
        self.assertEqual(
            [row["reference"] for row in self.builder._opened_rows(self.company)],
            [item.name],
        )

    def test_archived_items_stay_in_the_register_marked_as_archived(self):
        """Archiving is internal filing, not the end of an exemption (PP 61/2010
        Pasal 11): the register at a date, its PDF/XLSX rows, the issued
        registers and the opened list keep archived items, marked."""
        kept = self._create_item("exempted", title="Tetap aktif")
        archived = self._create_item("documented", title="Sudah diarsipkan")
        opened = self._create_item("opened", title="Dibuka lalu diarsipkan")
        self._create_opened_entry(opened)
        (archived | opened).write(
            {"active": False, "archive_reason": "Berkas dipindah ke arsip inaktif."}
        )
        rows = {row["reference"]: row for row in self._rows(self.today)}
        self.assertEqual(set(rows), {kept.name, archived.name})
        self.assertEqual(rows[kept.name]["title"], "Tetap aktif")
        self.assertEqual(rows[archived.name]["title"], "Sudah diarsipkan (diarsipkan)")
        # what the unit officer reads of its own unit
        officer_rows = self._rows(
            self.today, env=self.env(user=self.users["pelaksana"])
        )
        self.assertIn(archived.name, [row["reference"] for row in officer_rows])
        # the issued register freezes the row, mark included
        issue = self._issue()
        self._approve(issue)
        self.assertEqual(
            sorted(issue.line_ids.mapped("title")),
            ["Sudah diarsipkan (diarsipkan)", "Tetap aktif"],
        )
        self.assertEqual(
            self._as_table(issue._as_register()),
            self._as_table(self.builder._live_register(self.company, self.today)),
        )
        # the opened list keeps the archived opened item
        self.assertEqual(
            [row["reference"] for row in self.builder._opened_rows(self.company)],
            [opened.name],
        )

    # ------------------------------------------------------------------
    # Rule 26: the register is issued as frozen versions
    # ------------------------------------------------------------------

    def test_rule_26_an_issue_freezes_the_rows_of_its_date(self):
        kept = self._create_item("exempted", title="Judul semula")
        to_open = self._create_item("documented")
        first = self._issue()
        self._approve(first)
        self.assertEqual(first.state, "issued")
        self.assertEqual(first.issued_by_id, self.users["head"])
        self.assertEqual(first.submitted_by_id, self.users["documentation"])
        self.assertTrue(first.issued_datetime)
        frozen = self._as_table(first._as_register())
        self.assertEqual(
            frozen,
            self._as_table(self.builder._live_register(self.company, self.today)),
        )
        self.assertEqual(first.line_count, 2)

        # The live row changes after the issue (a classified title changes only
        # through a new decree; the database stands in for that path here).
        self.env.cr.execute(
            "UPDATE ppid_exempted_information SET title = %s WHERE id = %s",
            ["Judul diubah", kept.id],
        )
        kept.invalidate_recordset(["title"])
        to_open.with_user(self.users["head"]).action_open(
            "court", "Putusan KI", "Putusan PTUN 12/G/2026"
        )
        self.assertEqual(self._as_table(first._as_register()), frozen)
        self.assertIn("Judul semula", [line.title for line in first.line_ids])

        second = self._issue(issue_type="ad_hoc")
        self._approve(second)
        self.assertEqual([line.title for line in second.line_ids], ["Judul diubah"])
        history = self.env["ppid.register.issue"].search(
            [("state", "=", "issued")], order="id"
        )
        self.assertEqual(history, first | second)

    def test_rule_26_write_with_state_issued_freezes_like_the_button(self):
        self._create_item("exempted")
        issue = self._issue()
        issue.action_submit()
        issue.with_user(self.users["head"]).write({"state": "issued"})
        self.assertEqual(issue.line_count, 1)
        self.assertEqual(issue.issued_by_id, self.users["head"])

    def test_rule_26_issuing_needs_a_decree_and_the_head(self):
        issue = self._issue(decree_reference=False)
        issue.action_submit()
        head = issue.with_user(self.users["head"])
        with self.assertRefused(ValidationError, "decree"):
            head.action_issue()
        for role in ROLES:
            if role == "head":
                continue
            with self.subTest(role=role), self.assertRaises(AccessError):
                issue.with_user(self.users[role]).action_issue()
        self.assertEqual(issue.state, "submitted")
        with self.assertRefused(ValidationError, "today or a past date"):
            self._issue(day=date(2099, 1, 1))
        with self.assertRefused(UserError, "created as a draft"):
            self._issue(state="issued")
        with self.assertRefused(UserError, "recorded by the steps"):
            issue.write({"issued_by_id": self.users["head"].id})

    def test_rule_26_issued_register_is_read_only_for_everyone(self):
        self._create_item("exempted")
        issue = self._issue()
        self._approve(issue)
        line = issue.line_ids
        for role in ROLES:
            with self.subTest(role=role):
                as_user = issue.with_user(self.users[role])
                with self.assertRaises(UserError):
                    as_user.write({"decree_reference": "SK palsu"})
                with self.assertRaises(UserError):
                    as_user.write({"state": "draft"})
                with self.assertRaises(UserError):
                    as_user.unlink()
                with self.assertRaises(UserError):
                    line.with_user(self.users[role]).write({"title": "Diubah"})
                with self.assertRaises(UserError):
                    line.with_user(self.users[role]).unlink()
        superuser = issue.sudo()
        for values in ({"decree_reference": "SK palsu"}, {"state": "draft"}):
            with self.assertRefused(UserError, "frozen version"):
                superuser.write(values)
        with self.assertRefused(UserError, "never deleted"):
            superuser.unlink()
        with self.assertRefused(UserError, "frozen version"):
            line.sudo().write({"title": "Diubah"})
        with self.assertRefused(UserError, "frozen version"):
            line.sudo().unlink()
        with self.assertRefused(UserError, "frozen version"):
            line.sudo().create({"issue_id": issue.id, "title": "Baris tambahan"})
        self.assertEqual(issue.decree_reference, "SK 300.2.11/01/2026")
        self.assertEqual(
            line.title, "Berkas penyidikan perkara pengadaan alat kesehatan"
        )

    def test_rule_26_draft_issues_print_the_live_register(self):
        self._create_item("exempted")
        issue = self._issue()
        content, _kind = self.env["ir.actions.report"]._render_qweb_html(
            REGISTER_REPORT, issue.ids
        )
        self.assertIn(b"DRAF", content)
        self.assertEqual(len(self._html_rows(content)), 1)
        issue.unlink()  # a draft is no version yet

    def test_unit_officer_reads_the_issued_rows_of_its_own_units(self):
        own = self._create_item("exempted")
        self._create_item("exempted", unit_id=self.other_unit.id)
        issue = self._issue()
        self._approve(issue)
        lines = self.env["ppid.register.issue.line"].with_user(self.users["pelaksana"])
        self.assertEqual(lines.search([]).mapped("reference"), [own.name])
        self.assertEqual(len(issue.with_user(self.users["auditor"]).line_ids), 2)

    # ------------------------------------------------------------------
    # Marking items for publication
    # ------------------------------------------------------------------

    def test_only_the_ppid_publishes(self):
        item = self._create_item("exempted")
        with self.assertRefused(AccessError, "Only the PPID"):
            item.with_user(self.users["pelaksana"]).write(PUBLISHED)
        with self.assertRefused(ValidationError, "published summaries"):
            item.with_user(self.users["documentation"]).write({"is_published": True})
        item.with_user(self.users["documentation"]).write(PUBLISHED)
        self.assertTrue(item.is_published)
        # a unit may not rewrite what is published either
        with self.assertRefused(AccessError, "Only the PPID"):
            item.with_user(self.users["pelaksana"]).write(
                {"published_harm_summary": "Teks lain"}
            )
        draft = self._create_item("draft")
        draft.with_user(self.users["pelaksana"]).write(
            {"published_harm_summary": "Usulan ringkasan dari unit"}
        )
        with self.assertRefused(AccessError, "Only the PPID"):
            self.env["ppid.exempted.information"].with_user(
                self.users["pelaksana"]
            ).create(self._item_values(**PUBLISHED))
