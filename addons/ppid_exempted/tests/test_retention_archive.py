# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The archive kept in the order of its retention (SOP Bontang step 2:
"mengarsipnya berdasarkan urutan jangka waktu penyimpanan")."""

from datetime import date

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import PpidCase


@tagged("post_install", "-at_install")
class TestArchiveByRetention(PpidCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        hardcopy = cls._hardcopy_values()

        def documented(title, documented_at, active, inactive):
            return cls._create_item(
                "documented",
                title=title,
                documented_datetime=documented_at,
                **dict(
                    hardcopy,
                    retention_active_years=active,
                    retention_inactive_years=inactive,
                ),
            )

        # 20:00 UTC is 03:00 the next day in Jakarta: the body's date counts
        cls.late_evening = documented("Kontrak", "2026-01-09 20:00:00", 2, 8)
        cls.short = documented("Notulen rapat", "2026-03-02 02:00:00", 1, 2)
        cls.long = documented("Berkas perkara", "2026-02-02 02:00:00", 5, 20)
        cls.draft = cls._create_item(title="Belum didokumentasikan")

    def test_retention_ends_from_the_documentation_date_in_the_body_time(self):
        expected = {
            self.late_evening: date(2036, 1, 10),
            self.short: date(2029, 3, 2),
            self.long: date(2051, 2, 2),
            self.draft: False,
        }
        for item, end in expected.items():
            self.assertEqual(item.retention_end_date, end, item.title)

    def test_the_documentation_officer_reads_the_archive_in_retention_order(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ppid_exempted.ppid_exempted_information_action_retention"
        )
        Items = self.env["ppid.exempted.information"].with_user(
            self.users["documentation"]
        )
        found = Items.search(
            safe_eval(action["domain"]), order="retention_end_date, name"
        )
        self.assertEqual(
            found.mapped("title"), ["Notulen rapat", "Kontrak", "Berkas perkara"]
        )

    def test_a_longer_schedule_moves_the_item_in_the_order(self):
        self.short.with_user(self.users["documentation"]).write(
            {"retention_active_years": 30, "retention_inactive_years": 0}
        )
        self.assertEqual(self.short.retention_end_date, date(2056, 3, 2))
