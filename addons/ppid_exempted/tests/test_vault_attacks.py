# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

"""The vault's side doors, tried by every demo role, a plain employee and the
system administrator. Each door is one method that returns True when the
attacker got through; the table below, written out by hand, says who may
pass each door (nobody, for the side doors). A door added later is one more
row and one more method."""

import base64
import hashlib
import uuid

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..models.ppid_vault_policy import VAULT_MODEL, PpidVaultIntegrityError
from .common import ROLES
from .common_classification import ClassificationCase
from .test_vault import VAULT_READERS, VaultCase

ATTACKERS = (*ROLES, "outsider", "admin")
NOBODY = frozenset()

# door -> the attackers who legitimately get through.
DOORS = {
    # The front door, for comparison: the logged read of a chatter file.
    "read_chatter_file": frozenset(VAULT_READERS),
    # Yes/no oracles on the text of a chatter file.
    "message_index_oracle": NOBODY,
    "item_index_oracle": NOBODY,
    "message_index_oracle_any": NOBODY,
    "attachment_index_search": NOBODY,
    "attachment_index_group": NOBODY,
    "attachment_index_order": NOBODY,
    "attachment_checksum_search": NOBODY,
    "attachment_store_fname_group": NOBODY,
    "export_through_messages": NOBODY,
    # Forged documents behind the pipeline.
    "create_test_sheet": NOBODY,
    "create_softcopy": NOBODY,
    "relink_as_softcopy": NOBODY,
    # The same roles as for attaching a file directly (test_access_matrix).
    "relink_as_chatter_file": frozenset(VAULT_READERS),
    "post_file_in_chatter": frozenset(VAULT_READERS),
    "detach_softcopy_to_chatter": NOBODY,
    # Followers and internal notes.
    "subscribe_outsider": NOBODY,
    "create_follower_outsider": NOBODY,
    "read_notes_as_stale_follower": NOBODY,
    # Share tokens and a poisoned index.
    "access_token": NOBODY,
    "rewrite_index": NOBODY,
    "rewrite_mimetype": NOBODY,
}


