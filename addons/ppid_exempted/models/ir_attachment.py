# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain

from .ppid_vault_document import CONTENT_FIELDS, VAULT_MODEL

# What may not change on a vault document once its item is past draft.
FROZEN_FIELDS = frozenset(
    {"res_model", "res_id", "res_field", "raw", "datas", "db_datas", "type", "url"}
)


class IrAttachment(models.Model):
    """The softcopy vault sits on ir.attachment itself, the level every path to
    a file goes through (form, chatter, /web/content, /web/image, RPC, mail,
    reports): an attachment of an exempted item is readable only by the roles
    of VAULT_GROUPS that can read the item, never public, never deleted once
    the item is handed over, and fingerprinted when stored."""

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
        vault = (self - forbidden).sudo().filtered(lambda a: a.res_model == VAULT_MODEL)
        if not vault:
            return result
        scope = self.env["ppid.vault.document"]._readable_items_domain()
        if scope is False:
            denied = vault
        else:
            # Odoo skips the item's access check for public attachments; the
            # vault never does (there should be none, see the constraint).
            public = vault.filtered("public")
            items = self.env[VAULT_MODEL].browse(public.mapped("res_id"))
            allowed_ids = set(
                items._filtered_access("read" if operation == "read" else "write")._ids
            )
            denied = public.filtered(lambda a: a.res_id not in allowed_ids)
            if scope is not None:
                in_scope = set(
                    self.env[VAULT_MODEL]
                    .sudo()
                    .with_context(active_test=False)
                    ._search(scope & Domain("id", "in", vault.mapped("res_id")))
                )
                denied |= vault.filtered(lambda a: a.res_id not in in_scope)
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
        if not (self.env.su or bypass_access):
            domain = Domain(domain) & self._ppid_vault_search_domain()
        return super()._search(
            domain,
            offset,
            limit,
            order,
            active_test=active_test,
            bypass_access=bypass_access,
        )

    @api.model
    def _ppid_vault_search_domain(self):
        outside_vault = Domain("res_model", "not in", [VAULT_MODEL])
        scope = self.env["ppid.vault.document"]._readable_items_domain()
        if scope is False:
            return outside_vault
        # The item's own access is checked by Odoo, except for public
        # attachments, which the vault never has.
        inside = Domain("public", "=", False)
        if scope is not None:
            items = self.env[VAULT_MODEL].sudo().with_context(active_test=False)
            inside &= Domain("res_id", "in", items._search(scope))
        return outside_vault | inside

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
        attachments = super().create(vals_list)
        self.env["ppid.vault.document"]._register_stored(attachments, "upload")
        return attachments

    def write(self, vals):
        self._check_ppid_vault_kept(vals)
        self._check_ppid_vault_frozen(vals)
        result = super().write(vals)
        if CONTENT_FIELDS & vals.keys() - {"index_content", "thumbnail"}:
            self.env["ppid.vault.document"]._register_stored(self, "replace")
        elif {"res_model", "res_id"} & vals.keys():
            # A chatter upload is linked to its item when the message is posted.
            self.env["ppid.vault.document"]._register_stored(self, "upload")
        return result

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
        content = self._ppid_content_fields(fnames)
        if content and not self.env.su and self._ppid_vault_documents():
            raise AccessError(
                self.env._(
                    "The content of exempted documents is only handed out as a "
                    "download, where every download is logged; it is never "
                    "returned by a read."
                )
            )
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
        if (
            self._ppid_content_fields(names, exporting=True)
            and not self.env.su
            and self._ppid_vault_documents()
        ):
            raise AccessError(
                self.env._("The content of exempted documents cannot be exported.")
            )
        return super().export_data(fields_to_export)

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _check_ppid_vault_kept(self, vals):
        """A document of the vault never leaves it, draft or not."""
        if self.env.su or not {"res_model", "res_id"} & vals.keys():
            return
        moved = self._ppid_vault_documents().filtered(
            lambda a: (
                vals.get("res_model", a.res_model) != a.res_model
                or vals.get("res_id", a.res_id) != a.res_id
            )
        )
        if moved:
            raise AccessError(
                self.env._(
                    "Documents of exempted information stay with their item; they "
                    "cannot be moved to another record."
                )
            )

    def _check_ppid_vault_frozen(self, vals):
        """Once the item is handed over, a stored document is neither moved,
        replaced in place nor turned into a link. The item's own binary
        fields are replaced through the item, which keeps the old version."""
        if self.env.su or not FROZEN_FIELDS & vals.keys():
            return
        vault = self.sudo().filtered(lambda a: a.res_model == VAULT_MODEL)
        items = self.env[VAULT_MODEL].sudo().browse(vault.mapped("res_id")).exists()
        if any(item.state != "draft" for item in items):
            raise UserError(
                self.env._(
                    "The documents of exempted information that has been handed "
                    "over cannot be moved or replaced; add a new file instead."
                )
            )

    def _ppid_content_fields(self, fnames, exporting=False):
        """The fields among `fnames` that would hand out content (a binary
        read as its size is not content)."""
        content = CONTENT_FIELDS.intersection(fnames)
        if self.env.context.get("bin_size") and not exporting:
            content &= {"index_content"}
        return content

    def _ppid_vault_documents(self):
        """The vault documents among `self` (sudo)."""
        return self.sudo().filtered(lambda a: a.res_model == VAULT_MODEL)
