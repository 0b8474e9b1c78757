# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PpidCase


@tagged("post_install", "-at_install")
class TestPeriodicWork(PpidCase):
    """The periodic work of a body (Kaltim SOP: the DIK re-issued, the
    consequence tests done again): each raises its activity to the right
    role on the due date, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Issue = cls.env["ppid.register.issue"]
        cls.reissue = cls.env.ref(
            "ppid_exempted.mail_activity_type_ppid_register_reissue"
        )
        cls.retest = cls.env.ref("ppid_exempted.mail_activity_type_ppid_retest")

    def _issued(self, day):
        issue = self.Issue.with_user(self.users["documentation"]).create({"date": day})
        issue.action_submit()
        issue.with_user(self.users["head"])._approve("188.4/01/2025", day)
        return issue

    def _reissue_activities(self):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", "ppid.register.issue"),
                    ("activity_type_id", "=", self.reissue.id),
                ]
            )
        )

    def test_the_register_is_reissued_a_year_after_the_last_issue(self):
        self.company.ppid_register_reissue_months = 12
        self._issued(date(2025, 11, 3))
        self.Issue._cron_periodic_reissue(today=date(2025, 11, 2))
        self.Issue._cron_periodic_reissue(today=date(2026, 11, 2))
        self.assertFalse(self._reissue_activities(), "not before the due date")

        self.Issue._cron_periodic_reissue(today=date(2026, 11, 3))
        activity = self._reissue_activities()
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.users["documentation"])
        self.assertEqual(activity.date_deadline, date(2026, 11, 3))
        draft = self.Issue.browse(activity.res_id)
        self.assertEqual(draft.state, "draft")
        self.assertEqual(draft.reissue_due_date, date(2026, 11, 3))
        self.assertEqual(draft.company_id, self.company)

        # Run again that day and the next days (a retry, a late scheduler):
        # once only.
        for day in (date(2026, 11, 3), date(2026, 11, 4), date(2026, 12, 1)):
            self.Issue._cron_periodic_reissue(today=day)
        self.assertEqual(self._reissue_activities(), activity)
        self.assertEqual(
            self.Issue.search_count([("reissue_due_date", "!=", False)]), 1
        )

        # Issuing the draft completes the activity.
        draft.with_user(self.users["documentation"]).action_submit()
        draft.with_user(self.users["head"])._approve("188.4/02/2026", date(2026, 11, 3))
        self.assertFalse(activity.active)

    def test_the_first_register_falls_due_on_its_setting(self):
        self.company.write(
            {
                "ppid_register_reissue_months": 12,
                "ppid_register_reissue_start": date(2026, 6, 1),
            }
        )
        self.Issue._cron_periodic_reissue(today=date(2026, 5, 29))
        self.assertFalse(self._reissue_activities())
        self.Issue._cron_periodic_reissue(today=date(2026, 6, 1))
        self.assertEqual(len(self._reissue_activities()), 1)
        self.company.ppid_register_reissue_months = 0
        self.Issue._cron_periodic_reissue(today=date(2026, 6, 2))
        self.assertEqual(len(self._reissue_activities()), 1)

    def test_only_the_scheduler_opens_a_periodic_draft(self):
        for role in ("documentation", "head", "manager"):
            with self.subTest(role=role), self.assertRaises(UserError):
                self.Issue.with_user(self.users[role]).create(
                    {"date": date(2026, 11, 3), "reissue_due_date": date(2026, 11, 3)}
                )

    def test_the_schedule_is_set_by_the_administrator_only(self):
        for role in ("documentation", "head", "manager"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.company.with_user(self.users[role]).write(
                    {"ppid_retest_interval_years": 1}
                )
        with self.assertRaises(ValidationError):
            self.company.ppid_retest_interval_years = -1
        with self.assertRaises(ValidationError):
            self.company.ppid_register_reissue_months = 1000

    def _retests(self, item):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", item._name),
                    ("res_id", "=", item.id),
                    ("activity_type_id", "=", self.retest.id),
                ]
            )
        )

    def test_long_exemptions_are_tested_again_on_each_anniversary(self):
        self.company.ppid_retest_interval_years = 2
        item = self._create_item(
            "documented",
            approved_datetime="2024-01-05 03:00:00",
            period_end_date=date(2031, 12, 31),
            review_date=date(2031, 6, 1),
            documentation_waiver_reason="Hanya fisik.",
        )
        short = self._create_item(
            "exempted",
            approved_datetime="2024-01-05 03:00:00",
            period_end_date=date(2025, 12, 31),
            review_date=date(2025, 6, 1),
        )
        Item = self.env["ppid.exempted.information"]
        Item._cron_expiry(today=date(2026, 1, 4))
        self.assertFalse(self._retests(item), "not before the anniversary")

        Item._cron_expiry(today=date(2026, 1, 5))
        activity = self._retests(item)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, date(2026, 1, 5))
        # The PPID who chairs the consequence test.
        self.assertEqual(activity.user_id, self.users["committee"])
        self.assertFalse(self._retests(short), "a period already ended")

        Item._cron_expiry(today=date(2026, 1, 5))
        Item._cron_expiry(today=date(2026, 3, 2))
        self.assertEqual(self._retests(item), activity, "once per due date")
        activity.action_feedback("Dijadwalkan uji ulang.")
        Item._cron_expiry(today=date(2026, 3, 3))
        self.assertEqual(len(self._retests(item)), 1, "done is not raised again")

        Item._cron_expiry(today=date(2028, 1, 5))
        self.assertEqual(len(self._retests(item)), 2, "the next anniversary")

    def test_no_retest_when_the_body_set_none(self):
        item = self._create_item("exempted", approved_datetime="2020-01-06 03:00:00")
        self.env["ppid.exempted.information"]._cron_expiry(today=date(2026, 1, 5))
        self.assertFalse(self._retests(item))


@tagged("post_install", "-at_install")
class TestPeriodicWorkInIndonesian(PpidCase):
    """The activities of the periodic work read in Bahasa Indonesia."""

    def test_activity_types_read_in_indonesian(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(
            ["ppid_exempted"], ["id_ID"], overwrite=True
        )
        env_id = self.env(context=dict(self.env.context, lang="id_ID"))
        expected = {
            "mail_activity_type_ppid_register_reissue": (
                "Terbitkan ulang DIK",
                "Susun DIK berkala dan sampaikan kepada pimpinan",
            ),
            "mail_activity_type_ppid_retest": (
                "Uji ulang pengecualian",
                "Uji konsekuensi berkala atas pengecualian jangka panjang",
            ),
        }
        for xmlid, (name, summary) in expected.items():
            activity_type = env_id.ref(f"ppid_exempted.{xmlid}")
            self.assertEqual(
                (activity_type.name, activity_type.summary), (name, summary)
            )
