# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date, datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PpidCase


@tagged("post_install", "-at_install")
class TestWorkingCalendar(PpidCase):
    """Rule 21: working days are Monday to Friday minus national holidays and,
    by default, cuti bersama, read from the body's own calendar."""

    def test_rule_21_idul_fitri_2026_with_and_without_cuti_bersama(self):
        company = self.company
        self.assertEqual(
            company.ppid_add_working_days(date(2026, 3, 17), 1), date(2026, 3, 25)
        )
        company.ppid_cuti_bersama_non_working = False
        self.assertEqual(
            company.ppid_add_working_days(date(2026, 3, 17), 1), date(2026, 3, 18)
        )

    def test_rule_21_across_the_year_end(self):
        company = self.company
        self.assertEqual(
            company.ppid_add_working_days(date(2026, 12, 23), 1), date(2026, 12, 28)
        )
        self.assertEqual(
            company.ppid_add_working_days(date(2026, 12, 23), 5), date(2027, 1, 4)
        )
        self.assertEqual(
            company.ppid_add_working_days(date(2027, 1, 4), -1), date(2026, 12, 31)
        )

    def test_rule_21_thirty_working_days_before_an_end_date(self):
        company = self.company
        self.assertEqual(
            company.ppid_add_working_days(date(2026, 4, 30), -30), date(2026, 3, 11)
        )
        company.ppid_cuti_bersama_non_working = False
        self.assertEqual(
            company.ppid_add_working_days(date(2026, 4, 30), -30), date(2026, 3, 17)
        )

    def test_rule_21_administrator_edits_the_holidays(self):
        company = self.company
        day = date(2026, 8, 17)
        self.assertEqual(
            company.ppid_add_working_days(date(2026, 8, 14), 1), date(2026, 8, 18)
        )
        leave = self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "=", self.calendar.id),
                ("date_from", ">=", datetime(2026, 8, 16)),
                ("date_to", "<=", datetime(2026, 8, 18)),
            ]
        )
        self.assertEqual(len(leave), 1)
        leave.with_user(self.users["manager"]).unlink()
        self.assertEqual(company.ppid_add_working_days(date(2026, 8, 14), 1), day)

    def test_only_the_administrator_loads_holidays(self):
        with self.assertRefused(AccessError, "administrator"):
            self.company.with_user(self.users["head"]).ppid_load_holidays([2028])
        wizard = (
            self.env["ppid.holiday.load.wizard"]
            .with_user(self.users["manager"])
            .create({"year": 2028})
        )
        action = wizard.action_load()
        leaves = self.env["resource.calendar.leaves"].search(action["domain"])
        days = {self.company._ppid_to_local(leave.date_from).date() for leave in leaves}
        self.assertIn(date(2028, 8, 17), days)

    def test_rule_21_loading_a_year_twice_adds_nothing(self):
        again = self.company.ppid_load_holidays([2026])
        self.assertFalse(again)

    def test_rule_21_working_hours_in_the_office_time_zone(self):
        # Friday 20 Nov 2026, 15:30 WIB = 08:30 UTC; offices close at 16:00.
        deadline = self.company.ppid_add_working_hours(datetime(2026, 11, 20, 8, 30), 1)
        self.assertEqual(deadline, datetime(2026, 11, 23, 1, 0))  # Mon 08:00 WIB
        self.calendar.tz = "Asia/Jayapura"  # WIT, UTC+9
        deadline = self.company.ppid_add_working_hours(datetime(2026, 11, 20, 6, 30), 1)
        self.assertEqual(deadline, datetime(2026, 11, 22, 23, 0))  # Mon 08:00 WIT
