# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class PpidCustodyTransferWizard(models.TransientModel):
    """Records where the hardcopy goes and who holds it from now on."""

    _name = "ppid.custody.transfer.wizard"
    _description = "Transfer the Hardcopy of Exempted Information"

    information_id = fields.Many2one(
        comodel_name="ppid.exempted.information", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="information_id.company_id")
    location_id = fields.Many2one(
        comodel_name="ppid.archive.location",
        domain="[('company_id', '=', company_id)]",
    )
    holder_user_id = fields.Many2one(comodel_name="res.users", string="Holder")
    holder_partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Outside Holder",
        help="When the paper is lent outside the PPID.",
    )
    note = fields.Text(help="Why the paper moves, and against which receipt.")

    def action_confirm(self):
        self.ensure_one()
        self.information_id._transfer_custody(
            self.location_id, self.holder_user_id, self.holder_partner_id, self.note
        )
        return {"type": "ir.actions.act_window_close"}
