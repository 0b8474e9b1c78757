# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An item as the holder of vault material (rules 23, 24, 27): its documents
(who stores them, superseded versions kept, reads and exports through the
vault policy, followers and chatter files), the custody of its hardcopy
(each move a transfer row), and archiving with a reason. The item's create()
and write() call the hooks _vault_before_create/_vault_after_create and
_vault_before_write/_vault_after_write."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .ppid_vault_policy import DOCUMENT_FIELDS, DOCUMENT_FILENAME_FIELDS

# Where the paper is and who holds it; each change is a custody transfer.
CUSTODY_FIELDS = (
    "hardcopy_location_id",
    "hardcopy_holder_user_id",
    "hardcopy_holder_partner_id",
)
# What the documentation officer records about the hardcopy (rules 23, 24).
HARDCOPY_FIELDS = (
    *CUSTODY_FIELDS,
    "archive_classification_id",
    "retention_active_years",
    "retention_inactive_years",
    "final_disposition",
    "jra_reference",
    "documentation_waiver_reason",
)
ACTIVE_DOCUMENTED_STATES = ("documented", "expiring")


class PpidVaultHolderMixin(models.AbstractModel):
    """Document access, hardcopy custody and archiving with a reason of a
    register item (rules 23, 24, 27)."""

    _name = "ppid.vault.holder.mixin"
    _description = "Holder of Vault Documents and a Hardcopy"

    archive_reason = fields.Text(tracking=True, copy=False, readonly=True)
    can_read_documents = fields.Boolean(compute="_compute_can_read_documents")
    vault_document_ids = fields.One2many(
        comodel_name="ppid.vault.document",
        inverse_name="information_id",
        string="Stored Documents",
    )
    custody_transfer_ids = fields.One2many(
        comodel_name="ppid.custody.transfer",
        inverse_name="information_id",
        string="Custody History",
    )
    vault_log_ids = fields.One2many(
        comodel_name="ppid.vault.log",
        inverse_name="information_id",
        string="Document Access Log",
        groups="ppid_exempted.group_ppid_auditor,ppid_exempted.group_ppid_head,"
        "ppid_exempted.group_ppid_documentation",
    )
    integrity_alert = fields.Boolean(
        compute="_compute_integrity_alert", search="_search_integrity_alert"
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends_context("uid")
    def _compute_can_read_documents(self):
        may_read = self.env["ppid.vault.document"]._user_may_read_documents()
        for item in self:
            item.can_read_documents = may_read

    @api.depends("vault_document_ids.integrity_state")
    def _compute_integrity_alert(self):
        for item in self:
            item.integrity_alert = any(
                state in ("mismatch", "missing")
                for state in item.vault_document_ids.mapped("integrity_state")
            )

    def _search_integrity_alert(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = [("vault_document_ids.integrity_state", "in", ("mismatch", "missing"))]
        return domain if True in value else ["!", *domain]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains(*HARDCOPY_FIELDS)
    def _check_documented_custody(self):
        """Rule 24 keeps holding once the item is documented: its hardcopy
        stays classified, scheduled and located."""
        for item in self.filtered(lambda i: i.state in ACTIVE_DOCUMENTED_STATES):
            keeps_hardcopy = (
                not item.documentation_waiver_reason
                or item.hardcopy_location_id
                or item.archive_classification_id
            )
            missing = item._missing_for_hardcopy() if keeps_hardcopy else []
            if missing:
                raise ValidationError(
                    self.env._(
                        "%(item)s is documented; its hardcopy cannot lose:\n"
                        "- %(missing)s",
                        item=item.display_name,
                        missing="\n- ".join(missing),
                    )
                )

    @api.constrains("retention_active_years", "retention_inactive_years")
    def _check_retention_positive(self):
        if any(
            item.retention_active_years < 0 or item.retention_inactive_years < 0
            for item in self
        ):
            raise ValidationError(self.env._("A retention period cannot be negative."))

    # ------------------------------------------------------------------
    # Hooks of the item's create() and write()
    # ------------------------------------------------------------------

    def _vault_before_create(self, vals_list):
        for vals in vals_list:
            self._check_safeguard_fields(
                vals, draft=vals.get("state", "draft") == "draft"
            )
            if "active" in vals and not vals["active"]:
                raise UserError(self.env._("A new item cannot be created archived."))

    def _vault_after_create(self):
        self._record_custody_transfers({})

    def _vault_before_write(self, vals):
        """Check who records documents, hardcopy and archiving, keep the
        superseded documents; return the custody as it was."""
        self._check_safeguard_fields(vals, draft=all(i.state == "draft" for i in self))
        self._check_archive(vals)
        self._keep_superseded_documents(vals)
        return self._custody_snapshot(vals)

    def _vault_after_write(self, custody_before):
        self._record_custody_transfers(custody_before)

    # ------------------------------------------------------------------
    # Reads, exports, followers and chatter files: the vault policy
    # ------------------------------------------------------------------

    def _read_format(self, fnames, load="_classic_read"):
        self.env["ppid.vault.policy"]._check_item_content_read(self, fnames)
        return super()._read_format(fnames, load=load)

    def export_data(self, fields_to_export):
        self.env["ppid.vault.policy"]._check_item_content_read(
            self,
            {path.split("/")[0] for path in fields_to_export},
            exporting=True,
        )
        return super().export_data(fields_to_export)

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # A follower receives the item's notes and files (see the vault policy).
        if partner_ids and not self.env.su:
            self.env["ppid.vault.policy"]._check_followers(self, partner_ids)
        return super().message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids
        )

    def _process_attachments_for_post(
        self, attachments, attachment_ids, message_values
    ):
        # Files posted in the chatter are vault files too: the same rule as
        # attaching them directly (the vault policy).
        if (attachments or attachment_ids) and not self.env.su:
            item_id = message_values.get("res_id") or self.id
            if message_values.get("model", self._name) == self._name and item_id:
                self.env["ppid.vault.policy"]._check_may_add_files({item_id})
        return super()._process_attachments_for_post(
            attachments, attachment_ids, message_values
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_archive(self):
        """Archiving always asks for a reason (rule 27): every path to it opens
        the wizard; a direct write of active=False without a reason fails."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Archive with a reason"),
            "res_model": "ppid.exempted.archive.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_information_ids": self.ids},
        }

    def action_transfer_custody_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Transfer the hardcopy"),
            "res_model": "ppid.custody.transfer.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_information_id": self.id,
                "default_location_id": self.hardcopy_location_id.id,
                "default_holder_user_id": self.hardcopy_holder_user_id.id,
                "default_holder_partner_id": self.hardcopy_holder_partner_id.id,
            },
        }

    # ------------------------------------------------------------------
    # Business methods: custody and archiving
    # ------------------------------------------------------------------

    def _transfer_custody(self, location, holder_user, holder_partner, note):
        """Move the hardcopy and/or hand it to a new holder, with a note."""
        self.with_context(ppid_custody_note=note).write(
            {
                "hardcopy_location_id": location.id,
                "hardcopy_holder_user_id": holder_user.id,
                "hardcopy_holder_partner_id": holder_partner.id,
            }
        )

    # ------------------------------------------------------------------
    # Business methods: who may change what
    # ------------------------------------------------------------------

    def _check_safeguard_fields(self, vals, draft):
        """Documents and hardcopy data are recorded by the officers who hold
        them: the unit's files while the item is a draft, the softcopy and the
        hardcopy by the documentation officer, the hand-over of the paper also
        by the service officer."""
        if self.env.su:
            return
        roles = self._current_user_roles()
        # The web client sends every empty field of a new record: only values
        # that say something are recorded by someone.
        with_bin_size = self.with_context(bin_size=True)
        vals = {
            name: value
            for name, value in vals.items()
            if value or any(with_bin_size.mapped(name))
        }
        hardcopy = set(vals) & set(HARDCOPY_FIELDS)
        if hardcopy:
            allowed = {"documentation"}
            if hardcopy <= set(CUSTODY_FIELDS):
                allowed.add("service")
            if not allowed & roles:
                raise AccessError(
                    self.env._(
                        "Only the documentation officer records the hardcopy, its "
                        "classification and its retention; the service officer may "
                        "record its hand-over."
                    )
                )
        for name in set(vals) & set(DOCUMENT_FIELDS):
            if name == "softcopy_file" and "documentation" in roles:
                continue
            if "pelaksana" in roles and draft:
                continue
            raise AccessError(
                self.env._(
                    "The unit's files are attached by the unit while the item is a "
                    "draft; afterwards only the documentation officer stores the "
                    "softcopy."
                )
            )

    def _check_archive(self, vals):
        archiving = "active" in vals and not vals["active"]
        if "archive_reason" in vals and not (
            archiving and all(item.active for item in self)
        ):
            raise UserError(
                self.env._(
                    "The reason for archiving is recorded when the item is archived "
                    "and is never rewritten."
                )
            )
        if "active" not in vals:
            return
        items = self.filtered(lambda item: item.active != bool(vals["active"]))
        if not items:
            return
        if not vals["active"] and not (vals.get("archive_reason") or "").strip():
            raise UserError(
                self.env._(
                    "Exempted information is archived only with a reason; use the "
                    "Archive action, which asks for it."
                )
            )
        if self.env.su:
            return
        user = self.env.user
        if user.has_group("ppid_exempted.group_ppid_manager") or user.has_group(
            "ppid_exempted.group_ppid_head"
        ):
            return
        if user.has_group("ppid_exempted.group_ppid_pelaksana") and all(
            item.state == "draft" for item in items
        ):
            return
        raise AccessError(
            self.env._(
                "Only the head of the body or the PPID administrator archives or "
                "restores exempted information that has been handed over."
            )
        )

    def _keep_superseded_documents(self, vals):
        """A document of an item past draft is never lost: replacing it keeps
        the previous version in the vault; removing it is refused."""
        replaced = [name for name in DOCUMENT_FIELDS if name in vals]
        # The files are written after their names, so that the vault registry
        # records the name of the file (never the field's name).
        for name in replaced:
            vals[name] = vals.pop(name)
        items = self.filtered(lambda item: item.state != "draft")
        if not replaced or not items:
            return
        if any(not vals[name] for name in replaced):
            raise UserError(
                self.env._(
                    "The documents of exempted information that has been handed "
                    "over are never deleted; upload a new version instead."
                )
            )
        Attachment = self.env["ir.attachment"].sudo()
        previous = Attachment.search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", items.ids),
                ("res_field", "in", replaced),
            ]
        )
        now = fields.Datetime.to_string(fields.Datetime.now())
        for attachment in previous:
            item = items.browse(attachment.res_id)
            filename = item[DOCUMENT_FILENAME_FIELDS[attachment.res_field]]
            attachment.with_context(ppid_vault_superseded=True).copy(
                {
                    "res_field": False,
                    "name": self.env._(
                        "%(name)s (superseded on %(date)s)",
                        name=filename or attachment.name,
                        date=now,
                    ),
                }
            )

    # ------------------------------------------------------------------
    # Business methods: hardcopy custody (rules 23, 24)
    # ------------------------------------------------------------------

    def _custody_snapshot(self, vals):
        if not set(vals) & set(CUSTODY_FIELDS):
            return None
        return {
            item.id: tuple(item.sudo()[name] for name in CUSTODY_FIELDS)
            for item in self
        }

    def _record_custody_transfers(self, before):
        """One history row per item whose hardcopy moved or changed hands."""
        if before is None:
            return
        note = self.env.context.get("ppid_custody_note")
        rows = []
        empty = (
            self.env["ppid.archive.location"],
            self.env["res.users"],
            self.env["res.partner"],
        )
        for item in self.sudo():
            old = before.get(item.id, empty)
            new = tuple(item[name] for name in CUSTODY_FIELDS)
            if old == new:
                continue
            rows.append(
                {
                    "information_id": item.id,
                    "from_location_id": old[0].id,
                    "location_id": new[0].id,
                    "from_holder_user_id": old[1].id,
                    "holder_user_id": new[1].id,
                    "from_holder_partner_id": old[2].id,
                    "holder_partner_id": new[2].id,
                    "note": note,
                }
            )
        if rows:
            self.env["ppid.custody.transfer"].sudo().create(rows)
