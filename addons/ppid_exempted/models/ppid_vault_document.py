# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import hashlib
import logging
import os
from collections import defaultdict

from odoo import api, fields, models

from .ppid_vault_policy import (
    CONTENT_FIELDS,
    DOCUMENT_FILENAME_FIELDS,
    VAULT_GROUPS,
    VAULT_GROUPS_CSV,
    VAULT_MODEL,
)

_logger = logging.getLogger(__name__)

# The policy (who may read which files) lives in ppid_vault_policy.py.
__all__ = [
    "CONTENT_FIELDS",
    "DOCUMENT_FILENAME_FIELDS",
    "VAULT_GROUPS",
    "VAULT_GROUPS_CSV",
    "VAULT_MODEL",
]

HASH_CHUNK = 1024 * 1024
INTEGRITY_BATCH = 200


class PpidVaultDocument(models.Model):
    """A document of the vault, with the fingerprint taken when it was stored.

    The SHA-256 is computed by this addon from the stored bytes when the file is
    uploaded or replaced; Odoo's own ``checksum`` (SHA-1) is also the file's
    storage key, so it cannot tell a tampered file from the original.
    Rows are written by the system only: no user may create, change or delete
    them.
    """

    _name = "ppid.vault.document"
    _description = "Vault Document"
    _order = "information_id desc, id desc"
    _rec_name = "name"

    # Not required and "set null": a file row deleted behind the ORM's back
    # leaves its fingerprint here, and the integrity check reports it missing.
    attachment_id = fields.Many2one(
        comodel_name="ir.attachment", ondelete="set null", index=True, readonly=True
    )
    information_id = fields.Many2one(
        comodel_name=VAULT_MODEL,
        string="Exempted Information",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        related="information_id.company_id", store=True, string="Public Body"
    )
    unit_id = fields.Many2one(related="information_id.unit_id", store=True)
    name = fields.Char(string="File Name", readonly=True)
    kind = fields.Selection(
        selection=[
            ("softcopy_file", "Softcopy"),
            ("unit_test_sheet", "Unit's Test Sheet"),
            ("chatter", "Attached File"),
            ("superseded", "Superseded Version"),
        ],
        readonly=True,
    )
    mimetype = fields.Char(readonly=True)
    file_size = fields.Integer(readonly=True)
    sha256 = fields.Char(string="SHA-256", readonly=True, index=True)
    uploaded_by_id = fields.Many2one(comodel_name="res.users", readonly=True)
    upload_date = fields.Datetime(readonly=True)
    last_check_date = fields.Datetime(string="Last Verified", readonly=True)
    integrity_state = fields.Selection(
        selection=[
            ("unchecked", "Not Verified Yet"),
            ("ok", "Intact"),
            ("mismatch", "Content Changed"),
            ("missing", "File Missing"),
        ],
        default="unchecked",
        required=True,
        readonly=True,
        index=True,
    )

    _attachment_uniq = models.Constraint(
        "UNIQUE(attachment_id)", "A stored file is registered once in the vault."
    )

    # ------------------------------------------------------------------
    # Access policy
    # ------------------------------------------------------------------

    @api.model
    def _user_may_read_documents(self):
        """Whether the current user holds a role that may read vault content."""
        return self.env["ppid.vault.policy"]._may_read_content()

    # ------------------------------------------------------------------
    # Registration
    # ------------------------------------------------------------------

    @api.model
    def _register_stored(self, attachments, event="upload"):
        """Fingerprint `attachments` (vault attachments) as they are stored now."""
        attachments = attachments.sudo().filtered(
            lambda a: a.res_model == VAULT_MODEL and a.res_id and a.type == "binary"
        )
        if not attachments:
            return self.browse()
        Document = self.sudo()
        existing = Document.search([("attachment_id", "in", attachments.ids)])
        by_attachment = {doc.attachment_id.id: doc for doc in existing}
        items = self.env[VAULT_MODEL].sudo().browse(set(attachments.mapped("res_id")))
        item_by_id = {item.id: item for item in items}
        now = fields.Datetime.now()
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        to_create = []
        attachments._ppid_clear_index()
        for attachment in attachments:
            filename_field = DOCUMENT_FILENAME_FIELDS.get(attachment.res_field)
            item = item_by_id[attachment.res_id]
            kind = self._kind_of(attachment)
            # The real file name, never the field's name ("softcopy_file").
            name = item[filename_field] or kinds[kind] if filename_field else None
            values = {
                "name": name or attachment.name,
                "mimetype": attachment.mimetype,
                "file_size": attachment.file_size,
                "sha256": hashlib.sha256(attachment.raw or b"").hexdigest(),
                "uploaded_by_id": self.env.uid,
                "upload_date": now,
                "integrity_state": "unchecked",
                "information_id": attachment.res_id,
                "kind": kind,
            }
            document = by_attachment.get(attachment.id)
            if document:
                document.write(values)
            else:
                to_create.append({"attachment_id": attachment.id, **values})
        documents = existing | Document.create(to_create)
        documents._log_event(event)
        return documents

    @api.model
    def _kind_of(self, attachment):
        if attachment.res_field in ("softcopy_file", "unit_test_sheet"):
            return attachment.res_field
        if self.env.context.get("ppid_vault_superseded"):
            return "superseded"
        return "chatter"

    def _log_event(self, event, channel=False, detail=False):
        """Append one row per document to the access log."""
        self.env["ppid.vault.log"]._append(
            [
                {
                    "event": event,
                    "document_id": document.id,
                    "attachment_ref": document.attachment_id.id,
                    "file_name": document.name,
                    "information_id": document.information_id.id,
                    "sha256": document.sha256,
                    "channel": channel,
                    "detail": detail,
                }
                for document in self
            ]
        )

    # ------------------------------------------------------------------
    # Integrity check
    # ------------------------------------------------------------------

    @api.model
    def _cron_verify_integrity(self):
        """Daily: verify every stored document, the least recently checked first.

        Inside the scheduler, progress is committed after each batch so that a
        long run resumes where it stopped.
        """
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        Document = self.sudo()
        # Ids only: cheap to hold even for a large vault, and the order does not
        # shift while the batches update last_check_date.
        ids = list(Document._search([], order="last_check_date asc nulls first, id"))
        checked = Document.browse()
        for start in range(0, len(ids), INTEGRITY_BATCH):
            batch = Document.browse(ids[start : start + INTEGRITY_BATCH]).exists()
            batch._verify_integrity()
            checked |= batch
            if in_cron:
                remaining = max(len(ids) - start - INTEGRITY_BATCH, 0)
                time_left = self.env["ir.cron"]._commit_progress(
                    len(batch), remaining=remaining
                )
                if not time_left:
                    break
        return checked

    def _verify_integrity(self):
        """Recompute the SHA-256 of the stored files and alert on any change."""
        now = fields.Datetime.now()
        broken = {}
        by_state = defaultdict(list)
        for document in self.sudo():
            actual = document._stored_sha256()
            if actual is None:
                state = "missing"
            elif actual != document.sha256:
                state = "mismatch"
            else:
                state = "ok"
            if state != "ok" and document.integrity_state != state:
                broken[document] = (state, actual)
            by_state[state].append(document.id)
        for state, ids in by_state.items():
            self.sudo().browse(ids).write(
                {"integrity_state": state, "last_check_date": now}
            )
        for document, (state, actual) in broken.items():
            document._alert_integrity(state, actual)
        return broken

    def _check_integrity_now(self):
        """Verify `self` as it is about to be handed out; return the documents
        that failed (and record and alert them as the daily check would)."""
        broken = self.browse()
        for document in self.sudo():
            actual = document._stored_sha256()
            if actual is None or actual != document.sha256:
                broken |= document
            elif document.integrity_state != "ok":
                document.write(
                    {"integrity_state": "ok", "last_check_date": fields.Datetime.now()}
                )
        if broken:
            broken._verify_integrity()
        return broken

    def _stored_sha256(self):
        """SHA-256 of the bytes stored now, or None if the file is gone."""
        self.ensure_one()
        attachment = self.attachment_id.sudo().exists()
        if not attachment:
            return None
        digest = hashlib.sha256()
        if attachment.store_fname:
            path = attachment._full_path(attachment.store_fname)
            if not os.path.isfile(path):
                return None
            with open(path, "rb") as stored:
                for chunk in iter(lambda: stored.read(HASH_CHUNK), b""):
                    digest.update(chunk)
        else:
            digest.update(attachment.db_datas or b"")
        return digest.hexdigest()

    def _alert_integrity(self, state, actual):
        """Tell the PPID administrators, note it on the item and log it."""
        self.ensure_one()
        item = self.information_id.sudo()
        if state == "missing":
            message = self.env._(
                "Integrity check: the stored file %(file)s of %(item)s is missing.",
                file=self.name,
                item=item.display_name,
            )
        else:
            message = self.env._(
                "Integrity check: the stored file %(file)s of %(item)s no longer "
                "matches the fingerprint taken when it was stored (SHA-256 "
                "%(expected)s, now %(actual)s).",
                file=self.name,
                item=item.display_name,
                expected=self.sha256,
                actual=actual,
            )
        _logger.info("PPID vault: %s", message)
        item.message_post(body=message, subtype_xmlid="mail.mt_note")
        managers = (
            self.env.ref("ppid_exempted.group_ppid_manager")
            .sudo()
            .all_user_ids.filtered(
                lambda u: u.active and not u.share and item.company_id in u.company_ids
            )
        )
        for manager in managers:
            item.activity_schedule(
                "ppid_exempted.mail_activity_type_vault_integrity",
                summary=self.env._("Vault integrity alert"),
                note=message,
                user_id=manager.id,
            )
        self._log_event(state, channel="integrity check", detail=message)
