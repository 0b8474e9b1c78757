# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import json

from lxml import etree

from odoo.fields import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import file_open

from ..models.ppid_demo import FIRST_SESSION, PUBLISHED, RECEIVED, SUBMITTED
from .common import PpidCase

PREFIX = "ppid_exempted.ppid_exempted_information_"
KANBAN = "/odoo/exempted-information"


def visitor_code(name, expect):
    """The visitor's browser reads the public page like a citizen: no login,
    no script of the page itself (it has none), only what is on the screen."""
    with file_open(f"ppid_exempted/static/tests/public/{name}.js") as script:
        return f"window.ppidTourExpect = {json.dumps(expect)};\n{script.read()}"


# On the database installed with demo data (tests/run.py, layer B): each role
# of the demo body, in Bahasa Indonesia, walks its main flow in Chromium on the
# demo records, as in the first hour of an office.
@tagged("post_install", "-at_install", "-standard", "ppid_demo")
class TestRoleTours(HttpCase):
    """Issue 12 item 9: one tour per role, in Indonesian, through the UI; the
    state it leaves is checked here on the server."""

    def setUp(self):
        super().setUp()
        self.assertTrue(
            self.env.ref(f"{PREFIX}{SUBMITTED[0]}_demo", raise_if_not_found=False),
            "the demo data is installed",
        )
        self.Item = self.env["ppid.exempted.information"]

    def _item(self, key):
        return self.env.ref(f"{PREFIX}{key}_demo")

    def _user(self, login):
        user = self.env["res.users"].search([("login", "=", login)])
        # The tours prove the UI speaks Indonesian to the demo users.
        self.assertEqual(user.lang, "id_ID", login)
        return user

    def _tour(self, tour, login, url=KANBAN, ref=None):
        cookies = {"ppid_tour_ref": ref} if ref else None
        self.start_tour(url, tour, login=login, cookies=cookies)

    def test_unit_officer_compiles_and_hands_over(self):
        officer = self._user("pelaksana")
        self._tour("ppid_role_unit_officer", officer.login)
        item = self.Item.search(
            [("title", "=", "Tur: daftar penerima bantuan pengobatan jiwa")]
        )
        self.assertEqual(len(item), 1)
        self.assertEqual(item.state, "submitted")
        self.assertEqual(item.create_uid, officer)
        self.assertEqual(item.unit_id.code, "DINKESKAB")
        self.assertEqual(item.legal_subpoint_id.angka, 2)
        self.assertEqual(item.unit_test_sheet_name, "lembar_uji_dinkes.pdf")
        self.assertTrue(item.submitted_datetime)

    def test_service_officer_receives_and_issues_the_receipt(self):
        service = self._user("layanan")
        item = self._item(SUBMITTED[0])
        self.assertEqual(item.state, "submitted")
        self._tour("ppid_role_service_officer", service.login, ref=item.name)
        item.invalidate_recordset()
        self.assertEqual(item.state, "received")
        self.assertEqual(item.received_by_id, service)
        receipt = self.env["ppid.receipt"].search([("information_ids", "in", item.ids)])
        self.assertEqual(len(receipt), 1)
        self.assertEqual(receipt.issued_by_id, service)
        self.assertEqual(receipt.unit_id, item.unit_id)
        self.assertNotEqual(receipt.name, "/")
        # The stored copy is the receipt (rendered as HTML while testing) ...
        copy = receipt.attachment_ids[:1].sudo()
        self.assertTrue(copy.name.startswith("Tanda Terima"), copy.name)
        self.assertIn(item.name.encode(), copy.raw)
        self.assertIn(b"TANDA TERIMA", copy.raw.upper())
        # ... and the printed receipt is a PDF that wkhtmltopdf renders.
        content, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "ppid_exempted.action_report_receipt",
                res_ids=item.ids,
                data={"receipt_number": receipt.name, "receipt_id": receipt.id},
            )
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))

    def test_committee_runs_and_completes_a_session(self):
        ppid = self._user("pertimbangan")
        item = self._item(RECEIVED[0])
        self.assertEqual(item.state, "received")
        self._tour("ppid_role_committee_session", ppid.login, ref=item.name)
        line = self.env["ppid.consequence.test.line"].search(
            [("information_id", "=", item.id)]
        )
        self.assertEqual(len(line), 1)
        test = line.test_id
        self.assertEqual(test.create_uid, ppid)
        self.assertEqual(test.place, "Ruang Rapat Diskominfo")
        self.assertEqual(line.conclusion, "exempted")
        signed = test.participant_ids.filtered("signed_datetime")
        self.assertEqual(signed.user_id, ppid)
        # The other participants sign as themselves, each from their own task.
        for participant in test.participant_ids - signed:
            self.assertTrue(participant.user_id, participant.name)
            test.with_user(participant.user_id).action_sign()
        self._tour(
            "ppid_role_committee_complete",
            ppid.login,
            url="/odoo/consequence-tests",
            ref=test.name,
        )
        test.invalidate_recordset()
        item.invalidate_recordset()
        self.assertEqual(test.state, "done")
        self.assertEqual(test.completed_by_id, ppid)
        self.assertEqual(item.state, "approval")
        decree = item.decree_line_ids.decree_id
        self.assertEqual(decree.state, "draft")
        self.assertEqual(decree.test_id, test)

    def test_head_approves_from_the_kanban(self):
        head = self._user("atasan")
        item = self.Item.search(
            [
                ("id", "in", self.env["ppid.demo"]._demo_all_items().ids),
                ("state", "=", "approval"),
            ],
            order="name",
            limit=1,
        )
        decree = item.decree_line_ids.decree_id.filtered(
            lambda decree: decree.state == "draft"
        )
        self.assertTrue(decree)
        self._tour("ppid_role_head_approve", head.login, ref=item.name)
        item.invalidate_recordset()
        self.assertEqual(item.state, "exempted")
        self.assertEqual(item.approved_by_id, head)
        approved = item.decree_line_ids.decree_id.filtered(
            lambda decree: decree.state == "approved"
        )
        self.assertEqual(len(approved), 1)
        self.assertEqual(approved.approved_by_id, head)
        self.assertEqual(item.decree_reference, approved.name)

    def test_documentation_officer_documents_and_issues_the_register(self):
        officer = self._user("pengelola")
        head = self._user("atasan")
        item = self._item(FIRST_SESSION[0])
        self.assertEqual(item.state, "exempted")
        Issue = self.env["ppid.register.issue"]
        before = Issue.search([])
        self._tour("ppid_role_documentation", officer.login, ref=item.name)
        item.invalidate_recordset()
        self.assertEqual(item.state, "documented")
        self.assertEqual(item.softcopy_filename, "denah_pengamanan_gudang_sitaan.pdf")
        self.assertEqual(item.final_disposition, "permanen")
        issue = Issue.search([]) - before
        self.assertEqual(len(issue), 1)
        self.assertEqual(issue.state, "submitted")
        self.assertEqual(issue.submitted_by_id, officer)
        self._tour("ppid_role_head_issue_register", head.login, ref=issue.name)
        issue.invalidate_recordset()
        self.assertEqual(issue.state, "issued")
        self.assertEqual(issue.issued_by_id, head)
        self.assertEqual(issue.decree_reference, "188.45/0099/DISKOMINFO/2026")
        self.assertIn(item, issue.line_ids.information_id)

    def test_visitor_reads_the_public_register(self):
        item = self._item(next(iter(PUBLISHED)))
        self.assertTrue(item.is_published)
        company = item.company_id
        expect = {
            "body": company.name,
            "reference": item.name,
            "title": item.title,
            "harm": item.published_harm_summary,
            # Never the content: the description stays in the office.
            "secret": item.description,
        }
        self.browser_js(
            f"/ppid/{company.id}/dik",
            visitor_code("ppid_visitor_register", expect),
        )
        opened = self.Item.search(
            [
                ("id", "in", self.env["ppid.demo"]._demo_all_items().ids),
                ("state", "=", "opened"),
            ],
        ).filtered(
            lambda item: self.env["ppid.public.information"].search_count(
                [("information_id", "=", item.id)]
            )
        )[:1]
        self.assertTrue(opened)
        self.browser_js(
            f"/ppid/{company.id}/opened",
            visitor_code(
                "ppid_visitor_opened", {"reference": opened.name, "title": opened.title}
            ),
        )


