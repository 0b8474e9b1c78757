# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import Form

from .common import PpidCase


class TestUnitDisplay(PpidCase):
    """Units read as their own short name; a unit officer's new item starts in
    the officer's unit, and only the officer's units are offered."""

    def test_unit_reads_as_its_own_name(self):
        self.assertEqual(self.unit.display_name, "Dinas Kesehatan")
        self.assertEqual(self.unit_utama.display_name, "PPID Utama")
        self.assertEqual(self.unit.complete_name, "PPID Utama / Dinas Kesehatan")

    def test_parent_only_where_two_units_share_a_name(self):
        Unit = self.env["ppid.unit"]
        umum_dinkes = Unit.create({"name": "Bagian Umum", "parent_id": self.unit.id})
        umum_disdik = Unit.create(
            {"name": "Bagian Umum", "parent_id": self.other_unit.id}
        )
        (umum_dinkes | umum_disdik).invalidate_recordset(["display_name"])
        self.assertEqual(umum_dinkes.display_name, "Bagian Umum (DINKES)")
        self.assertEqual(umum_disdik.display_name, "Bagian Umum (DISDIK)")

    def test_unit_found_by_code_or_name(self):
        Unit = self.env["ppid.unit"]
        self.assertIn(self.unit.id, [r[0] for r in Unit.name_search("DINKES")])
        self.assertIn(self.unit.id, [r[0] for r in Unit.name_search("Kesehatan")])

    def test_officer_unit_is_defaulted_and_only_own_units_offered(self):
        pelaksana = self.users["pelaksana"]
        Item = self.env["ppid.exempted.information"]
        form = Form(Item.with_user(pelaksana))
        self.assertEqual(form.unit_id, self.unit)
        offered = Item.with_user(pelaksana).new({}).allowed_unit_ids._origin
        self.assertEqual(offered, self.unit)
        for role in ("service", "head", "manager"):
            offered = Item.with_user(self.users[role]).new({}).allowed_unit_ids._origin
            self.assertEqual(offered, self.unit_utama | self.unit | self.other_unit)
