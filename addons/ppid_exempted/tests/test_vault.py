# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
import hashlib
import os
import uuid

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..models.ppid_vault_document import VAULT_MODEL
from .common import ROLES, PpidCase

# Who may read the content of exempted documents (see ppid_vault_document.py).
VAULT_READERS = {"pelaksana", "committee", "documentation", "head"}


class VaultCase(PpidCase):
    """Items with a softcopy and a chatter file whose bytes are unique."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Attachment = cls.env["ir.attachment"]
        cls.admin = cls.env.ref("base.user_admin")

    @staticmethod
    def _secret():
        return f"%PDF-1.4 rahasia {uuid.uuid4()}".encode()

    @classmethod
    def _vault_item(cls, state="exempted", **overrides):
        """An item with its softcopy and one chatter file; returns the item,
        the softcopy attachment, the chatter attachment and their contents."""
        softcopy = cls._secret()
        item = cls._create_item(
            state,
            softcopy_file=base64.b64encode(softcopy),
            softcopy_filename="bap_saksi.pdf",
            **overrides,
        )
        memo = cls._secret()
        item.message_post(body="Memo", attachments=[("memo_rahasia.pdf", memo)])
        field_attachment = cls.env["ir.attachment"].search(
            [
                ("res_model", "=", VAULT_MODEL),
                ("res_id", "=", item.id),
                ("res_field", "=", "softcopy_file"),
            ]
        )
        chatter_attachment = cls.env["ir.attachment"].search(
            [("res_model", "=", VAULT_MODEL), ("res_id", "=", item.id)]
        )
        return item, field_attachment, chatter_attachment, softcopy, memo


@tagged("post_install", "-at_install")
class TestVaultAccess(VaultCase):
    def test_rule_27_document_content_only_for_vault_roles(self):
        """Each role reads the files of an item it can read only if its role
        may read exempted content; the others are refused on every ORM path."""
        item, field_att, chatter_att, softcopy, memo = self._vault_item()
        for role in ROLES:
            user = self.users[role]
            with self.subTest(role=role):
                self.env.invalidate_all()
                if role in VAULT_READERS:
                    self.assertEqual(field_att.with_user(user).raw, softcopy)
                    self.assertEqual(chatter_att.with_user(user).raw, memo)
                    self.assertEqual(
                        base64.b64decode(item.with_user(user).softcopy_file), softcopy
                    )
                else:
                    with self.assertRaises(AccessError):
                        field_att.with_user(user).read(["raw"])
                    with self.assertRaises(AccessError):
                        chatter_att.with_user(user).read(["datas"])
                    with self.assertRaises(AccessError):
                        chatter_att.with_user(user).read(["name"])
                    with self.assertRaises(AccessError):
                        item.with_user(user).read(["softcopy_file"])
                    # The item itself stays readable, without the content.
                    self.assertEqual(item.with_user(user).title, item.title)

    def test_rule_27_system_administrator_is_refused_too(self):
        _item, field_att, chatter_att, _softcopy, _memo = self._vault_item()
        self.assertTrue(self.admin.has_group("base.group_system"))
        for attachment in field_att | chatter_att:
            with self.assertRaises(AccessError):
                attachment.with_user(self.admin).read(["raw"])
        found = self.Attachment.with_user(self.admin).search(
            [
                ("res_model", "=", VAULT_MODEL),
                ("res_field", "in", [False, "softcopy_file"]),
            ]
        )
        self.assertFalse(found & (field_att | chatter_att))

    def test_rule_27_unit_officer_reads_only_its_units_documents(self):
        _mine, mine_att, *_rest = self._vault_item()
        _other, other_att, *_rest = self._vault_item(unit_id=self.other_unit.id)
        officer = self.users["pelaksana"]
        self.assertTrue(mine_att.with_user(officer).raw)
        with self.assertRaises(AccessError):
            other_att.with_user(officer).read(["raw"])
        # A second, body-wide role without content rights widens nothing.
        officer.group_ids |= self.env.ref("ppid_exempted.group_ppid_auditor")
        with self.assertRaises(AccessError):
            other_att.with_user(officer).read(["raw"])
        self.assertTrue(mine_att.with_user(officer).raw)

    def test_rule_27_search_and_read_group_hide_the_vault(self):
        item, field_att, chatter_att, _softcopy, _memo = self._vault_item()
        domains = [
            [("res_model", "=", VAULT_MODEL), ("res_id", "=", item.id)],
            [("id", "in", (field_att | chatter_att).ids)],
            [("name", "ilike", "rahasia")],
            [("res_field", "=", "softcopy_file"), ("res_id", "=", item.id)],
        ]
        for role in ROLES:
            Attachment = self.Attachment.with_user(self.users[role])
            for domain in domains:
                with self.subTest(role=role, domain=domain):
                    found = Attachment.search(domain)
                    counted = Attachment._read_group(domain, [], ["__count"])[0][0]
                    if role in VAULT_READERS:
                        self.assertTrue(found)
                    else:
                        self.assertFalse(found)
                        self.assertEqual(counted, 0)
                        self.assertFalse(Attachment.search_count(domain))

    def test_rule_27_other_attachments_are_untouched(self):
        """The vault does not hide attachments of other records."""
        partner = self.env["res.partner"].create({"name": "Pemohon"})
        attachment = self.Attachment.create(
            {
                "name": "surat.pdf",
                "raw": b"biasa",
                "res_model": "res.partner",
                "res_id": partner.id,
            }
        )
        auditor = self.users["auditor"]
        self.assertEqual(attachment.with_user(auditor).raw, b"biasa")
        self.assertIn(
            attachment,
            self.Attachment.with_user(auditor).search(
                [("res_model", "=", "res.partner")]
            ),
        )
        own = self.Attachment.with_user(auditor).create({"name": "c.txt", "raw": b"c"})
        found = self.Attachment.with_user(auditor).search([("name", "=", "c.txt")])
        self.assertEqual(found, own)

    def test_rule_27_form_shows_file_names_not_files_to_other_roles(self):
        Item = self.env["ppid.exempted.information"]
        for role in ("auditor", "head"):
            views = Item.with_user(self.users[role]).get_views([(False, "form")])
            arch = views["views"]["form"]["arch"]
            with self.subTest(role=role):
                self.assertIn('name="softcopy_filename"', arch)
                if role == "head":
                    self.assertIn('name="softcopy_file"', arch)
                else:
                    self.assertNotIn('name="softcopy_file"', arch)
                    self.assertNotIn('name="unit_test_sheet"', arch)

    def test_rule_27_vault_documents_never_public(self):
        item, field_att, chatter_att, _softcopy, _memo = self._vault_item()
        with self.assertRefused(ValidationError, "never be public"):
            chatter_att.write({"public": True})
        with self.assertRefused(ValidationError, "never be public"):
            self.Attachment.create(
                {
                    "name": "lampiran.pdf",
                    "raw": b"x",
                    "res_model": VAULT_MODEL,
                    "res_id": item.id,
                    "public": True,
                }
            )

    def test_rule_27_documents_never_leave_the_vault(self):
        """Not by a copy, nor by moving them to another record, even for the
        roles that may read them."""
        _item, _field_att, chatter_att, _softcopy, _memo = self._vault_item()
        head = self.users["head"]
        with self.assertRefused(AccessError, "never copied"):
            chatter_att.with_user(head).copy({"res_model": False, "res_id": 0})
        with self.assertRefused(AccessError, "stay with their item"):
            chatter_att.with_user(head).write(
                {"res_model": "res.partner", "res_id": head.partner_id.id}
            )
        self.assertEqual(chatter_att.res_model, VAULT_MODEL)

    def test_rule_27_token_found_record_is_checked_again(self):
        """/web/content returns a token-found attachment as superuser;
        ir.binary checks the requesting user again before streaming."""
        _item, field_att, chatter_att, _softcopy, _memo = self._vault_item()
        chatter_att.generate_access_token()
        Binary = self.env["ir.binary"].with_user(self.users["auditor"])
        for attachment in field_att | chatter_att:
            with self.assertRaises(AccessError):
                Binary._get_stream_from(attachment.sudo(), "raw")
            with self.assertRaises(AccessError):
                Binary._get_stream_from(attachment.sudo(), "thumbnail")

    def test_rule_27_non_vault_roles_cannot_add_documents(self):
        item = self._create_item("received")
        with self.assertRaises(AccessError):
            self.Attachment.with_user(self.users["service"]).create(
                {
                    "name": "tanda_terima.pdf",
                    "raw": b"x",
                    "res_model": VAULT_MODEL,
                    "res_id": item.id,
                }
            )

    def test_rule_27_rpc_never_returns_document_content(self):
        """Content leaves only as a logged download: a read returns sizes."""
        item, _field_att, chatter_att, _softcopy, _memo = self._vault_item()
        head = self.users["head"]
        for fnames in (["datas"], ["raw"], ["index_content"], ["thumbnail"]):
            with self.subTest(fields=fnames), self.assertRaises(AccessError):
                chatter_att.with_user(head).read(fnames)
        with self.assertRaises(AccessError):
            item.with_user(head).read(["softcopy_file"])
        with self.assertRaises(AccessError):
            item.with_user(head).export_data(["softcopy_file"])
        with self.assertRaises(AccessError):
            chatter_att.with_user(head).export_data(["datas"])
        # The web client reads binary fields as sizes.
        sized = item.with_user(head).with_context(bin_size=True)
        self.assertTrue(sized.read(["softcopy_file"])[0]["softcopy_file"])
        self.assertTrue(chatter_att.with_user(head).read(["name", "file_size"]))

    def test_rule_27_documents_never_leave_by_email(self):
        _item, field_att, chatter_att, _softcopy, _memo = self._vault_item()
        ordinary = self.Attachment.create({"name": "biasa.txt", "raw": b"biasa"})
        mail = self.env["mail.mail"].create(
            {
                "body_html": "<p>Lampiran</p>",
                "email_to": "luar@example.com",
                "attachment_ids": [
                    Command.set((field_att | chatter_att | ordinary).ids)
                ],
            }
        )
        outgoing = mail._prepare_outgoing_list()
        self.assertEqual(
            [name for name, _raw, _mime in outgoing[0]["attachments"]], ["biasa.txt"]
        )

    def test_rule_27_stored_report_of_an_item_is_a_vault_document(self):
        item = self._create_item("exempted")
        report = self.env["ir.actions.report"].create(
            {
                "name": "Surat penetapan",
                "model": VAULT_MODEL,
                "report_type": "qweb-pdf",
                "report_name": "ppid_exempted.report_test_stored",
                "attachment": "'SK-%s.pdf' % object.id",
                "attachment_use": True,
            }
        )
        stored = self.Attachment.create(
            {
                "name": f"SK-{item.id}.pdf",
                "raw": b"%PDF stored",
                "res_model": VAULT_MODEL,
                "res_id": item.id,
            }
        )
        as_auditor = report.with_user(self.users["auditor"]).sudo()
        with self.assertRaises(AccessError):
            as_auditor.retrieve_attachment(item)
        as_head = report.with_user(self.users["head"]).sudo()
        self.assertEqual(as_head.retrieve_attachment(item), stored)
        self.assertTrue(
            self.env["ppid.vault.log"].search(
                [("channel", "=", "report"), ("user_id", "=", self.users["head"].id)]
            )
        )


@tagged("post_install", "-at_install")
class TestVaultKeeping(VaultCase):
    def test_rule_27_fingerprint_recorded_at_upload(self):
        item, field_att, chatter_att, softcopy, memo = self._vault_item()
        documents = item.vault_document_ids
        self.assertEqual(
            set(documents.mapped("sha256")),
            {
                hashlib.sha256(softcopy).hexdigest(),
                hashlib.sha256(memo).hexdigest(),
                hashlib.sha256(b"%PDF-1.4 lembar uji").hexdigest(),
            },
        )
        self.assertEqual(
            documents.filtered(lambda d: d.kind == "unit_test_sheet").name,
            "lembar_uji.pdf",
        )
        softcopy_doc = documents.filtered(lambda d: d.attachment_id == field_att)
        self.assertEqual(softcopy_doc.kind, "softcopy_file")
        self.assertEqual(softcopy_doc.name, "bap_saksi.pdf")
        chatter_doc = documents.filtered(lambda d: d.attachment_id == chatter_att)
        self.assertEqual(chatter_doc.kind, "chatter")
        uploads = self.env["ppid.vault.log"].search(
            [("information_id", "=", item.id), ("event", "=", "upload")]
        )
        self.assertEqual(len(uploads), 3)

    def test_rule_27_pending_chatter_upload_is_fingerprinted_when_posted(self):
        item = self._create_item("exempted")
        head = self.users["documentation"]
        pending = self.Attachment.with_user(head).create(
            {
                "name": "catatan.pdf",
                "raw": b"catatan rapat",
                "res_model": "mail.compose.message",
                "res_id": 0,
            }
        )
        item.with_user(head).message_post(body="Catatan", attachment_ids=pending.ids)
        self.assertEqual(pending.res_model, VAULT_MODEL)
        posted = item.vault_document_ids.filtered(lambda d: d.kind == "chatter")
        self.assertEqual(posted.sha256, hashlib.sha256(b"catatan rapat").hexdigest())

    def test_rule_27_documents_past_draft_are_never_deleted(self):
        item, field_att, chatter_att, _softcopy, _memo = self._vault_item()
        for attachment in field_att | chatter_att:
            with self.assertRefused(UserError, "never deleted"):
                attachment.unlink()  # even as superuser
        with self.assertRefused(UserError, "never deleted"):
            item.with_user(self.users["documentation"]).softcopy_file = False
        with self.assertRefused(UserError, "cannot be moved"):
            chatter_att.with_user(self.users["head"]).write({"res_id": 0})
        with self.assertRefused(UserError, "cannot be moved"):
            chatter_att.with_user(self.users["head"]).write({"raw": b"dipalsukan"})

    def test_rule_27_draft_documents_go_with_the_draft(self):
        item = self._create_item(
            "draft", softcopy_file=base64.b64encode(b"draf"), softcopy_filename="d.pdf"
        )
        attachment = self.Attachment.search(
            [("res_model", "=", VAULT_MODEL), ("res_id", "=", item.id)]
        )
        self.assertTrue(item.vault_document_ids)
        item.with_user(self.users["pelaksana"]).unlink()
        self.assertFalse(attachment.exists())

    def test_rule_27_replacing_the_softcopy_keeps_the_previous_version(self):
        item, field_att, _chatter_att, softcopy, _memo = self._vault_item()
        officer = self.users["documentation"]
        new_softcopy = self._secret()
        item.with_user(officer).softcopy_file = base64.b64encode(new_softcopy)
        documents = item.vault_document_ids
        current = documents.filtered(lambda d: d.attachment_id == field_att)
        self.assertEqual(current.sha256, hashlib.sha256(new_softcopy).hexdigest())
        superseded = documents.filtered(lambda d: d.kind == "superseded")
        self.assertEqual(superseded.sha256, hashlib.sha256(softcopy).hexdigest())
        self.assertEqual(superseded.attachment_id.raw, softcopy)
        self.assertIn("bap_saksi.pdf", superseded.name)
        self.assertTrue(
            self.env["ppid.vault.log"].search(
                [("document_id", "=", current.id), ("event", "=", "replace")]
            )
        )

    def test_rule_27_who_may_store_documents(self):
        draft = self._create_item("draft")
        draft.with_user(self.users["pelaksana"]).softcopy_file = base64.b64encode(b"a")
        item = self._create_item("exempted")
        for role in ("pelaksana", "committee", "head"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                item.with_user(self.users[role]).softcopy_file = base64.b64encode(b"b")
        for role in ("service", "auditor", "manager"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                item.with_user(self.users[role]).write(
                    {"softcopy_file": base64.b64encode(b"c")}
                )
        item.with_user(self.users["documentation"]).softcopy_file = base64.b64encode(
            b"d"
        )
        softcopy = item.vault_document_ids.filtered(lambda d: d.kind == "softcopy_file")
        self.assertEqual(softcopy.sha256, hashlib.sha256(b"d").hexdigest())

    def test_integrity_check_reports_a_tampered_file(self):
        item, field_att, _chatter_att, _softcopy, _memo = self._vault_item()
        path = field_att._full_path(field_att.store_fname)
        with open(path, "rb") as stored:
            original = stored.read()

        def restore():
            with open(path, "wb") as stored:
                stored.write(original)

        self.addCleanup(restore)
        Document = self.env["ppid.vault.document"]
        Document._cron_verify_integrity()
        document = item.vault_document_ids.filtered(
            lambda d: d.attachment_id == field_att
        )
        self.assertEqual(document.integrity_state, "ok")
        with open(path, "wb") as stored:
            stored.write(b"%PDF-1.4 isi yang sudah diubah")
        Document._cron_verify_integrity()
        self.assertEqual(document.integrity_state, "mismatch")
        self.assertTrue(item.integrity_alert)
        # Odoo's own checksum did not notice anything.
        self.assertEqual(field_att.checksum, field_att._compute_checksum(original))
        self._assert_alerted(item, document, "mismatch")
        # An alert is raised once, not every day.
        Document._cron_verify_integrity()
        self.assertEqual(
            self.env["ppid.vault.log"].search_count(
                [("document_id", "=", document.id), ("event", "=", "mismatch")]
            ),
            1,
        )

    def test_integrity_check_reports_a_missing_file(self):
        item, field_att, _chatter_att, _softcopy, _memo = self._vault_item()
        path = field_att._full_path(field_att.store_fname)
        hidden = f"{path}.hidden"
        os.rename(path, hidden)
        self.addCleanup(os.rename, hidden, path)
        self.env["ppid.vault.document"]._cron_verify_integrity()
        document = item.vault_document_ids.filtered(
            lambda d: d.attachment_id == field_att
        )
        self.assertEqual(document.integrity_state, "missing")
        self._assert_alerted(item, document, "missing")

    def _assert_alerted(self, item, document, event):
        manager = self.users["manager"]
        activity = item.activity_ids.filtered(lambda a: a.user_id == manager)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("ppid_exempted.mail_activity_type_vault_integrity"),
        )
        self.assertIn(document.name, activity.note)
        notes = item.message_ids.filtered(lambda m: "Integrity check" in (m.body or ""))
        self.assertEqual(len(notes), 1)
        self.assertTrue(
            self.env["ppid.vault.log"].search(
                [("document_id", "=", document.id), ("event", "=", event)]
            )
        )
