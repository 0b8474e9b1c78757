# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..utils.indonesian_dates import tanggal
from .common import ROLES, PpidCase

LETTER_REPORT = "ppid_exempted.action_report_notification_letter"


@tagged("post_install", "-at_install")
class TestNotificationLetter(PpidCase):
    """Kukar SOP step 1: the round sends each unit a numbered, dated letter
    whose deadline is the round's, and the unit acknowledges its receipt."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit.unit_type = "pelaksana"
        cls.other_unit.unit_type = "pelaksana"
        cls.round = (
            cls.env["ppid.collection.round"]
            .with_user(cls.users["service"])
            .create({"name": "Penghimpunan DIK 2026"})
        )
        cls.round.action_open()
        cls.letter = cls.round.letter_ids.filtered(
            lambda letter: letter.unit_id == cls.unit
        )
        cls.other_letter = cls.round.letter_ids - cls.letter

    def test_opening_the_round_sends_one_numbered_letter_per_unit(self):
        letters = self.round.letter_ids
        self.assertEqual(letters.unit_id, self.unit | self.other_unit)
        self.assertEqual(len(set(letters.mapped("name"))), 2)
        today = self.company._ppid_today()
        for letter in letters:
            self.assertTrue(letter.name.startswith(f"PPID/SP/{today.year}/"))
            self.assertEqual(letter.date, today)
            self.assertEqual(letter.state, "sent")
            # one deadline: the round's rule on the body's calendar
            self.assertEqual(letter.deadline, self.round.deadline)
            self.assertEqual(
                letter.deadline, self.company.ppid_add_working_days(today, 2)
            )
            self.assertEqual(
                letter.acknowledgement_due,
                self.company.ppid_add_working_days(today, 1),
            )
        # the printed letter carries the record's number, date and deadline
        content, _kind = self.env["ir.actions.report"]._render_qweb_html(
            LETTER_REPORT, self.unit.ids, data=self.letter._report_data()
        )
        html = content.decode()
        self.assertIn(self.letter.name, html)
        self.assertIn(tanggal(today), html)
        self.assertIn(tanggal(self.round.deadline), html)
        action = self.letter.action_print()
        self.assertEqual(action["data"], self.letter._report_data())
        # a later deadline of the round is the letter's deadline too
        self.round.deadline = self.round.deadline + timedelta(days=7)
        self.assertEqual(self.letter.deadline, self.round.deadline)

    def test_the_units_officer_acknowledges_receipt(self):
        self.assertTrue(self.letter.with_user(self.users["pelaksana"]).can_acknowledge)
        self.letter.with_user(self.users["pelaksana"]).action_acknowledge()
        self.assertEqual(self.letter.state, "acknowledged")
        self.assertEqual(self.letter.acknowledged_by_id, self.users["pelaksana"])
        self.assertTrue(self.letter.acknowledged_datetime)
        self.assertFalse(self.letter.acknowledged_late)
        self.assertEqual(self.round.acknowledged_count, 1)
        with self.assertRefused(UserError, "already received"):
            self.letter.with_user(self.users["pelaksana"]).action_acknowledge()

    def test_nobody_else_acknowledges(self):
        for role in ROLES:
            if role == "pelaksana":
                continue
            with self.subTest(role=role):
                as_user = self.letter.with_user(self.users[role])
                self.assertFalse(as_user.can_acknowledge)
                with self.assertRefused(AccessError, "Only an officer of"):
                    as_user.action_acknowledge()
        # the officer of another unit does not even see this letter
        officer = self.users["pelaksana"]
        with self.assertRaises(AccessError):
            self.other_letter.with_user(officer).action_acknowledge()
        self.assertEqual(
            self.env["ppid.collection.round.letter"].with_user(officer).search([]),
            self.letter,
        )
        self.assertEqual(self.letter.state, "sent")

    def test_letters_are_kept_as_sent(self):
        Letter = self.env["ppid.collection.round.letter"]
        values = {
            "name": "PALSU/1",
            "round_id": self.round.id,
            "unit_id": self.unit.id,
            "date": self.today,
        }
        with self.assertRefused(UserError, "sent by opening the round"):
            Letter.with_user(self.users["service"]).create(values)
        with self.assertRefused(UserError, "sent by opening the round"):
            Letter.sudo().create(values)
        with self.assertRefused(UserError, "sent by opening the round"):
            Letter.with_context(ppid_round_notifies=True).with_user(
                self.users["manager"]
            ).sudo(False).create(values)
        for values in (
            {"name": "PALSU/2"},
            {"date": self.today - timedelta(days=3)},
            {"acknowledged_by_id": self.users["pelaksana"].id},
        ):
            with self.assertRefused(UserError, "as they were recorded"):
                self.letter.sudo().write(values)
        with self.assertRefused(UserError, "never deleted"):
            self.letter.sudo().unlink()

    def test_a_round_is_not_opened_after_its_deadline(self):
        late = (
            self.env["ppid.collection.round"]
            .with_user(self.users["service"])
            .create({"name": "Terlambat", "deadline": self.today - timedelta(days=1)})
        )
        with self.assertRefused(UserError, "has passed"):
            late.action_open()
        self.assertFalse(late.letter_ids)
        self.assertEqual(late.state, "draft")
