# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import PpidCase

SOFTCOPY = {
    "softcopy_file": base64.b64encode(b"%PDF-1.4 salinan"),
    "softcopy_filename": "salinan.pdf",
}


@tagged("post_install", "-at_install")
class TestHardcopyCustody(PpidCase):
    def _document(self, item):
        item.with_user(self.users["documentation"]).action_document()

    # Rule 23: a softcopy and a hardcopy location, or a waiver reason.
    def test_rule_23_documented_needs_softcopy_and_hardcopy(self):
        hardcopy = self._hardcopy_values()
        without_location = {**hardcopy, "hardcopy_location_id": False}
        cases = [
            ({**SOFTCOPY, **without_location}, "hardcopy location"),
            (hardcopy, "softcopy"),
        ]
        for values, missing in cases:
            item = self._create_item("exempted", **values)
            with (
                self.subTest(missing=missing),
                self.assertRefused(ValidationError, missing),
            ):
                self._document(item)
            self.assertEqual(item.state, "exempted")
        item = self._create_item("exempted", **SOFTCOPY, **hardcopy)
        self._document(item)
        self.assertEqual(item.state, "documented")

    def test_rule_23_waiver_reason_replaces_them(self):
        item = self._create_item(
            "exempted",
            documentation_waiver_reason="Informasi hanya berupa keterangan lisan "
            "yang dicatat dalam berita acara.",
        )
        self._document(item)
        self.assertEqual(item.state, "documented")

    # Rule 24: a hardcopy is classified, scheduled by the JRA and located.
    def test_rule_24_hardcopy_requires_classification_retention_jra(self):
        cases = {
            "archive_classification_id": "classification code",
            "final_disposition": "final disposition",
            "jra_reference": "JRA decision",
        }
        for field_name, missing in cases.items():
            values = {**SOFTCOPY, **self._hardcopy_values(), field_name: False}
            item = self._create_item("exempted", **values)
            with (
                self.subTest(field=field_name),
                self.assertRefused(ValidationError, missing),
            ):
                self._document(item)
        values = {
            **SOFTCOPY,
            **self._hardcopy_values(),
            "retention_active_years": 0,
            "retention_inactive_years": 0,
        }
        with self.assertRefused(ValidationError, "retention period"):
            self._document(self._create_item("exempted", **values))

    def test_rule_24_applies_to_a_kept_hardcopy_even_with_a_waiver(self):
        item = self._create_item(
            "exempted",
            documentation_waiver_reason="Softcopy belum tersedia.",
            hardcopy_location_id=self.box.id,
        )
        with self.assertRefused(ValidationError, "classification code"):
            self._document(item)

    def test_rule_24_classification_code_is_numeric_and_from_the_list(self):
        Classification = self.env["ppid.archive.classification"]
        loaded = Classification.search([("code", "in", ["000", "100", "900"])])
        self.assertEqual(len(loaded), 3, "The main classes are loaded with the module")
        self.assertEqual(loaded.filtered(lambda c: c.code == "900").name, "Keuangan")
        for code in ("ABC", "30", "300.A", "300.", "X300"):
            with self.subTest(code=code), self.assertRaises(ValidationError):
                Classification.create({"code": code, "name": "Salah"})
        detailed = Classification.create({"code": "300.1.2", "name": "Rinci"})
        self.assertEqual(detailed.display_name, "300.1.2 Rinci")
        self.assertEqual(
            self.env["ppid.exempted.information"]
            ._fields["archive_classification_id"]
            .comodel_name,
            "ppid.archive.classification",
        )
        with self.assertRaises(AccessError):
            Classification.with_user(self.users["documentation"]).create(
                {"code": "300.9", "name": "Baru"}
            )

    def test_rule_24_retention_is_kept_apart_from_the_exemption_period(self):
        """A retention longer than the exemption is lawful, and changing one
        never changes the other."""
        item = self._create_item(
            "exempted",
            **SOFTCOPY,
            **self._hardcopy_values(),
            period_end_date=self.today + relativedelta(years=2),
        )
        self._document(item)
        self.assertEqual(
            (item.retention_active_years, item.retention_inactive_years), (2, 8)
        )
        item.with_user(self.users["documentation"]).retention_inactive_years = 20
        self.assertEqual(item.period_end_date, self.today + relativedelta(years=2))
        with self.assertRaises(ValidationError):
            item.with_user(self.users["documentation"]).retention_active_years = -1

    def test_rule_24_documented_hardcopy_cannot_lose_its_custody_data(self):
        item = self._create_item("exempted", **SOFTCOPY, **self._hardcopy_values())
        self._document(item)
        officer_item = item.with_user(self.users["documentation"])
        for field_name in ("archive_classification_id", "jra_reference"):
            with (
                self.subTest(field=field_name),
                self.assertRefused(ValidationError, "cannot lose"),
            ):
                officer_item.write({field_name: False})

    def test_location_hierarchy(self):
        Location = self.env["ppid.archive.location"]
        cabinet = Location.create(
            {
                "name": "Lemari",
                "code": "2",
                "location_type": "cabinet",
                "parent_id": self.room.id,
            }
        )
        self.box.parent_id = cabinet
        folder = Location.create(
            {
                "name": "Map",
                "code": "5",
                "location_type": "folder",
                "parent_id": self.box.id,
            }
        )
        self.assertEqual(
            folder.complete_name, "Ruang Arsip / 2 Lemari / 14 Boks / 5 Map"
        )
        self.assertEqual(
            Location.search([("id", "child_of", self.room.id)]),
            self.room | cabinet | self.box | folder,
        )
        with self.assertRefused(ValidationError, "cannot be kept inside"):
            Location.create(
                {"name": "Ruang", "location_type": "room", "parent_id": folder.id}
            )
        with self.assertRaises(UserError):
            self.room.parent_id = folder  # a cycle

    def test_custody_history_and_holder(self):
        item = self._create_item("exempted", **SOFTCOPY, **self._hardcopy_values())
        self.assertEqual(len(item.custody_transfer_ids), 1)
        service = self.users["service"]
        action = item.with_user(service).action_transfer_custody_wizard()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(service)
            .with_context(**action["context"])
        )
        wizard.holder_user_id = self.users["documentation"]
        wizard.note = "Diserahkan kepada Pengelola Informasi, tanda terima 14/2026."
        wizard.save().action_confirm()
        self.assertEqual(item.hardcopy_holder_user_id, self.users["documentation"])
        self.assertEqual(item.hardcopy_location_id, self.box)
        transfer = item.custody_transfer_ids.sorted("id")[-1]
        self.assertEqual(transfer.holder_user_id, self.users["documentation"])
        self.assertEqual(transfer.recorded_by_id, service)
        self.assertIn("tanda terima", transfer.note)
        # Lent outside: a court asks for the paper.
        court = self.env["res.partner"].create({"name": "Pengadilan Negeri"})
        item.with_user(self.users["documentation"]).write(
            {"hardcopy_holder_partner_id": court.id, "hardcopy_holder_user_id": False}
        )
        last = item.custody_transfer_ids.sorted("id")[-1]
        self.assertEqual(last.from_holder_user_id, self.users["documentation"])
        self.assertEqual(last.holder_partner_id, court)
        self.assertEqual(len(item.custody_transfer_ids), 3)

    def test_custody_is_recorded_by_its_keepers_only(self):
        item = self._create_item("exempted")
        for role in ("pelaksana", "committee", "head", "auditor", "manager"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                item.with_user(self.users[role]).write(
                    {"hardcopy_location_id": self.box.id}
                )
        with self.assertRaises(AccessError):
            # The service officer records hand-overs, not the classification.
            item.with_user(self.users["service"]).write(
                {"archive_classification_id": self.classification.id}
            )
        item.with_user(self.users["service"]).write(
            {"hardcopy_location_id": self.room.id}
        )
        item.with_user(self.users["documentation"]).write(self._hardcopy_values())
        self.assertEqual(item.hardcopy_location_id, self.box)

    def test_custody_history_is_append_only(self):
        item = self._create_item("exempted", **self._hardcopy_values())
        transfer = item.custody_transfer_ids
        admin = self.env.ref("base.user_admin")
        for user in (admin, self.users["documentation"]):
            with self.assertRaises(UserError):
                transfer.with_user(user).write({"note": "diubah"})
            with self.assertRaises(UserError):
                transfer.with_user(user).unlink()
            with self.assertRaises(UserError):
                self.env["ppid.custody.transfer"].with_user(user).create(
                    {"information_id": item.id}
                )
        with self.assertRaises(UserError):
            transfer.write({"note": "diubah"})  # not even as superuser
