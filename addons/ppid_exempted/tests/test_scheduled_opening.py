# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ROLES, PpidCase


@tagged("post_install", "-at_install")
class TestScheduledOpening(PpidCase):
    """An opening decided in the last 30 working days of the period takes
    effect on the chosen date; the item stays exempted until then and the
    scheduler opens it that day (PP 61/2010 Ps 11(2); Bontang SOP step 3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Item = cls.env["ppid.exempted.information"]
        cls.decided = cls.company._ppid_today()
        # Within the last 30 working days of the period.
        cls.end = cls.decided + timedelta(days=20)
        cls.effective = cls.decided + timedelta(days=10)

    def _proposed(self, **overrides):
        """A classified item whose re-test concluded it open: the head decides."""
        values = {
            "period_end_date": self.end,
            "review_date": self.decided,
            "opening_proposed": True,
            "approved_by_id": self.users["head"].id,
            "approved_datetime": "2026-01-05 09:00:00",
            **overrides,
        }
        return self._create_item("approval", **values)

    def test_a_date_that_is_not_a_date_is_refused_clearly(self):
        item = self._proposed()
        for value in ("garbage", 12345):
            with (
                self.subTest(value=value),
                self.assertRefused(ValidationError, "is not a date"),
            ):
                item.with_user(self.users["head"]).action_schedule_opening(
                    value, "Penyidikan telah selesai."
                )
        self.assertEqual(item.state, "approval")

    def test_the_head_decides_and_the_scheduler_opens_on_the_date(self):
        item = self._proposed()
        item.with_user(self.users["head"]).action_schedule_opening(
            self.effective, "Penyidikan telah selesai."
        )
        self.assertEqual(item.state, "expiring", "exempted until the date")
        self.assertEqual(item.scheduled_open_date, self.effective)
        self.assertEqual(item.scheduled_open_by_id, self.users["head"])
        self.assertTrue(item.scheduled_open_datetime)
        self.assertEqual(item.scheduled_open_note, "Penyidikan telah selesai.")
        self.assertFalse(item.opening_proposed)
        # Decided: no decision is asked of the PPID any more.
        expiry = self.env.ref("ppid_exempted.mail_activity_type_ppid_expiry")
        self.assertFalse(
            item.activity_ids.filtered(lambda a: a.activity_type_id == expiry)
        )

        self.Item._cron_expiry(today=self.effective - timedelta(days=1))
        self.assertEqual(item.state, "expiring", "not before the date")
        self.Item._cron_expiry(today=self.effective)
        self.assertEqual(item.state, "opened")
        self.assertEqual(item.open_reason, "reclassification")
        self.assertIn(self.users["head"].name, item.open_note)
        self.assertIn("Penyidikan telah selesai.", item.open_note)
        entry = self.env["ppid.public.information"].search(
            [("information_id", "=", item.id)]
        )
        self.assertTrue(entry, "a DIP entry is created")

    def test_at_the_end_of_the_period_by_default(self):
        item = self._proposed()
        item.with_user(self.users["head"]).action_schedule_opening(
            note="Tidak lagi membahayakan."
        )
        self.assertEqual(item.scheduled_open_date, self.end)
        self.Item._cron_expiry(today=self.end)
        self.assertEqual(item.state, "opened")
        self.assertEqual(item.open_reason, "reclassification", "the decision, kept")

    def test_only_the_head_decides(self):
        for role in ROLES:
            if role == "head":
                continue
            with self.subTest(role=role):
                item = self._proposed()
                with self.assertRaises(AccessError):
                    item.with_user(self.users[role]).action_schedule_opening(
                        self.effective, "Alasan."
                    )
                self.assertEqual(item.state, "approval")

    def test_writes_cannot_forge_the_decision(self):
        """RPC writes: the move without a date, the decision's fields by hand."""
        item = self._proposed()
        head = item.with_user(self.users["head"])
        with self.assertRefused(UserError, "Choose the date"):
            head.write({"state": "expiring"})
        with self.assertRaises(AccessError):
            head.write(
                {
                    "state": "expiring",
                    "scheduled_open_date": self.effective,
                    "scheduled_open_note": "Alasan.",
                }
            )
        exempted = self._create_item(
            "expiring", period_end_date=self.end, review_date=self.decided
        )
        for role in ("committee", "head", "manager"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                exempted.with_user(self.users[role]).write(
                    {"scheduled_open_date": self.effective}
                )
        self.assertEqual(item.state, "approval")
        self.assertFalse(exempted.scheduled_open_date)

    def test_the_decision_rests_on_a_consequence_test(self):
        """Bontang SOP step 3: the opening comes with the consequence-test
        sheet; without a test that concluded it open, the head neither
        schedules nor opens an expiring item on a mere decision."""
        item = self._create_item(
            "expiring", period_end_date=self.end, review_date=self.decided
        )
        head = item.with_user(self.users["head"])
        with self.assertRefused(UserError, "consequence test"):
            head.action_schedule_opening(self.effective, "Alasan.")
        for reason in ("reclassification", "test_open"):
            with self.subTest(reason=reason):
                with self.assertRefused(ValidationError, "consequence test"):
                    head.action_open(reason, "Diputuskan pimpinan.")
        with self.assertRefused(ValidationError, "has not ended"):
            head.action_open("period_ended", "Diputuskan pimpinan.")
        self.assertEqual(item.state, "expiring")

    def test_dates_and_reason_of_the_decision(self):
        head = self.users["head"]
        cases = [
            # Decided before the last 30 working days: open it now instead.
            ({"period_end_date": self.decided + timedelta(days=200)}, None, "30"),
            ({}, self.decided - timedelta(days=1), "before it is decided"),
            ({}, self.end + timedelta(days=1), "Pasal 11"),
        ]
        for overrides, day, pattern in cases:
            with self.subTest(pattern=pattern):
                item = self._proposed(**overrides)
                with self.assertRefused(UserError, pattern):
                    item.with_user(head).action_schedule_opening(day, "Alasan.")
                self.assertEqual(item.state, "approval")
        item = self._proposed()
        with self.assertRefused(UserError, "reason"):
            item.with_user(head).action_schedule_opening(self.effective, "  ")

    def test_a_new_test_suspends_the_decision(self):
        item = self._proposed()
        item.with_user(self.users["head"]).action_schedule_opening(
            self.effective, "Alasan."
        )
        item.with_user(self.users["committee"]).write({"state": "testing"})
        self.Item._cron_expiry(today=self.effective)
        self.assertEqual(item.state, "testing", "the test decides again")

    def test_the_wizard_asks_the_date_and_the_reason(self):
        item = self._proposed()
        action = item.with_user(self.users["head"]).action_schedule_opening_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.users["head"])
            .with_context(**action["context"])
            .create({"note": "Penyidikan telah selesai."})
        )
        self.assertEqual(wizard.open_date, self.end)
        wizard.action_confirm()
        self.assertEqual(item.state, "expiring")
        self.assertEqual(item.scheduled_open_date, self.end)
