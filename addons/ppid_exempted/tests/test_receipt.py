# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import ROLES, PpidCase


@tagged("post_install", "-at_install")
class TestReceipt(PpidCase):
    """Kukar SOP step 3: the service officer issues a numbered receipt (tanda
    terima) for the items a unit handed over; its copy is kept in the vault."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        received = {
            "received_datetime": "2026-03-02 02:00:00",
            "received_by_id": cls.users["service"].id,
        }
        cls.first = cls._create_item("received", title="Daftar pasien", **received)
        cls.second = cls._create_item("received", title="Hasil audit", **received)
        cls.elsewhere = cls._create_item(
            "received", title="Data murid", unit_id=cls.other_unit.id, **received
        )

    def _issue(self, items, user="service", unit=None):
        return (
            self.env["ppid.receipt"]
            .with_user(self.users[user])
            .create(
                {
                    "unit_id": (unit or self.unit).id,
                    "information_ids": [(6, 0, items.ids)],
                }
            )
        )

    def test_service_officer_issues_a_numbered_receipt_kept_in_the_vault(self):
        receipt = self._issue(self.first | self.second)
        self.assertRegex(receipt.name, r"^PPID/TT/\d{4}/\d{4}$")
        self.assertEqual(receipt.issued_by_id, self.users["service"])
        self.assertTrue(receipt.issued_datetime)
        copies = receipt.sudo().attachment_ids
        self.assertEqual(
            sorted(copies.mapped("res_id")), sorted((self.first | self.second).ids)
        )
        self.assertEqual(set(copies.mapped("res_model")), {"ppid.exempted.information"})
        documents = (
            self.env["ppid.vault.document"]
            .sudo()
            .search([("attachment_id", "in", copies.ids)])
        )
        self.assertEqual(len(documents), 2)
        self.assertEqual(documents.uploaded_by_id, self.users["service"])
        self.assertTrue(all(documents.mapped("sha256")))
        # the stored copy is the printed receipt of these items
        content = copies[0].raw.decode()
        self.assertIn("Daftar pasien", content)
        self.assertIn("Hasil audit", content)
        # it is read like every vault document: the documentation officer reads
        # it, the service officer (who faces the public) does not
        self.assertTrue(copies[0].with_user(self.users["documentation"]).raw)
        with self.assertRaises(AccessError):
            copies[0].with_user(self.users["service"]).raw  # noqa: B018
        # the unit reads the receipts of its own units only
        other = self._issue(self.elsewhere, unit=self.other_unit)
        self.assertEqual(
            self.env["ppid.receipt"].with_user(self.users["pelaksana"]).search([]),
            receipt,
        )
        self.assertNotEqual(receipt.name, other.name)

    def test_only_the_service_officer_issues(self):
        for role in ROLES:
            if role == "service":
                continue
            with self.subTest(role=role), self.assertRaises(AccessError):
                self._issue(self.first, user=role)
        self.assertFalse(self.env["ppid.receipt"].search([]))

    def test_a_receipt_lists_received_items_of_its_unit_once(self):
        draft = self._create_item("draft", title="Belum diserahkan")
        with self.assertRefused(ValidationError, "has not been received"):
            self._issue(draft)
        with self.assertRefused(ValidationError, "one receipt per unit"):
            self._issue(self.first | self.elsewhere)
        receipt = self._issue(self.first)
        with self.assertRefused(ValidationError, "already on receipt"):
            self._issue(self.first | self.second)
        with self.assertRefused(UserError, "recorded by the issuing"):
            self.env["ppid.receipt"].with_user(self.users["service"]).create(
                {
                    "name": "TT/PALSU",
                    "unit_id": self.unit.id,
                    "information_ids": [(6, 0, self.second.ids)],
                }
            )
        with self.assertRefused(UserError, "kept as it was issued"):
            receipt.sudo().write({"information_ids": [(5, 0, 0)]})
        with self.assertRefused(UserError, "kept as it was issued"):
            receipt.sudo().unlink()
        with self.assertRefused(UserError, "never deleted"):
            receipt.sudo().attachment_ids.unlink()


@tagged("post_install", "-at_install")
class TestReceiptPdf(HttpCase, PpidCase):
    """The stored copy is a real PDF, rendered by wkhtmltopdf through the
    running server."""

    def test_the_vault_keeps_a_pdf(self):
        item = self._create_item(
            "received",
            title="Daftar pasien",
            received_datetime="2026-03-02 02:00:00",
            received_by_id=self.users["service"].id,
        )
        receipt = (
            self.env["ppid.receipt"]
            .with_user(self.users["service"])
            .with_context(force_report_rendering=True)
            .create({"unit_id": self.unit.id, "information_ids": [(6, 0, item.ids)]})
        )
        copy = receipt.sudo().attachment_ids
        self.assertEqual(copy.mimetype, "application/pdf")
        self.assertTrue(copy.raw.startswith(b"%PDF"))
