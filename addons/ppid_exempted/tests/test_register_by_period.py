# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
import hashlib
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .register_common import RegisterCase

GROUP_2027 = "Jangka waktu pengecualian berakhir tahun 2027"
GROUP_2029 = "Jangka waktu pengecualian berakhir tahun 2029"
GROUP_CONDITION = "Jangka waktu pengecualian sampai terpenuhinya syarat"


@tagged("post_install", "-at_install")
class TestRegisterByPeriod(RegisterCase):
    """The register ordered and grouped by the end of the exemption period
    (Bontang SOP step 2), and the issued list documented as softcopy and
    hardcopy (Kukar SOP step 4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Created in this order: the register lists them by reference.
        cls.late = cls._create_item(
            "exempted", title="Akhir 2029", period_end_date=date(2029, 6, 30)
        )
        cls.early = cls._create_item(
            "exempted", title="Awal 2027", period_end_date=date(2027, 3, 31)
        )
        cls.condition = cls._create_item(
            "exempted",
            title="Sampai syarat",
            legal_basis_id=cls.basis_h.id,
            legal_subpoint_id=cls.basis_h2.id,
            period_type="condition",
            period_end_date=False,
            period_end_event="consent_given",
            period_end_condition="Sampai yang bersangkutan memberi persetujuan",
            review_date=date(2027, 1, 4),
        )
        cls.same_end = cls._create_item(
            "documented",
            title="Juga 2027",
            period_end_date=date(2027, 3, 31),
            documentation_waiver_reason="Hanya fisik.",
        )
        cls.report = cls.env["report.ppid_exempted.report_register"]

    def _titles(self, register):
        return [(row["no"], row["title"]) for row in register["rows"]]

    def test_live_register_ordered_and_grouped_by_period(self):
        data = {
            "company_id": self.company.id,
            "date": str(self.today),
            "order_by_period": True,
        }
        register = self.report._get_report_values(None, data=data)["registers"][0]
        self.assertEqual(
            self._titles(register),
            [
                ("", GROUP_2027),
                ("1", "Awal 2027"),
                ("2", "Juga 2027"),
                ("", GROUP_2029),
                ("3", "Akhir 2029"),
                ("", GROUP_CONDITION),
                ("4", "Sampai syarat"),
            ],
        )
        plain = self.report._get_report_values(
            None, data={**data, "order_by_period": False}
        )["registers"][0]
        self.assertEqual(
            [title for _no, title in self._titles(plain)],
            ["Akhir 2029", "Awal 2027", "Sampai syarat", "Juga 2027"],
            "without the option: by reference",
        )

    def test_the_wizard_passes_the_option(self):
        wizard = (
            self.env["ppid.register.wizard"]
            .with_user(self.users["documentation"])
            .create({"order_by_period": True})
        )
        self.assertTrue(wizard.action_print()["data"]["order_by_period"])
        wizard.output = "xlsx"
        self.assertIn("order=period", wizard.action_print()["url"])

    def _issue(self, **values):
        issue = (
            self.env["ppid.register.issue"]
            .with_user(self.users["documentation"])
            .create({"date": self.today, **values})
        )
        issue.action_submit()
        issue.with_user(self.users["head"])._approve("188.4/09/2026", self.today)
        return issue

    def test_an_issue_ordered_by_period_freezes_that_order(self):
        issue = self._issue(order_by_period=True)
        self.assertEqual(
            issue.line_ids.mapped("title"),
            ["Awal 2027", "Juga 2027", "Akhir 2029", "Sampai syarat"],
        )
        self.assertEqual(issue.line_ids.mapped("sequence"), [1, 2, 3, 4])
        self.assertEqual(
            [title for _no, title in self._titles(issue._as_register())],
            [
                GROUP_2027,
                "Awal 2027",
                "Juga 2027",
                GROUP_2029,
                "Akhir 2029",
                GROUP_CONDITION,
                "Sampai syarat",
            ],
        )

    def test_the_stored_copy_is_written_by_the_issuing_only(self):
        issue = self._issue()
        self.assertTrue(issue.issued_pdf)
        forged = base64.b64encode(b"%PDF-1.4 palsu")
        for role in ("documentation", "head", "manager"):
            with self.subTest(role=role), self.assertRaises(UserError):
                issue.with_user(self.users[role]).write({"issued_pdf": forged})
        with self.assertRaises(UserError):
            issue.write({"issued_pdf_sha256": "0" * 64})
        for role in ("documentation", "head"):
            with self.subTest(role=role), self.assertRaises(UserError):
                self.env["ppid.register.issue"].with_user(self.users[role]).create(
                    {"date": self.today, "issued_pdf": forged}
                )

    def test_a_unit_officer_never_reads_the_whole_bodys_issued_copy(self):
        # the stored PDF prints every unit's rows; a unit officer reads its own
        issue = self._issue()
        with self.assertRaises(AccessError):
            issue.with_user(self.users["pelaksana"]).with_context(bin_size=False).read(
                ["issued_pdf"]
            )
        self.assertTrue(
            issue.with_user(self.users["documentation"]).read(["issued_pdf"])
        )

    def test_the_hardcopy_location_is_set_by_the_documentation_officer(self):
        issue = self._issue()
        for role in ("head", "manager"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                issue.with_user(self.users[role]).write(
                    {"hardcopy_location_id": self.box.id}
                )
        issue.with_user(self.users["documentation"]).write(
            {"hardcopy_location_id": self.box.id}
        )
        self.assertEqual(issue.hardcopy_location_id, self.box)
        # Moved, never forgotten; and nothing else changes once issued.
        issue.with_user(self.users["documentation"]).write(
            {"hardcopy_location_id": self.room.id}
        )
        with self.assertRefused(UserError, "rather than clearing"):
            issue.with_user(self.users["documentation"]).write(
                {"hardcopy_location_id": False}
            )
        with self.assertRefused(UserError, "frozen"):
            issue.with_user(self.users["documentation"]).write(
                {"hardcopy_location_id": self.box.id, "note": "Ubah"}
            )
        with self.assertRefused(UserError, "frozen"):
            issue.write({"note": "Ubah"})
        with self.assertRefused(UserError, "frozen"):
            issue.with_user(self.users["documentation"]).write(
                {"message_main_attachment_id": False}
            )
        self.assertEqual(issue.hardcopy_location_id, self.room)


@tagged("post_install", "-at_install")
class TestRegisterIssuedPdf(HttpCase, RegisterCase):
    """The issued list kept as a real PDF, rendered by wkhtmltopdf through the
    running server (Kukar SOP step 4: softcopy)."""

    def test_the_issued_register_is_stored_and_fingerprinted(self):
        issue = self._issue_rendered()
        content = base64.b64decode(issue.with_context(bin_size=False).issued_pdf)
        self.assertTrue(content.startswith(b"%PDF"))
        self.assertEqual(issue.issued_pdf_sha256, hashlib.sha256(content).hexdigest())
        self.assertTrue(issue.issued_pdf_intact)
        self.assertEqual(
            issue.issued_pdf_filename, f"DIK {issue.name.replace('/', '-')}.pdf"
        )
        attachment = self.env["ir.attachment"].search(
            [
                ("res_model", "=", issue._name),
                ("res_id", "=", issue.id),
                ("res_field", "=", "issued_pdf"),
            ]
        )
        self.assertEqual(len(attachment), 1)
        # No user rewrites the stored copy through its file either.
        for role in ("documentation", "head", "manager"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                attachment.with_user(self.users[role]).write({"raw": b"%PDF-1.4 palsu"})
            with self.subTest(role=role), self.assertRaises(AccessError):
                attachment.with_user(self.users[role]).unlink()
        self.assertTrue(issue.issued_pdf_intact)
        # A copy changed behind the register's back no longer matches.
        attachment.raw = content + b"%% diubah"
        issue.invalidate_recordset(["issued_pdf", "issued_pdf_intact"])
        self.assertFalse(issue.issued_pdf_intact)

    def _issue_rendered(self):
        issue = (
            self.env["ppid.register.issue"]
            .with_user(self.users["documentation"])
            .create({"date": self.today})
        )
        issue.action_submit()
        issue.with_user(self.users["head"]).with_context(
            force_report_rendering=True
        )._approve("188.4/09/2026", self.today)
        return issue

    def test_the_xlsx_download_follows_the_order(self):
        """Through the real server, as the wizard's download link asks it."""
        self._create_item(
            "exempted", title="Akhir 2029", period_end_date=date(2029, 6, 30)
        )
        self._create_item(
            "exempted", title="Awal 2027", period_end_date=date(2027, 3, 31)
        )
        self.authenticate("ppid_documentation", "ppid_documentation")
        self.env.flush_all()
        url = f"/ppid/register/{self.company.id}/register.xlsx?date={self.today}"
        response = self.url_open(f"{url}&order=period")
        self.assertEqual(response.status_code, 200)
        _headings, rows = self._xlsx_table(response.content)
        self.assertEqual(
            [(row[0], row[2]) for row in rows],
            [
                ("", GROUP_2027),
                ("1", "Awal 2027"),
                ("", GROUP_2029),
                ("2", "Akhir 2029"),
            ],
        )
        _headings, rows = self._xlsx_table(self.url_open(url).content)
        self.assertEqual([row[2] for row in rows], ["Akhir 2029", "Awal 2027"])
