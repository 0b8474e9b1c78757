# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

"""Who may do what: every role against every operation on items, documents,
hardcopy custody and logs, through the ORM as the RPC layer calls it. The
same table is in the README; the HTTP paths are in test_vault_http.py."""

import base64

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.ppid_vault_document import VAULT_MODEL
from .common import ROLES, PpidCase

ALL = set(ROLES)
# operation -> roles that may perform it
MATRIX = {
    # Items
    "item_read": ALL,
    "item_read_other_unit": ALL - {"pelaksana"},
    "item_create": {"pelaksana", "manager"},
    "item_write": ALL - {"auditor"},
    "item_unlink_draft": {"pelaksana", "manager"},
    "item_unlink_submitted": set(),
    "item_submit": {"pelaksana"},
    "item_receive": {"service"},
    "item_approve": {"head"},
    "item_document": {"documentation"},
    "item_archive": {"head", "manager"},
    # Documents of the vault
    "document_read_softcopy": {"pelaksana", "committee", "documentation", "head"},
    "document_read_chatter_file": {"pelaksana", "committee", "documentation", "head"},
    "document_search": {"pelaksana", "committee", "documentation", "head"},
    "document_read_other_unit": {"committee", "documentation", "head"},
    "document_store_softcopy": {"documentation"},
    # Once handed over, as the softcopy: the documentation officer only.
    "document_attach_file": {"documentation"},
    "document_attach_file_to_draft": {
        "pelaksana",
        "committee",
        "documentation",
        "head",
    },
    "document_delete": set(),
    "document_make_public": set(),
    "document_metadata_read": ALL,
    # Hardcopy custody
    "location_read": ALL,
    "location_create": {"documentation", "manager"},
    "classification_create": {"manager"},
    "custody_record_location": {"documentation", "service"},
    "custody_record_classification": {"documentation"},
    "custody_history_read": ALL,
    # Logs
    "audit_log_read": ALL,
    "access_log_read": {"documentation", "head", "auditor", "manager"},
    "log_write": set(),
    "log_unlink": set(),
}


