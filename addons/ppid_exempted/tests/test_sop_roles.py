# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ROLES
from .common_classification import ClassificationCase


@tagged("post_install", "-at_install")
class TestDecreeSignedByTheOfficial(ClassificationCase):
    """PP 61/2010 Pasal 3 and 4(2)(b): the PPID official sets the
    classification and signs the decree, by the user the body configures; the
    head of the body approves it."""

    def test_the_decree_names_the_configured_official_as_a_user(self):
        _item, decree = self._approval_item()
        self.assertEqual(decree.ppid_official_id, self.committee)
        self.assertEqual(decree.ppid_official_name, self.committee.name)
        with self.assertRefused(ValidationError, "do not type another name"):
            decree.with_user(self.committee).write(
                {"ppid_official_name": "Nama Lain, S.H."}
            )
        # a decree naming someone who is not the official is not approved
        decree.with_user(self.committee).ppid_official_id = self.member
        with self.assertRefused(ValidationError, "Anggota Tim Pertimbangan is not"):
            decree.with_user(self.head).action_approve()

    def test_only_the_official_signs_and_the_head_waits_for_it(self):
        self.company.ppid_decree_signature_required = True
        item, decree = self._approval_item()
        with self.assertRefused(ValidationError, "the signature of"):
            decree.with_user(self.head).action_approve()
        self.assertEqual(item.state, "approval")
        wrong = [self.users[role] for role in ROLES if role != "committee"]
        wrong.append(self.member)  # a member of the team, not the official
        for user in wrong:
            with (
                self.subTest(user=user.login),
                self.assertRaises(UserError),  # an AccessError is a UserError
            ):
                decree.with_user(user).action_sign_official()
            self.assertFalse(decree.with_user(user).can_sign_official)
        with self.assertRefused(AccessError, "Only .* signs it"):
            decree.with_user(self.member).action_sign_official()
        for user in (self.committee, self.head):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                decree.with_user(user).write(
                    {
                        "official_signed_by_id": self.committee.id,
                        "official_signed_datetime": "2026-03-02 03:00:00",
                    }
                )
        self.assertTrue(decree.with_user(self.committee).can_sign_official)
        decree.with_user(self.committee).action_sign_official()
        self.assertEqual(decree.official_signed_by_id, self.committee)
        self.assertTrue(decree.official_signed_datetime)
        with self.assertRefused(UserError, "already signed"):
            decree.with_user(self.committee).action_sign_official()
        # what was signed changes: the signature is given again
        decree.with_user(self.committee).place = "Samarinda"
        self.assertFalse(decree.official_signed_datetime)
        decree.with_user(self.committee).action_sign_official()
        # a line changed after the signature: the head waits for a new one
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ppid_classification_decree SET official_signed_datetime = %s "
            "WHERE id = %s",
            [datetime.now() - timedelta(hours=1), decree.id],
        )
        decree.invalidate_recordset(["official_signed_datetime"])
        with self.assertRefused(ValidationError, "the signature of"):
            decree.with_user(self.head).action_approve()
        # a line removed after the signature: likewise
        decree.with_user(self.committee).write({"place": "Tenggarong"})
        decree.with_user(self.committee).action_sign_official()
        self.env.cr.execute(
            "DELETE FROM ppid_decree_signed_line_rel WHERE decree_id = %s", [decree.id]
        )
        decree.invalidate_recordset(["official_signed_line_ids"])
        with self.assertRefused(ValidationError, "the signature of"):
            decree.with_user(self.head).action_approve()
        decree.with_user(self.committee).write({"place": "Samarinda"})
        decree.with_user(self.committee).action_sign_official()
        decree.with_user(self.head).action_approve()
        self.assertEqual(decree.state, "approved")
        self.assertEqual(item.state, "exempted")

    def test_the_head_signs_only_where_the_body_lets_him(self):
        _item, decree = self._approval_item()
        decree.with_user(self.committee).ppid_official_id = self.head
        with self.assertRefused(UserError, "is not the PPID official"):
            decree.with_user(self.head).action_sign_official()
        self.company.ppid_decree_head_may_sign = True
        decree.with_user(self.head).action_sign_official()
        self.assertEqual(decree.official_signed_by_id, self.head)
        decree.with_user(self.head).action_approve()
        self.assertEqual(decree.state, "approved")

    def test_the_paper_prints_the_user_or_the_typed_name_of_old_decrees(self):
        _item, decree = self._approval_item()
        decree.with_user(self.committee).action_sign_official()
        content, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "ppid_exempted.action_report_classification_decree", decree.ids
        )
        text = " ".join(content.decode().split())
        self.assertIn(f"Ditandatangani dalam sistem oleh {self.committee.name}", text)
        # a decree recorded before the official was a user keeps its typed name
        old = self.Decree.sudo().create(
            {
                "ppid_official_id": False,
                "ppid_official_name": "Drs. H. Pejabat Lama, M.Si",
                "date": date(2025, 1, 6),
            }
        )
        content, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "ppid_exempted.action_report_classification_decree", old.ids
        )
        self.assertIn("Drs. H. Pejabat Lama, M.Si", content.decode())


