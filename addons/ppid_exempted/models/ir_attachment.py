# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .ppid_vault_policy import CONTENT_FIELDS, VAULT_MODEL


class IrAttachment(models.Model):
    """The softcopy vault sits on ir.attachment itself, the level every path to
    a file goes through (form, chatter, /web/content, /web/image, RPC, mail,
    reports): an attachment of an exempted item is readable only by the roles
    the vault policy (ppid.vault.policy) names, never public, never indexed,
    never shared by a token, never deleted once the item is handed over, and
    fingerprinted when stored. Each override below asks the policy."""

    _inherit = "ir.attachment"

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("public", "res_model")
    def _check_ppid_vault_not_public(self):
        for attachment in self:
            if attachment.public and attachment.res_model == VAULT_MODEL:
                raise ValidationError(
                    self.env._(
                        "%(file)s belongs to exempted information and can never be "
                        "public.",
                        file=attachment.name,
                    )
                )

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if self.env.su or not self:
            return result
        forbidden = result[0] if result else self.browse()
        denied = self.env["ppid.vault.policy"]._denied_attachments(
            self - forbidden, operation
        )
        if not denied:
            return result
        forbidden = self.browse(forbidden._ids + denied._ids)

        def error_func():
            return AccessError(
                self.env._(
                    "These documents belong to exempted information; your role "
                    "does not allow you to read them. (Operation: %(operation)s, "
                    "records: %(records)s)",
                    operation=operation,
                    records=forbidden[:6],
                )
            )

        return forbidden, (result[1] if result else error_func)

    @api.model
    def _search(
        self,
        domain,
        offset=0,
        limit=None,
        order=None,
        *,
        active_test=True,
        bypass_access=False,
    ):
        policy = self.env["ppid.vault.policy"]
        # Content conditions stay outside the vault even where a relation
        # bypasses access (mail.message.attachment_ids, "any!").
        domain = policy._content_guarded_domain(domain, order=order)
        if not (self.env.su or bypass_access):
            domain &= policy._attachment_search_domain()
        return super()._search(
            domain,
            offset,
            limit,
            order,
            active_test=active_test,
            bypass_access=bypass_access,
        )

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        domain = self.env["ppid.vault.policy"]._content_guarded_domain(
            domain, fnames=(*groupby, *aggregates), order=order
        )
        return super()._read_group(
            domain, groupby, aggregates, having, offset, limit, order
        )

    def _can_return_content(self, field_name=None, access_token=None):
        # An access token or the public flag never opens a vault document:
        # ir.binary checks the user's own access for those (see ir_binary.py).
        if self.sudo().res_model == VAULT_MODEL:
            return False
        return super()._can_return_content(field_name, access_token)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self.env["ppid.vault.policy"]._check_attach(vals_list)
        attachments = super().create(vals_list)
        self.env["ppid.vault.document"]._register_stored(attachments, "upload")
        return attachments

    def write(self, vals):
        policy = self.env["ppid.vault.policy"]
        policy._check_relink(self, vals)
        policy._check_frozen(self, vals)
        result = super().write(vals)
        if CONTENT_FIELDS & vals.keys() - {"index_content", "thumbnail"}:
            self.env["ppid.vault.document"]._register_stored(self, "replace")
        elif {"res_model", "res_id"} & vals.keys():
            # A chatter upload is linked to its item when the message is posted.
            self.env["ppid.vault.document"]._register_stored(self, "upload")
        elif "index_content" in vals:
            self._ppid_clear_index()
        return result

    def generate_access_token(self):
        self.env["ppid.vault.policy"]._check_token(self)
        return super().generate_access_token()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_ppid_vault(self):
        """Documents of exempted information that has been handed over are
        never deleted, not even by the system."""
        vault = self.sudo().filtered(lambda a: a.res_model == VAULT_MODEL)
        items = self.env[VAULT_MODEL].sudo().browse(vault.mapped("res_id")).exists()
        if any(item.state != "draft" for item in items):
            raise UserError(
                self.env._(
                    "The documents of exempted information that has been handed "
                    "over are never deleted."
                )
            )
        # A draft's documents go with their fingerprints.
        self.env["ppid.vault.document"].sudo().search(
            [("attachment_id", "in", vault.ids)]
        ).unlink()

    def copy_data(self, default=None):
        if not self.env.su and self._ppid_vault_documents():
            raise AccessError(
                self.env._(
                    "Documents of exempted information are never copied; download "
                    "them instead, which is logged."
                )
            )
        return super().copy_data(default=default)

    def _read_format(self, fnames, load="_classic_read"):
        content = self.env["ppid.vault.policy"]._check_content_read(self, fnames)
        result = super()._read_format(fnames, load=load)
        if content and self.env.context.get("ppid_vault_no_email"):
            # Vault documents never leave by e-mail (see mail_mail.py).
            vault_ids = set(self._ppid_vault_documents()._ids)
            for values in result:
                if values["id"] in vault_ids:
                    values.update(dict.fromkeys(content, False))
        return result

    def export_data(self, fields_to_export):
        names = {path.split("/")[0] for path in fields_to_export}
        self.env["ppid.vault.policy"]._check_content_read(self, names, exporting=True)
        return super().export_data(fields_to_export)

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _ppid_clear_index(self):
        """Vault files keep no text index: their text would be searchable
        (PP 61/2010 Ps 5: exempted content reaches only those who may read
        it, and only by the logged download)."""
        vault = self._ppid_vault_documents()
        if not vault:
            return
        vault.flush_recordset(["index_content"])
        self.env.cr.execute(
            SQL(
                "UPDATE ir_attachment SET index_content = NULL "
                "WHERE id IN %s AND index_content IS NOT NULL",
                tuple(vault.ids),
            )
        )
        vault.invalidate_recordset(["index_content"])

    def _ppid_vault_documents(self):
        """The vault documents among `self` (sudo)."""
        return self.env["ppid.vault.policy"]._vault_attachments(self)