@tagged("post_install", "-at_install")
class TestReceiptFormOfTheServiceOfficer(PpidCase):
    """The service officer issues the receipt from its form (Kukar SOP step
    3): the form offers the Save button, and saving does not read the stored
    copies, vault documents the service officer may not read."""

    def test_the_form_saves_a_new_receipt(self):
        service = self.users["service"]
        item = self._create_item(
            "received",
            received_datetime="2026-03-02 02:00:00",
            received_by_id=service.id,
        )
        Receipt = self.env["ppid.receipt"].with_user(service)
        form = Receipt.get_views([(False, "form")])["views"]["form"]
        arch = etree.fromstring(form["arch"])
        # Without the write right the web client hides the Save button.
        self.assertNotEqual(arch.get("edit", "").lower(), "false")
        # What the web client sends and reads back when Save is clicked.
        specification = {
            name: {"fields": {"display_name": {}}} if field.relational else {}
            for name, field in Receipt._fields.items()
            if arch.xpath(f"//field[@name='{name}']")
        }
        saved = Receipt.web_save(
            {"unit_id": self.unit.id, "information_ids": [Command.set(item.ids)]},
            specification,
        )
        receipt = Receipt.browse(saved[0]["id"])
        self.assertEqual(receipt.issued_by_id, service)
        self.assertTrue(receipt.sudo().attachment_ids)
