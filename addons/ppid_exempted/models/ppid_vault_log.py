# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.http import request


class PpidVaultLog(models.Model):
    """Append-only log of what happened to the documents of the vault.

    Every upload, replacement and download (permitted or refused) of an
    exempted document, every integrity alert, and every run of Python code
    in a server action by a user (a way around every rule, see the README),
    with who, when, which file, which item and from which address. Rows are
    added by the system only; no one, not even an administrator, may change
    or delete them.
    """

    _name = "ppid.vault.log"
    _inherit = ["ppid.append.only.mixin"]
    _description = "Document Access Log"
    _order = "date desc, id desc"
    _rec_name = "file_name"

    date = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now, index=True
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        readonly=True,
        ondelete="restrict",
        index=True,
    )
    event = fields.Selection(
        selection=[
            ("upload", "Stored"),
            ("replace", "Replaced"),
            ("download", "Downloaded"),
            ("denied", "Refused"),
            ("mismatch", "Content Changed"),
            ("missing", "File Missing"),
            ("code", "Code Run"),
        ],
        required=True,
        readonly=True,
        index=True,
    )
    document_id = fields.Many2one(
        comodel_name="ppid.vault.document",
        string="Vault Document",
        readonly=True,
        ondelete="set null",
        index=True,
    )
    attachment_ref = fields.Integer(string="Attachment ID", readonly=True)
    file_name = fields.Char(readonly=True)
    information_id = fields.Many2one(
        comodel_name="ppid.exempted.information",
        string="Exempted Information",
        readonly=True,
        ondelete="set null",
        index=True,
    )
    information_ref = fields.Char(string="Item Reference", readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Public Body", readonly=True, index=True
    )
    ip_address = fields.Char(string="IP Address", readonly=True)
    channel = fields.Char(
        readonly=True, help="The route or call through which the file was reached."
    )
    sha256 = fields.Char(string="SHA-256", readonly=True)
    detail = fields.Text(readonly=True)

    # ------------------------------------------------------------------
    # CRUD: append only
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    @api.model
    def _append(self, vals_list):
        """Add rows as the system, with who, when and from where."""
        if not vals_list:
            return self.browse()
        ip_address = False
        channel = False
        if request:
            ip_address = request.httprequest.remote_addr
            channel = request.httprequest.path
        items = (
            self.env["ppid.exempted.information"]
            .sudo()
            .browse({vals.get("information_id") or 0 for vals in vals_list} - {0})
            .exists()
        )
        item_by_id = {item.id: item for item in items}
        rows = []
        for vals in vals_list:
            item = item_by_id.get(vals.get("information_id"))
            rows.append(
                {
                    "user_id": self.env.uid,
                    "ip_address": ip_address,
                    "information_ref": item.name if item else False,
                    "company_id": item.company_id.id if item else False,
                    **vals,
                    "channel": vals.get("channel") or channel,
                }
            )
        return self.sudo().create(rows)