@tagged("post_install", "-at_install")
class TestAccessMatrix(PpidCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Item = cls.env["ppid.exempted.information"]
        cls.Attachment = cls.env["ir.attachment"]

    def _vault_item(self, state="exempted", **overrides):
        item = self._create_item(
            state,
            softcopy_file=base64.b64encode(b"%PDF-1.4 isi"),
            softcopy_filename="isi.pdf",
            **overrides,
        )
        item.message_post(body="Memo", attachments=[("memo.pdf", b"memo")])
        return item

    def _attachments(self, item, res_field=False):
        return self.Attachment.search(
            [
                ("res_model", "=", VAULT_MODEL),
                ("res_id", "=", item.id),
                ("res_field", "=", res_field),
            ]
        )

    # One method per operation: it raises when the user is refused.

    def _op_item_read(self, user):
        item = self._create_item("submitted")
        if not self.Item.with_user(user).search([("id", "=", item.id)]):
            raise UserError(self.env._("Not found."))
        item.with_user(user).read(["title", "state"])

    def _op_item_read_other_unit(self, user):
        item = self._create_item("submitted", unit_id=self.other_unit.id)
        item.with_user(user).read(["title"])

    def _op_item_create(self, user):
        values = self._item_values()
        del values["unit_test_sheet"]  # attached by the unit itself
        self.Item.with_user(user).create(values)

    def _op_item_write(self, user):
        item = self._create_item("draft")
        item.with_user(user).write({"description": "Uraian yang diperbaiki."})

    def _op_item_unlink_draft(self, user):
        self._create_item("draft").with_user(user).unlink()

    def _op_item_unlink_submitted(self, user):
        self._create_item("submitted").with_user(user).unlink()

    def _op_item_submit(self, user):
        self._create_item("draft").with_user(user).action_submit()

    def _op_item_receive(self, user):
        self._create_item("submitted").with_user(user).action_receive()

    def _op_item_approve(self, user):
        self._create_item("approval").with_user(user).action_approve()

    def _op_item_document(self, user):
        item = self._create_item(
            "exempted",
            softcopy_file=base64.b64encode(b"isi"),
            **self._hardcopy_values(),
        )
        item.with_user(user).action_document()

    def _op_item_archive(self, user):
        item = self._create_item("exempted")
        item.with_user(user).write({"active": False, "archive_reason": "Duplikat."})

    def _download(self, attachment, user):
        """What ir.binary does for /web/content, as the requesting user."""
        self.env.invalidate_all()
        return attachment.with_user(user).raw

    def _op_document_read_softcopy(self, user):
        item = self._vault_item()
        self._download(self._attachments(item, "softcopy_file"), user)
        self.env.invalidate_all()
        item.with_user(user).with_context(bin_size=False).softcopy_file  # noqa: B018

    def _op_document_read_chatter_file(self, user):
        self._download(self._attachments(self._vault_item()), user)

    def _op_document_search(self, user):
        item = self._vault_item()
        found = self.Attachment.with_user(user).search(
            [("res_model", "=", VAULT_MODEL), ("res_id", "=", item.id)]
        )
        if not found:
            raise UserError(self.env._("Not found."))

    def _op_document_read_other_unit(self, user):
        item = self._vault_item(unit_id=self.other_unit.id)
        self._download(self._attachments(item), user)

    def _op_document_store_softcopy(self, user):
        item = self._create_item("exempted")
        item.with_user(user).write({"softcopy_file": base64.b64encode(b"baru")})

    def _op_document_attach_file(self, user):
        item = self._create_item("exempted")
        self.Attachment.with_user(user).create(
            {
                "name": "lampiran.pdf",
                "raw": b"lampiran",
                "res_model": VAULT_MODEL,
                "res_id": item.id,
            }
        )

    def _op_document_attach_file_to_draft(self, user):
        item = self._create_item("draft")
        self.Attachment.with_user(user).create(
            {
                "name": "lampiran.pdf",
                "raw": b"lampiran",
                "res_model": VAULT_MODEL,
                "res_id": item.id,
            }
        )

    def _op_document_delete(self, user):
        self._attachments(self._vault_item()).with_user(user).unlink()

    def _op_document_make_public(self, user):
        self._attachments(self._vault_item()).with_user(user).write({"public": True})

    def _op_document_metadata_read(self, user):
        item = self._vault_item()
        documents = item.with_user(user).vault_document_ids
        documents.read(["name", "sha256", "file_size", "integrity_state"])
        if len(documents) != 3:
            raise UserError(self.env._("Metadata missing."))

    def _op_location_read(self, user):
        self.box.with_user(user).read(["complete_name"])

    def _op_location_create(self, user):
        self.env["ppid.archive.location"].with_user(user).create(
            {"name": "Map 9", "location_type": "folder", "parent_id": self.box.id}
        )

    def _op_classification_create(self, user):
        self.env["ppid.archive.classification"].with_user(user).create(
            {"code": "300.7", "name": "Rinci"}
        )

    def _op_custody_record_location(self, user):
        item = self._create_item("exempted")
        item.with_user(user).write({"hardcopy_location_id": self.box.id})

    def _op_custody_record_classification(self, user):
        item = self._create_item("exempted")
        item.with_user(user).write(
            {"archive_classification_id": self.classification.id}
        )

    def _op_custody_history_read(self, user):
        item = self._create_item("exempted", hardcopy_location_id=self.box.id)
        history = item.with_user(user).custody_transfer_ids
        history.read(["location_id", "holder_user_id"])
        if not history:
            raise UserError(self.env._("Not found."))

    def _op_audit_log_read(self, user):
        item = self._create_item("draft")
        self.env["ppid.audit.log"].with_user(user).search(
            [("information_id", "=", item.id)]
        ).read(["event", "user_id"])
        if not item.with_user(user).audit_log_ids:
            raise UserError(self.env._("Not found."))

    def _op_access_log_read(self, user):
        item = self._vault_item()
        logs = self.env["ppid.vault.log"].with_user(user)
        logs.search([("information_id", "=", item.id)]).read(["event", "user_id"])

    def _op_log_write(self, user):
        item = self._vault_item()
        self.env["ppid.audit.log"].search([("information_id", "=", item.id)]).with_user(
            user
        ).write({"reason": "x"})

    def _op_log_unlink(self, user):
        item = self._vault_item()
        self.env["ppid.vault.log"].search([("information_id", "=", item.id)]).with_user(
            user
        ).unlink()

    def test_rule_27_access_matrix(self):
        for operation, allowed in MATRIX.items():
            run = getattr(self, f"_op_{operation}")
            for role in ROLES:
                with self.subTest(operation=operation, role=role):
                    if role in allowed:
                        run(self.users[role])
                    else:
                        with self.assertRaises(UserError):
                            run(self.users[role])