class AttackCase(VaultCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users["outsider"] = new_test_user(
            cls.env, login="ppid_outsider", groups="base.group_user"
        )
        cls.users["admin"] = cls.admin
        cls.item, cls.field_att, *_rest = cls._vault_item()
        cls.mark = f"MARK {uuid.uuid4()} rahasia negara"
        # The unit officer posts a note with a text file on its own item.
        cls.item.with_user(cls.users["pelaksana"]).message_post(
            body="Catatan internal unit",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            attachments=[("catatan.txt", cls.mark.encode())],
        )
        cls.text_att = cls.env["ir.attachment"].search(
            [
                ("res_model", "=", VAULT_MODEL),
                ("res_id", "=", cls.item.id),
                ("name", "=", "catatan.txt"),
            ]
        )

    def _through(self, door, user):
        """Run door `door` as `user`; True if it let the user through."""
        try:
            with self.env.cr.savepoint():
                passed = bool(getattr(self, f"_door_{door}")(user))
                self.env.flush_all()
        except (AccessError, UserError, ValidationError):
            passed = False
        self.env.invalidate_all()
        return passed

    # One method per door -------------------------------------------------

    def _door_read_chatter_file(self, user):
        return self.text_att.with_user(user).raw == self.mark.encode()

    def _door_message_index_oracle(self, user):
        return (
            self.env["mail.message"]
            .with_user(user)
            .search_count([("attachment_ids.index_content", "=like", "MARK%")])
        )

    def _door_item_index_oracle(self, user):
        return (
            self.env[VAULT_MODEL]
            .with_user(user)
            .search_count(
                [("message_ids.attachment_ids.index_content", "=like", "MARK%")]
            )
        )

    def _door_message_index_oracle_any(self, user):
        return (
            self.env["mail.message"]
            .with_user(user)
            .search_count(
                [
                    (
                        "attachment_ids",
                        "any",
                        [("index_content", "ilike", "rahasia negara")],
                    )
                ]
            )
        )

    def _door_attachment_index_search(self, user):
        return self.Attachment.with_user(user).search_count(
            [("index_content", "ilike", "rahasia negara")]
        )

    def _door_attachment_index_group(self, user):
        groups = self.Attachment.with_user(user).formatted_read_group(
            [("res_model", "=", VAULT_MODEL)], ["index_content"], ["__count"]
        )
        return any(group["index_content"] for group in groups)

    def _door_attachment_index_order(self, user):
        return self.Attachment.with_user(user).search(
            [("res_model", "=", VAULT_MODEL), ("res_id", "=", self.item.id)],
            order="index_content desc",
        )

    def _door_attachment_checksum_search(self, user):
        guess = hashlib.sha1(self.mark.encode()).hexdigest()
        return self.Attachment.with_user(user).search_count([("checksum", "=", guess)])

    def _door_attachment_store_fname_group(self, user):
        groups = self.Attachment.with_user(user).formatted_read_group(
            [("id", "=", self.text_att.id)], ["store_fname"], ["__count"]
        )
        return any(group["store_fname"] for group in groups)

    def _door_export_through_messages(self, user):
        # A body may let its officers export lists; a file reached through a
        # relation exports as its name, never its content.
        user.sudo().group_ids |= self.env.ref("base.group_allow_export")
        rows = self.item.with_user(user).export_data(
            ["message_ids/attachment_ids/datas"]
        )["datas"]
        secret = base64.b64encode(self.mark.encode()).decode()
        return any(secret in str(row) or self.mark in str(row) for row in rows)

    def _forge(self, user, item, field):
        return self.Attachment.with_user(user).create(
            {
                "name": "palsu.pdf",
                "raw": b"%PDF-1.4 palsu",
                "res_model": VAULT_MODEL,
                "res_id": item.id,
                "res_field": field,
            }
        )

    def _door_create_test_sheet(self, user):
        return self._forge(user, self.item, "unit_test_sheet")

    def _door_create_softcopy(self, user):
        return self._forge(user, self.item, "softcopy_file")

    def _door_relink_as_softcopy(self, user):
        own = self.Attachment.with_user(user).create(
            {"name": "palsu.pdf", "raw": b"%PDF-1.4 palsu"}
        )
        own.write(
            {
                "res_model": VAULT_MODEL,
                "res_id": self.item.id,
                "res_field": "softcopy_file",
            }
        )
        return own.sudo().res_field == "softcopy_file"

    def _door_relink_as_chatter_file(self, user):
        own = self.Attachment.with_user(user).create(
            {"name": "lampiran.pdf", "raw": b"%PDF-1.4 lampiran"}
        )
        own.write({"res_model": VAULT_MODEL, "res_id": self.item.id})
        return own.sudo().res_model == VAULT_MODEL

    def _door_post_file_in_chatter(self, user):
        message = self.item.with_user(user).message_post(
            body="Lampiran", attachments=[("lampiran.txt", b"lampiran unit")]
        )
        return message.sudo().attachment_ids

    def _door_detach_softcopy_to_chatter(self, user):
        self.field_att.with_user(user).write({"res_field": False})
        return not self.field_att.sudo().res_field

    def _door_subscribe_outsider(self, user):
        self.item.with_user(user).message_subscribe(
            partner_ids=self.users["outsider"].partner_id.ids,
            subtype_ids=self.env.ref("mail.mt_note").ids,
        )
        return self.users["outsider"].partner_id in self.item.message_partner_ids

    def _door_create_follower_outsider(self, user):
        self.env["mail.followers"].with_user(user).create(
            {
                "res_model": VAULT_MODEL,
                "res_id": self.item.id,
                "partner_id": self.users["outsider"].partner_id.id,
                "subtype_ids": [Command.set(self.env.ref("mail.mt_note").ids)],
            }
        )
        return self.users["outsider"].partner_id in self.item.message_partner_ids

    def _door_read_notes_as_stale_follower(self, user):
        # A subscription made before the vault refused it, or in SQL.
        self.env.cr.execute(
            "INSERT INTO mail_followers (res_model, res_id, partner_id) "
            "VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
            (VAULT_MODEL, self.item.id, user.partner_id.id),
        )
        self.item.message_post(
            body="Catatan kedua", subtype_xmlid="mail.mt_note", partner_ids=[]
        )
        if self.item.with_user(user).has_access("read"):
            # Reading the item's notes is the front door for its readers.
            return False
        return (
            self.env["mail.message"]
            .with_user(user)
            .search_read(
                [("model", "=", VAULT_MODEL), ("res_id", "=", self.item.id)], ["body"]
            )
        )

    def _door_access_token(self, user):
        return self.text_att.with_user(user).generate_access_token()

    def _door_rewrite_index(self, user):
        self.text_att.with_user(user).write({"index_content": "MARK palsu"})
        self.env.invalidate_all()
        return self.text_att.sudo().index_content

    def _door_rewrite_mimetype(self, user):
        self.text_att.with_user(user).write({"mimetype": "application/x-msdownload"})
        return self.text_att.sudo().mimetype == "application/x-msdownload"


@tagged("post_install", "-at_install")
class TestVaultAttacks(AttackCase):
    def test_every_door_as_every_role(self):
        """Every door of the table, tried by every attacker."""
        self.assertTrue(self.text_att, "the unit's text file is in the chatter")
        tried = 0
        for door, allowed in DOORS.items():
            for attacker in ATTACKERS:
                with self.subTest(door=door, attacker=attacker):
                    passed = self._through(door, self.users[attacker])
                    tried += 1
                    self.assertEqual(passed, attacker in allowed)
        self.assertEqual(tried, len(DOORS) * len(ATTACKERS))

    def test_vault_files_keep_no_text_index(self):
        self.assertFalse(self.text_att.sudo().index_content)
        # Odoo would index a text file anywhere else.
        partner = self.env["res.partner"].create({"name": "Pemohon"})
        other = self.Attachment.create(
            {
                "name": "surat.txt",
                "raw": self.mark.encode(),
                "res_model": "res.partner",
                "res_id": partner.id,
            }
        )
        self.assertTrue(other.index_content)
        auditor = self.users["auditor"]
        found = self.Attachment.with_user(auditor).search(
            [("index_content", "ilike", "rahasia negara")]
        )
        self.assertEqual(found, other, "files outside the vault stay searchable")
        # A draft's file written again is not indexed either.
        draft = self._create_item("draft")
        chatter = self.Attachment.create(
            {
                "name": "draf.txt",
                "raw": b"draft text",
                "res_model": VAULT_MODEL,
                "res_id": draft.id,
            }
        )
        chatter.write({"raw": self.mark.encode()})
        self.assertFalse(chatter.index_content)

    def test_pipeline_stores_documents_under_their_file_names(self):
        item = self._create_item("exempted")
        officer = self.users["documentation"]
        item.with_user(officer).write(
            {
                "softcopy_file": base64.b64encode(b"%PDF-1.4 v1"),
                "softcopy_filename": "softcopy_rekam_medis.pdf",
            }
        )
        softcopy = item.vault_document_ids.filtered(lambda d: d.kind == "softcopy_file")
        self.assertEqual(softcopy.name, "softcopy_rekam_medis.pdf")
        item.with_user(officer).write({"softcopy_file": base64.b64encode(b"v2")})
        self.assertEqual(
            len(item.vault_document_ids.filtered(lambda d: d.kind == "superseded")), 1
        )
        nameless = self._create_item("exempted")
        nameless.with_user(officer).write({"softcopy_file": base64.b64encode(b"v")})
        self.assertNotIn(
            "softcopy_file",
            nameless.vault_document_ids.mapped("name"),
        )

    def test_unit_officer_may_still_attach_chatter_files_to_own_items(self):
        """The pipeline's own doors stay open (test_access_matrix pins them)."""
        officer = self.users["pelaksana"]
        attachment = self.Attachment.with_user(officer).create(
            {
                "name": "lampiran.pdf",
                "raw": b"lampiran",
                "res_model": VAULT_MODEL,
                "res_id": self.item.id,
            }
        )
        self.assertEqual(
            self.env["ppid.vault.document"]
            .search([("attachment_id", "=", attachment.id)])
            .kind,
            "chatter",
        )

    def test_only_readers_of_the_item_follow_it(self):
        head = self.users["head"]
        self.item.with_user(self.users["service"]).message_subscribe(
            partner_ids=head.partner_id.ids
        )
        self.assertIn(head.partner_id, self.item.message_partner_ids)
        # A unit officer of another unit cannot read the item: not a follower.
        stranger = new_test_user(
            self.env,
            login="ppid_pelaksana_lain",
            groups="ppid_exempted.group_ppid_pelaksana",
        )
        stranger.ppid_unit_ids = self.other_unit
        with self.assertRefused(AccessError, "Only users who may read"):
            self.item.with_user(head).message_subscribe(
                partner_ids=stranger.partner_id.ids
            )

    def test_notification_emails_carry_no_content(self):
        head = self.users["head"]
        head.partner_id.email = "atasan@example.com"
        self.item.message_subscribe(partner_ids=head.partner_id.ids)
        self.item.with_user(self.users["committee"]).message_post(
            body="Isi catatan yang dikecualikan",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[("lampiran.pdf", b"%PDF-1.4 isi")],
        )
        mails = self.env["mail.mail"].search(
            [("model", "=", VAULT_MODEL), ("res_id", "=", self.item.id)]
        )
        self.assertTrue(mails)
        for mail in mails:
            for email in mail._prepare_outgoing_list():
                self.assertNotIn("Isi catatan", email["body"])
                self.assertNotIn("/web/content", email["body"])
                self.assertNotIn("/web/image", email["body"])
                self.assertEqual(email["attachments"], [])

    def test_tampered_file_is_not_served(self):
        path = self.field_att._full_path(self.field_att.store_fname)
        with open(path, "rb") as stored:
            original = stored.read()

        def restore():
            with open(path, "wb") as stored:
                stored.write(original)

        self.addCleanup(restore)
        with open(path, "wb") as stored:
            stored.write(b"%PDF-1.4 isi yang sudah diubah")
        head = self.users["head"]
        Binary = self.env["ir.binary"].with_user(head)
        with self.assertRefused(PpidVaultIntegrityError, "no longer matches"):
            Binary._get_stream_from(self.field_att.with_user(head), "raw")
        restore()
        document = self.item.vault_document_ids.filtered(
            lambda d: d.attachment_id == self.field_att
        )
        self.env["ppid.vault.policy"].with_user(head)._check_download(document)


@tagged("post_install", "-at_install")
class TestTestLinesOfOtherUnits(ClassificationCase):
    def test_unit_officer_in_a_mixed_session_reads_own_units_lines(self):
        mine = self._create_item("received")
        theirs = self._create_item("received", unit_id=self.other_unit.id)
        # The unit officer takes part in (and signs) a session of both units.
        session = self._session(mine | theirs)
        officer = self.users["pelaksana"]
        Line = self.env["ppid.consequence.test.line"].with_user(officer)
        self.assertEqual(
            Line.search([("test_id", "=", session.id)]).information_id, mine
        )
        with self.assertRaises(AccessError):
            session.line_ids.filtered(
                lambda line: line.information_id == theirs
            ).with_user(officer).read(["harm_if_opened"])
        session.with_user(officer).participant_ids.filtered(
            lambda p: p.user_id == officer
        ).action_sign()
        # The committee still reads the whole session.
        committee_lines = self.env["ppid.consequence.test.line"].with_user(
            self.committee
        )
        self.assertEqual(
            committee_lines.search([("test_id", "=", session.id)]).information_id,
            mine | theirs,
        )


@tagged("post_install", "-at_install")
class TestTestLinesThroughTheServer(HttpCase, ClassificationCase):
    def test_mixed_session_form_shows_own_units_lines(self):
        mine = self._create_item("received")
        theirs = self._create_item(
            "received", unit_id=self.other_unit.id, title="Data murid berkebutuhan"
        )
        session = self._session(mine | theirs)
        officer = self.users["pelaksana"]
        self.authenticate(officer.login, officer.login)
        form = self.make_jsonrpc_request(
            "/web/dataset/call_kw/ppid.consequence.test/web_read",
            {
                "model": "ppid.consequence.test",
                "method": "web_read",
                "args": [session.ids],
                "kwargs": {
                    "specification": {
                        "name": {},
                        "line_ids": {
                            "fields": {"information_title": {}, "harm_if_opened": {}}
                        },
                    }
                },
            },
        )[0]
        self.assertEqual(
            [line["information_title"] for line in form["line_ids"]], [mine.title]
        )


@tagged("post_install", "-at_install")
class TestVaultAttacksThroughTheServer(HttpCase, AttackCase):
    def _rpc(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    @mute_logger("odoo.http")
    def test_oracles_and_tokens_over_rpc(self):
        tried = 0
        for role in ("service", "auditor", "manager", "committee", "pelaksana"):
            user = self.users[role]
            self.authenticate(user.login, user.login)
            with self.subTest(role=role):
                self.assertEqual(
                    self._rpc(
                        "mail.message",
                        "search_count",
                        [("attachment_ids.index_content", "=like", "MARK%")],
                    ),
                    0,
                )
                self.assertEqual(
                    self._rpc(
                        VAULT_MODEL,
                        "search_count",
                        [
                            (
                                "message_ids.attachment_ids.index_content",
                                "=like",
                                "MARK%",
                            )
                        ],
                    ),
                    0,
                )
                with self.assertRaises(Exception):  # noqa: B017 (JsonRpcException)
                    self._rpc(
                        "ir.attachment", "generate_access_token", self.text_att.ids
                    )
                tried += 3
        self.assertEqual(tried, 15)

    @mute_logger("odoo.http")
    def test_tampered_file_download_says_so(self):
        path = self.field_att._full_path(self.field_att.store_fname)
        with open(path, "rb") as stored:
            original = stored.read()

        def restore():
            with open(path, "wb") as stored:
                stored.write(original)

        self.addCleanup(restore)
        with open(path, "wb") as stored:
            stored.write(b"%PDF-1.4 diubah")
        head = self.users["head"]
        self.authenticate(head.login, head.login)
        response = self.url_open(f"/web/content/{self.field_att.id}")
        self.assertEqual(response.status_code, 409)
        self.assertIn("no longer matches", response.text)
        self.assertNotIn(b"diubah", response.content)
        refused = self.env["ppid.vault.log"].search(
            [("user_id", "=", head.id), ("event", "=", "denied")]
        )
        self.assertTrue(refused)
        document = self.item.vault_document_ids.filtered(
            lambda d: d.attachment_id == self.field_att
        )
        self.assertEqual(document.integrity_state, "mismatch")


@tagged("post_install", "-at_install")
class TestNothingLeavesOnItsOwn(VaultCase):
    def test_outside_services_are_off_by_default(self):
        """Partner autocomplete, company enrichment, SMS, letters by post
        (IAP) and link previews make no call in a default install."""
        Param = self.env["ir.config_parameter"].sudo()
        for key in (
            "iap.endpoint",
            "iap.partner_autocomplete.endpoint",
            "enrich.endpoint",
            "sms.endpoint",
            "snailmail.endpoint",
        ):
            with self.subTest(key=key):
                self.assertTrue(Param.get_param(key).startswith("disabled://"))
        self.assertFalse(self.env["mail.link.preview"]._is_link_preview_enabled())
        from odoo.addons.iap.tools import iap_tools  # noqa: PLC0415

        with self.assertRaises(AccessError):
            # Refused by requests itself: no connection is even attempted.
            iap_tools.iap_jsonrpc(Param.get_param("iap.endpoint") + "/iap/1/balance")

    def test_code_run_by_a_user_is_logged(self):
        action = self.env["ir.actions.server"].create(
            {
                "name": "Baca brankas",
                "model_id": self.env.ref("base.model_res_partner").id,
                "state": "code",
                "code": "records.mapped('name')",
            }
        )
        partner = self.env["res.partner"].create({"name": "Pemohon"})
        action.with_user(self.admin).with_context(
            active_model="res.partner", active_ids=partner.ids
        ).run()
        log = self.env["ppid.vault.log"].search(
            [("event", "=", "code"), ("user_id", "=", self.admin.id)]
        )
        self.assertEqual(len(log), 1)
        self.assertIn("records.mapped('name')", log.detail)
        self.assertIn("Baca brankas", log.channel)
        # The system's own runs (the scheduler) are not users' code.
        action.with_context(active_model="res.partner", active_ids=partner.ids).run()
        self.assertEqual(
            self.env["ppid.vault.log"].search_count([("event", "=", "code")]), 1
        )