@tagged("post_install", "-at_install")
class TestKetuaPpidChairs(ClassificationCase):
    """SOP Bontang and SOP Kaltim (definition F): the Ketua PPID chairs the
    consequence test; a body naming none has the PPID official chair."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ketua = new_test_user(
            cls.env,
            login="ppid_ketua",
            name="Ketua PPID Kota",
            groups="ppid_exempted.group_ppid_committee",
        )

    def _chaired_by(self, user):
        item = self._create_item("received")
        participants = self._lawful_participants(item)
        participants[0]["user_id"] = user.id
        return self._session(item, participants=participants)

    def test_the_chair_is_the_configured_ketua_ppid(self):
        self.assertEqual(self.company._ppid_test_chair(), self.committee)
        by_official = self._chaired_by(self.committee)
        self.company.ppid_chair_user_id = self.ketua
        self.assertEqual(self.company._ppid_test_chair(), self.ketua)
        by_ketua = self._chaired_by(self.ketua)
        self.assertFalse(
            [
                p._capacity_problem()
                for p in by_ketua.participant_ids
                if p._capacity_problem()
            ]
        )
        with self.assertRefused(
            ValidationError,
            "is not the Ketua PPID of .* and cannot chair the consequence test",
        ):
            self._chaired_by(self.committee)
        # a session chaired by the official before the body named its Ketua
        # PPID is not complete now
        self._sign_all(by_official)
        with self.assertRefused(ValidationError, "not the Ketua PPID"):
            by_official.with_user(self.committee).action_complete()
        self.assertEqual(by_official.state, "draft")
        self._sign_all(by_ketua)
        by_ketua.with_user(self.committee).action_complete()
        self.assertEqual(by_ketua.state, "done")

    def test_a_new_session_proposes_the_ketua_ppid_as_chair(self):
        item = self._create_item("received")
        self.company.ppid_chair_user_id = self.ketua
        proposed = item.with_user(self.committee)._proposed_participants()
        self.assertEqual(proposed[0], {"user_id": self.ketua.id, "capacity": "ppid"})


@tagged("post_install", "-at_install")
class TestLetterAndReceiptAgree(ClassificationCase):
    """The notification letter prints the round's deadline, and the stored
    receipt its own number."""

    def test_the_letter_prints_the_deadline_the_round_sets(self):
        Round = self.env["ppid.collection.round"]
        for day in (date(2026, 3, 20), date(2026, 3, 16), date(2026, 12, 23)):
            content, _kind = self.env["ir.actions.report"]._render_qweb_html(
                "ppid_exempted.action_report_notification_letter",
                self.unit.ids,
                data={"letter_date": day.isoformat()},
            )
            report = self.env["report.ppid_exempted.report_notification_letter"]
            expected = Round._deadline_from(self.company, day)
            with self.subTest(day=day):
                self.assertIn(report._format_tanggal(expected), content.decode())
        # Friday 20 March 2026 (cuti bersama) + 2 working days: 25, 26 March
        self.assertEqual(
            Round._deadline_from(self.company, date(2026, 3, 20)), date(2026, 3, 26)
        )

    def test_a_broken_number_pattern_prints_as_written(self):
        item = self._create_item("received", received_datetime="2026-03-02 02:00:00")
        self.company.ppid_receipt_number_pattern = "TT/{seq.x}/{unit}"
        self.assertEqual(
            self.company._ppid_receipt_number(self.unit, item), "TT/{seq.x}/{unit}"
        )

    def test_the_stored_receipt_prints_its_own_number(self):
        item = self._create_item(
            "received",
            received_datetime="2026-03-02 02:00:00",
            received_by_id=self.users["service"].id,
        )
        receipt = (
            self.env["ppid.receipt"]
            .with_user(self.users["service"])
            .create({"unit_id": self.unit.id, "information_ids": [(6, 0, item.ids)]})
        )
        content = receipt.sudo().attachment_ids[:1].raw.decode()
        self.assertIn(f"Nomor: {receipt.name}", " ".join(content.split()))
        # printed again from the item: the same number, not a second one
        again, _type = self.env["ir.actions.report"]._render_qweb_html(
            "ppid_exempted.action_report_receipt", item.ids
        )
        self.assertIn(f"Nomor: {receipt.name}", " ".join(again.decode().split()))
