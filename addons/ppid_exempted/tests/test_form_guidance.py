# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import fields

from .common_classification import ClassificationCase


class TestFormGuidance(ClassificationCase):
    """The item's form and card say what the rule of the huruf allows, what is
    late, and ask before the two steps that cannot be undone by their actor."""

    def test_period_guidance_from_the_huruf_rule(self):
        item = self._create_item("draft")
        today = self.company._ppid_today()
        self.assertEqual(item.period_latest_end_date, today + relativedelta(years=30))
        self.assertEqual(item.review_date_suggested, today + relativedelta(years=1))
        self.assertIn("PP 61/2010 Pasal 5", item.period_guidance)
        self.assertIn("30", item.period_guidance)
        self.assertFalse(item.period_warning)

    def test_period_warnings(self):
        today = self.company._ppid_today()
        # As the form shows them while the officer types, before saving (the
        # server refuses a review after the end when the record is saved).
        Item = self.env["ppid.exempted.information"]
        past = Item.new(
            self._item_values(
                period_end_date=today - timedelta(days=3), review_date=today
            )
        )
        self.assertIn("past", past.period_warning)
        late_review = Item.new(
            self._item_values(
                period_end_date=today + relativedelta(years=2),
                review_date=today + relativedelta(years=3),
            )
        )
        self.assertIn("review date", late_review.period_warning)
        # Huruf c sets no number of years: no latest end date, the head sets it.
        basis_c = self.env.ref("ppid_exempted.legal_basis_c")
        item_c = self._create_item(
            "draft",
            legal_basis_id=basis_c.id,
            legal_subpoint_id=self.env.ref("ppid_exempted.legal_basis_c_6").id,
        )
        self.assertFalse(item_c.period_latest_end_date)
        self.assertIn("Pasal 7", item_c.period_guidance)

    def test_card_says_what_is_late(self):
        item = self._create_item("draft", user_id=self.users["pelaksana"].id)
        item.with_user(self.users["pelaksana"]).action_submit()
        self.assertFalse(item.late_reason)
        # An hour and more later: the receipt deadline (one working hour) passed.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ppid_exempted_information SET step_deadline = %s WHERE id = %s",
            (fields.Datetime.now() - timedelta(hours=2), item.id),
        )
        item.invalidate_recordset()
        self.assertRegex(item.late_reason, r"^Receipt late: the tanda terima was due ")

    def test_card_chip_counts_working_days_to_the_end(self):
        end = self.company.ppid_add_working_days(self.company._ppid_today(), 20)
        item = self._create_item("documented", period_end_date=end)
        self.assertEqual(item.working_days_left, 20)
        self.assertEqual(item.period_chip, "Ends in 20 working days")
        far = self._create_item("documented")
        self.assertFalse(far.period_chip)

    def test_card_chips_cost_the_same_queries_for_two_cards_or_eight(self):
        today = self.company._ppid_today()
        items = [
            self._create_item(
                "documented",
                period_end_date=self.company.ppid_add_working_days(today, days),
            )
            for days in (3, 5, 8, 13, 21, 34, 55, 60)
        ]
        Items = self.env["ppid.exempted.information"].with_user(self.users["head"])

        def queries_for(cards):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            chips = Items.browse([item.id for item in cards]).mapped("period_chip")
            self.assertTrue(all(chips))
            return self.env.cr.sql_log_count - before

        queries_for(items)  # warm-up: the body's settings, the translations
        self.assertEqual(queries_for(items[:2]), queries_for(items))

    def test_card_shows_the_test_conclusion(self):
        item, _decree = self._approval_item()
        self.assertEqual(
            item.with_user(self.users["head"]).card_conclusion,
            "Exempted (dikecualikan)",
        )

    def test_approve_and_hand_over_ask_first(self):
        Item = self.env["ppid.exempted.information"].with_user(self.users["head"])
        views = Item.get_views([[False, "form"], [False, "kanban"]])["views"]
        for view_type, methods in (
            ("form", ("action_submit", "action_approve")),
            ("kanban", ("action_approve",)),
        ):
            arch = etree.fromstring(views[view_type]["arch"])
            for method in methods:
                buttons = arch.xpath(f"//button[@name='{method}']")
                self.assertTrue(buttons, f"{view_type}: {method}")
                for button in buttons:
                    self.assertTrue(button.get("confirm"), f"{view_type}: {method}")
