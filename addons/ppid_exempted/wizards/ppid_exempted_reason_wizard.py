# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models

from ..models.ppid_exempted_information import OPEN_REASON_SELECTION


class PpidExemptedReasonWizard(models.TransientModel):
    """Asks the reason for a return or an opening before moving the items."""

    _name = "ppid.exempted.reason.wizard"
    _description = "Reason for Returning or Opening Exempted Information"

    mode = fields.Selection(
        selection=[("return", "Return"), ("open", "Open")], required=True
    )
    information_ids = fields.Many2many(
        comodel_name="ppid.exempted.information", string="Items", required=True
    )
    reason = fields.Text()
    open_reason = fields.Selection(selection=OPEN_REASON_SELECTION)
    decision_reference = fields.Char(
        help="Number and date of the decision, or of the public court session."
    )

    def action_confirm(self):
        self.ensure_one()
        if self.mode == "return":
            self.information_ids.action_return(self.reason)
        else:
            self.information_ids.action_open(
                self.open_reason, self.reason, self.decision_reference
            )
        return {"type": "ir.actions.act_window_close"}
