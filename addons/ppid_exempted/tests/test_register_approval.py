# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common import ROLES
from .register_common import RegisterCase


@tagged("post_install", "-at_install")
class TestRegisterApproval(RegisterCase):
    """The register goes to the leadership, comes back with corrections and is
    approved by the head with the SK Atasan PPID before it is issued and its
    upload recorded (Kaltim SOP step 7 and V.2; Bontang SOP step 5)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.item = cls._create_item("exempted", title="Berkas penyidikan")
        cls.other_item = cls._create_item("documented", title="Data kesehatan")

    def _draft(self, **values):
        return (
            self.env["ppid.register.issue"]
            .with_user(self.users["documentation"])
            .create({"date": self.today, **values})
        )

    def _wizard(self, issue, user, mode, **values):
        wizard = (
            self.env["ppid.register.issue.review.wizard"]
            .with_user(self.users[user])
            .create({"issue_id": issue.id, "mode": mode, **values})
        )
        return wizard.action_confirm()

    def test_the_whole_loop_leaves_its_records(self):
        issue = self._draft(note="Usulan DIK 2026")
        issue.action_submit()
        self.assertEqual(issue.state, "submitted")
        self.assertEqual(issue.submitted_by_id, self.users["documentation"])
        self.assertTrue(issue.submitted_datetime)

        self._wizard(
            issue,
            "head",
            "return",
            reason="Jangka waktu Data kesehatan belum jelas.",
            information_ids=[Command.set(self.other_item.ids)],
        )
        self.assertEqual(issue.state, "draft")
        correction = issue.correction_ids
        self.assertEqual(len(correction), 1)
        self.assertEqual(correction.reason, "Jangka waktu Data kesehatan belum jelas.")
        self.assertEqual(correction.information_ids, self.other_item)
        self.assertEqual(correction.returned_by_id, self.users["head"])
        self.assertTrue(correction.returned_datetime)
        self.assertFalse(correction.addressed_datetime)
        self.assertFalse(issue.line_ids)

        issue.note = "Jangka waktu diperbaiki"
        issue.action_submit()
        self.assertEqual(correction.addressed_by_id, self.users["documentation"])
        self.assertTrue(correction.addressed_datetime)

        self._wizard(
            issue,
            "head",
            "approve",
            decree_reference="188.4/07/2026",
            decree_date=date(2026, 1, 30),
        )
        self.assertEqual(issue.state, "issued")
        self.assertEqual(issue.decree_reference, "188.4/07/2026")
        self.assertEqual(issue.decree_date, date(2026, 1, 30))
        self.assertEqual(issue.issued_by_id, self.users["head"])
        self.assertCountEqual(
            issue.line_ids.mapped("title"), ["Berkas penyidikan", "Data kesehatan"]
        )

        self._wizard(
            issue,
            "documentation",
            "publish",
            publication_url="https://ppid.kutaikartanegarakab.go.id/dik",
        )
        self.assertEqual(issue.state, "published")
        self.assertEqual(issue.published_by_id, self.users["documentation"])
        self.assertTrue(issue.published_datetime)
        self.assertEqual(
            issue.publication_url, "https://ppid.kutaikartanegarakab.go.id/dik"
        )
        # still frozen once published, for everyone
        for values in ({"note": "Diubah"}, {"publication_url": "https://x.test"}):
            with self.assertRefused(UserError, "frozen version"):
                issue.sudo().write(values)
        self.assertEqual(len(issue.line_ids), 2)
        self.assertEqual(len(issue._as_register()["rows"]), 2)

    def test_the_documentation_officer_can_no_longer_issue_alone(self):
        issue = self._draft(decree_reference="SK 1/2026", decree_date=self.today)
        as_doc = issue.with_user(self.users["documentation"])
        with self.assertRefused(UserError, "not possible now"):
            as_doc.action_issue()  # a draft is not submitted yet
        as_doc.action_submit()
        with self.assertRefused(AccessError, "Only the head"):
            as_doc.action_issue()
        with self.assertRefused(AccessError, "Only the head"):
            as_doc.write({"state": "issued"})
        with self.assertRefused(AccessError, "Only the head"):
            self._wizard(issue, "documentation", "approve")
        # a user in both groups may not approve what they submitted
        both = new_test_user(
            self.env,
            login="ppid_doc_and_head",
            groups="ppid_exempted.group_ppid_documentation,"
            "ppid_exempted.group_ppid_head",
        )
        second = self._draft(decree_reference="SK 2/2026", decree_date=self.today)
        second.with_user(both).action_submit()
        with self.assertRefused(AccessError, "submitted by you"):
            second.with_user(both).action_issue()
        with self.assertRefused(AccessError, "submitted by you"):
            second.with_user(both)._return("Perbaiki")
        self.assertEqual((issue | second).mapped("state"), ["submitted"] * 2)
        self.assertFalse((issue | second).line_ids)

    def test_who_may_take_each_step(self):
        """Expected table, written out by hand: (submit, approve, publish)."""
        expected = {
            "pelaksana": (False, False, False),
            "service": (False, False, False),
            "committee": (False, False, False),
            "documentation": (True, False, True),
            "head": (False, True, False),
            "auditor": (False, False, False),
            "manager": (False, False, False),
        }
        draft = self._draft(decree_reference="SK 3/2026", decree_date=self.today)
        submitted = self._draft(decree_reference="SK 4/2026", decree_date=self.today)
        submitted.action_submit()
        issued = self._draft(decree_reference="SK 5/2026", decree_date=self.today)
        issued.action_submit()
        issued.with_user(self.users["head"]).action_issue()
        for role in ROLES:
            with self.subTest(role=role):
                user = self.users[role]
                self.assertEqual(
                    (
                        draft.with_user(user).can_submit,
                        submitted.with_user(user).can_approve,
                        issued.with_user(user).can_publish,
                    ),
                    expected[role],
                )
                may_submit, may_approve, may_publish = expected[role]
                if not may_submit:
                    with self.assertRaises(AccessError):
                        draft.with_user(user).action_submit()
                if not may_approve:
                    with self.assertRaises(AccessError):
                        submitted.with_user(user).action_issue()
                    with self.assertRaises(AccessError):
                        submitted.with_user(user)._return("Koreksi")
                if not may_publish:
                    with self.assertRaises(AccessError):
                        issued.with_user(user)._publish("https://ppid.test/dik")
        self.assertEqual(draft.state, "draft")
        self.assertEqual(submitted.state, "submitted")
        self.assertEqual(issued.state, "issued")

    def test_steps_refuse_what_they_cannot_record(self):
        issue = self._draft()
        issue.action_submit()
        head = issue.with_user(self.users["head"])
        with self.assertRefused(ValidationError, "State the corrections"):
            head._return("  ")
        foreign = self._create_foreign_item()
        with self.assertRefused(ValidationError, "does not belong"):
            head._return("Koreksi", foreign)
        with self.assertRefused(ValidationError, "decree of the Atasan PPID"):
            head._approve()
        with self.assertRefused(UserError, "Return with Corrections"):
            head.write({"state": "draft"})
        with self.assertRefused(UserError, "nothing else"):
            head.write({"state": "issued", "note": "sekalian"})
        # while with the leadership, the compiler changes nothing
        with self.assertRefused(UserError, "with the leadership"):
            issue.write({"note": "Diubah diam-diam"})
        with self.assertRefused(UserError, "never deleted"):
            issue.unlink()
        head._approve("SK 6/2026", self.today)
        doc = issue.with_user(self.users["documentation"])
        with self.assertRefused(UserError, "frozen version"):
            doc.write({"state": "published"})
        with self.assertRefused(UserError, "use Publish"):
            self._draft().write({"state": "published"})
        with self.assertRefused(ValidationError, "where the register was published"):
            doc._publish()
        with self.assertRefused(ValidationError, "not a web address"):
            doc._publish("javascript:alert(1)")
        doc._publish(place="Papan pengumuman meja layanan informasi")
        self.assertEqual(
            issue.publication_place, "Papan pengumuman meja layanan informasi"
        )
        with self.assertRefused(UserError, "not possible now"):
            doc._publish("https://ppid.test/dik")

    def test_corrections_are_kept_as_the_leadership_wrote_them(self):
        issue = self._draft()
        issue.action_submit()
        issue.with_user(self.users["head"])._return("Tambahkan dasar hukum", self.item)
        correction = issue.correction_ids
        Correction = self.env["ppid.register.issue.correction"]
        for role in ROLES:
            with self.subTest(role=role):
                as_user = correction.with_user(self.users[role])
                with self.assertRaises(UserError):
                    as_user.write({"reason": "Tidak ada koreksi"})
                with self.assertRaises(UserError):
                    as_user.unlink()
                with self.assertRaises(AccessError):
                    Correction.with_user(self.users[role]).create(
                        {
                            "issue_id": issue.id,
                            "reason": "Koreksi palsu",
                            "returned_by_id": self.users["head"].id,
                        }
                    )
        with self.assertRefused(UserError, "never changed"):
            correction.sudo().write({"reason": "Tidak ada koreksi"})
        with self.assertRefused(UserError, "never deleted"):
            correction.sudo().unlink()
        with self.assertRefused(UserError, "recorded by the steps"):
            issue.write({"correction_ids": [Command.clear()]})
        self.assertEqual(correction.reason, "Tambahkan dasar hukum")
        # a unit officer reads the corrections of its own body only
        self.assertEqual(
            Correction.with_user(self.users["pelaksana"]).search([]), correction
        )
