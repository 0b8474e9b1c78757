# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class PpidCustodyTransfer(models.Model):
    """One step of the custody history of an item's hardcopy: where the paper
    went and who held it from then on. Append-only, written by the system
    whenever the location or the holder of the hardcopy changes."""

    _name = "ppid.custody.transfer"
    _inherit = ["ppid.append.only.mixin"]
    _description = "Hardcopy Custody Transfer"
    _order = "date desc, id desc"
    _rec_name = "information_id"

    date = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now, index=True
    )
    information_id = fields.Many2one(
        comodel_name="ppid.exempted.information",
        string="Exempted Information",
        required=True,
        readonly=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="information_id.company_id", store=True, string="Public Body"
    )
    unit_id = fields.Many2one(related="information_id.unit_id", store=True)
    from_location_id = fields.Many2one(
        comodel_name="ppid.archive.location", readonly=True, ondelete="restrict"
    )
    location_id = fields.Many2one(
        comodel_name="ppid.archive.location",
        string="To Location",
        readonly=True,
        ondelete="restrict",
    )
    from_holder_user_id = fields.Many2one(
        comodel_name="res.users", string="From Holder", readonly=True
    )
    holder_user_id = fields.Many2one(
        comodel_name="res.users", string="Holder", readonly=True
    )
    from_holder_partner_id = fields.Many2one(
        comodel_name="res.partner", string="From Outside Holder", readonly=True
    )
    holder_partner_id = fields.Many2one(
        comodel_name="res.partner", string="Outside Holder", readonly=True
    )
    recorded_by_id = fields.Many2one(
        comodel_name="res.users",
        readonly=True,
        default=lambda self: self.env.uid,
    )
    note = fields.Text(readonly=True)

    def _deletable(self):
        # A draft item may be deleted, and its history with it (cascade).
        return self.filtered(lambda transfer: transfer.information_id.state == "draft")
