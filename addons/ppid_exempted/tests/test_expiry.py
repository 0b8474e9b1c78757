# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PpidCase


@tagged("post_install", "-at_install")
class TestExpiry(PpidCase):
    """The expiry engine (PP 61/2010 Pasal 11) and early openings."""

    def _documented(self, **overrides):
        values = {
            "period_end_date": date(2026, 4, 30),
            "review_date": date(2026, 4, 1),
            "documentation_waiver_reason": "Hanya fisik.",
        }
        values.update(overrides)
        return self._create_item("documented", **values)

    def _expiry_activities(self, item):
        expiry = self.env.ref("ppid_exempted.mail_activity_type_ppid_expiry")
        return item.activity_ids.filtered(lambda a: a.activity_type_id == expiry)

    def test_rule_15_warned_thirty_working_days_before_the_end(self):
        item = self._documented()
        self.assertEqual(item.expiry_notice_date, date(2026, 3, 11))
        Item = self.env["ppid.exempted.information"]
        Item._cron_expiry(today=date(2026, 3, 10))
        self.assertEqual(item.state, "documented")
        Item._cron_expiry(today=date(2026, 3, 11))
        self.assertEqual(item.state, "expiring")
        owners = self._expiry_activities(item).user_id
        self.assertEqual(owners, self.users["committee"] | self.users["head"])  # PPID
        self.assertIn("30", item.message_ids[0].body)

    def test_rule_15_without_cuti_bersama_the_warning_comes_later(self):
        self.company.ppid_cuti_bersama_non_working = False
        item = self._documented()
        Item = self.env["ppid.exempted.information"]
        Item._cron_expiry(today=date(2026, 3, 16))
        self.assertEqual(item.state, "documented")
        Item._cron_expiry(today=date(2026, 3, 17))
        self.assertEqual(item.state, "expiring")

    def test_rule_16_opened_automatically_at_the_end(self):
        item = self._documented()
        attachment = self.env["ir.attachment"].create(
            {
                "name": "lampiran.pdf",
                "datas": base64.b64encode(b"isi rahasia"),
                "res_model": item._name,
                "res_id": item.id,
            }
        )
        Item = self.env["ppid.exempted.information"]
        Item._cron_expiry(today=date(2026, 3, 11))
        Item._cron_expiry(today=date(2026, 4, 30))
        self.assertEqual(item.state, "opened")
        self.assertEqual(item.open_reason, "period_ended")
        entry = self.env["ppid.public.information"].search(
            [("information_id", "=", item.id)]
        )
        self.assertTrue(entry.announcement)
        self.assertIn("Pasal 11", item.open_note)
        self.assertFalse(attachment.public, "Opening never publishes attachments")
        self.assertFalse(self._expiry_activities(item))

    def test_rule_16_items_in_other_states_are_left_alone(self):
        testing = self._create_item("testing", period_end_date=date(2026, 4, 30))
        condition = self._documented(
            period_type="condition",
            period_end_date=False,
            period_end_condition="Sampai putusan berkekuatan hukum tetap",
        )
        self.env["ppid.exempted.information"]._cron_expiry(today=date(2026, 5, 4))
        self.assertEqual(testing.state, "testing")
        self.assertEqual(condition.state, "documented")

    def test_rule_26_reviews_due_raise_one_activity(self):
        item = self._documented(
            review_date=date(2026, 2, 2), period_end_date=date(2030, 1, 1)
        )
        review = self.env.ref("ppid_exempted.mail_activity_type_ppid_review")
        Item = self.env["ppid.exempted.information"]
        Item._cron_expiry(today=date(2026, 2, 1))
        self.assertFalse(
            item.activity_ids.filtered(lambda a: a.activity_type_id == review)
        )
        Item._cron_expiry(today=date(2026, 2, 2))
        Item._cron_expiry(today=date(2026, 2, 3))
        reviews = item.activity_ids.filtered(lambda a: a.activity_type_id == review)
        self.assertEqual(len(reviews), 1)
        self.assertEqual(reviews.user_id, self.users["service"])
        reviews.action_feedback(feedback="Masih relevan; ditinjau lagi tahun depan.")
        Item._cron_expiry(today=date(2026, 2, 4))
        self.assertFalse(
            item.activity_ids.filtered(lambda a: a.activity_type_id == review)
        )
        item.review_date = date(2027, 2, 1)  # the reviewer sets the next review
        Item._cron_expiry(today=date(2027, 2, 1))
        self.assertEqual(
            len(item.activity_ids.filtered(lambda a: a.activity_type_id == review)), 1
        )

    def test_rule_09_public_court_session_opens_huruf_a_only(self):
        personal = self._documented(
            legal_basis_id=self.basis_h.id, legal_subpoint_id=self.basis_h2.id
        )
        head = self.users["head"]
        with self.assertRefused(ValidationError, "huruf a"):
            personal.with_user(head).action_open(
                "public_session", False, "Sidang 12/2026"
            )
        law = self._documented()
        law.with_user(head).action_open(
            "public_session", False, "Sidang terbuka PN 12/2026"
        )
        self.assertEqual(law.state, "opened")

    def test_rule_14_consent_opens_huruf_g_h_with_evidence(self):
        head = self.users["head"]
        law = self._documented(consent_given=True, consent_evidence="Surat persetujuan")
        with self.assertRefused(ValidationError, "huruf g or h"):
            law.with_user(head).action_open("consent")
        personal = self._documented(
            legal_basis_id=self.basis_h.id, legal_subpoint_id=self.basis_h2.id
        )
        with self.assertRefused(ValidationError, "evidence"):
            personal.with_user(head).action_open("consent")
        personal.consent_evidence = "Surat persetujuan tertulis tanggal 3 Maret 2026"
        personal.with_user(head).action_open("consent")
        self.assertEqual(personal.state, "opened")

    def test_rule_18_decision_forces_opening_and_a_public_entry(self):
        item = self._documented()
        head = self.users["head"]
        with self.assertRefused(ValidationError, "reference"):
            item.with_user(head).action_open("komisi_informasi")
        item.with_user(head).action_open(
            "komisi_informasi", "Sengketa informasi", "Putusan KI Kab. 007/2026"
        )
        self.assertEqual(item.state, "opened")
        self.assertTrue(
            self.env["ppid.public.information"].search(
                [("information_id", "=", item.id)]
            )
        )

    def test_dashboard_finds_exemptions_ending_within_30_and_90_working_days(self):
        company = self.company
        today = company._ppid_today()
        soon = self._documented(
            period_end_date=company.ppid_add_working_days(today, 20)
        )
        later = self._documented(
            period_end_date=company.ppid_add_working_days(today, 60)
        )
        far = self._documented(
            period_end_date=company.ppid_add_working_days(today, 200)
        )
        items = soon | later | far
        Item = self.env["ppid.exempted.information"].with_user(self.users["auditor"])
        within_30 = Item.search(
            [("ends_within_30_working_days", "=", True), ("id", "in", items.ids)]
        )
        within_90 = Item.search(
            [("ends_within_90_working_days", "=", True), ("id", "in", items.ids)]
        )
        self.assertEqual(within_30, soon)
        self.assertEqual(within_90, soon | later)
        self.assertEqual(
            items.filtered("ends_within_90_working_days"), soon | later, "as displayed"
        )
