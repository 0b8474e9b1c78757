# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date, datetime, timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from .common import PpidCase


@tagged("post_install", "-at_install")
class TestServiceLevels(PpidCase):
    """Rule 22: the Kukar SOP times, on the working calendar, as activities."""

    def _activities(self, item, xmlid):
        return item.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(f"ppid_exempted.{xmlid}")
        )

    def test_rule_22_receipt_within_one_working_hour(self):
        item = self._create_item("draft")
        item.with_user(self.users["pelaksana"]).action_submit()
        self.assertEqual(
            item.receipt_deadline,
            self.company.ppid_add_working_hours(item.submitted_datetime, 1),
        )
        activity = self._activities(item, "mail_activity_type_ppid_receipt")
        self.assertEqual(activity.user_id, self.users["service"])
        self.assertEqual(
            activity.date_deadline,
            self.company._ppid_to_local(item.receipt_deadline).date(),
        )
        item.with_user(self.users["service"]).action_receive()
        self.assertFalse(self._activities(item, "mail_activity_type_ppid_receipt"))
        self.assertTrue(activity.exists(), "a completed step is marked done")

    def test_a_returned_hand_over_cancels_the_receipt_step(self):
        item = self._create_item("draft")
        item.with_user(self.users["pelaksana"]).action_submit()
        activity = self._activities(item, "mail_activity_type_ppid_receipt")
        self.assertTrue(activity)
        item.with_user(self.users["service"]).action_return("Lembar uji kurang.")
        self.assertFalse(activity.exists(), "an abandoned step is not marked done")

    def test_rule_22_late_receipt_is_measured_in_working_hours(self):
        # Handed over Friday 20 Nov 2026 15:00 WIB, received Monday 10:00 WIB.
        item = self._create_item(
            "received",
            submitted_datetime=datetime(2026, 11, 20, 8, 0),
            received_datetime=datetime(2026, 11, 23, 3, 0),
        )
        self.assertEqual(item.receipt_deadline, datetime(2026, 11, 20, 9, 0))  # 16:00
        self.assertAlmostEqual(item.receipt_hours, 3.5)
        self.assertTrue(item.receipt_late)

    def test_rule_22_documentation_within_one_working_day(self):
        item = self._create_item("approval")
        item.with_user(self.users["head"]).action_approve()
        approved_day = self.company._ppid_to_local(item.approved_datetime).date()
        due_day = self.company.ppid_add_working_days(approved_day, 1)
        activity = self._activities(item, "mail_activity_type_ppid_documentation")
        self.assertEqual(activity.user_id, self.users["documentation"])
        self.assertEqual(activity.date_deadline, due_day)
        item.documentation_waiver_reason = "Hanya tersedia dalam bentuk fisik."
        item.with_user(self.users["documentation"]).action_document()
        self.assertFalse(
            self._activities(item, "mail_activity_type_ppid_documentation")
        )
        self.assertEqual(item.documentation_days, 0)
        self.assertFalse(item.documentation_late)

    def test_rule_22_overdue_items_are_found_by_the_filter(self):
        late = self._create_item(
            "submitted", submitted_datetime=datetime(2026, 1, 5, 2, 0)
        )
        on_time = self._create_item(
            "submitted", submitted_datetime=fields.Datetime.now()
        )
        found = self.env["ppid.exempted.information"].search(
            [("is_overdue", "=", True), ("id", "in", (late | on_time).ids)]
        )
        self.assertEqual(found, late)
        self.assertTrue(late.is_overdue)

    def test_unit_shows_its_service_levels(self):
        self._create_item(
            "received",
            submitted_datetime=datetime(2026, 11, 20, 8, 0),
            received_datetime=datetime(2026, 11, 20, 8, 30),
        )
        action = self.unit.action_view_service_levels()
        groups = self.env["ppid.exempted.information"].formatted_read_group(
            action["domain"], ["unit_id"], ["receipt_hours:avg"]
        )
        self.assertEqual(groups[0]["receipt_hours:avg"], 0.5)


@tagged("post_install", "-at_install")
class TestCollectionRound(PpidCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.deadline = cls.today + timedelta(days=60)

    def test_round_notifies_units_and_tracks_handovers(self):
        collection = (
            self.env["ppid.collection.round"]
            .with_user(self.users["service"])
            .create({"name": "Penghimpunan DIK", "deadline": self.deadline})
        )
        second_officer = new_test_user(
            self.env,
            login="ppid_pelaksana_2",
            groups="ppid_exempted.group_ppid_pelaksana",
        )
        self.unit.user_ids = self.users["pelaksana"] | second_officer
        collection.action_open()
        self.assertEqual(collection.line_ids.unit_id, self.unit | self.other_unit)
        officer = self.users["pelaksana"]
        self.assertEqual(collection.activity_ids.user_id, officer | second_officer)
        self.assertEqual(
            set(collection.activity_ids.mapped("date_deadline")), {self.deadline}
        )

        item = self._create_item("draft", collection_round_id=collection.id)
        item.with_user(officer).action_submit()
        line = collection.line_ids.filtered(lambda line: line.unit_id == self.unit)
        self.assertEqual(line.status, "handed_over")
        self.assertEqual(line.item_count, 1)
        self.assertFalse(collection.activity_ids)

        collection.deadline = date(2026, 1, 2)
        other = collection.line_ids - line
        self.assertEqual(other.status, "late")
        self.assertEqual(collection.late_count, 2)  # the hand-over came late too

    def test_round_default_deadline_follows_the_sop(self):
        collection = self.env["ppid.collection.round"].create({"name": "Ad hoc"})
        today = fields.Date.context_today(collection)
        self.assertEqual(
            collection.deadline, self.company.ppid_add_working_days(today, 2)
        )
