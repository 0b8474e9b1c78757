# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models


class PpidScheduledOpeningWizard(models.TransientModel):
    """Asks the head the date and the reason of an opening that takes effect
    at the end of the period (PP 61/2010 Ps 11(2); Bontang SOP step 3)."""

    _name = "ppid.scheduled.opening.wizard"
    _description = "Open Exempted Information at a Later Date"

    information_id = fields.Many2one(
        comodel_name="ppid.exempted.information", string="Item", required=True
    )
    period_end_date = fields.Date(related="information_id.period_end_date")
    open_date = fields.Date(
        string="Opening Takes Effect On",
        required=True,
        help="The end of the exemption period, or an earlier date not before today.",
    )
    note = fields.Text(string="Reason of the Decision", required=True)

    @api.onchange("information_id")
    def _onchange_information_id(self):
        if self.information_id and not self.open_date:
            self.open_date = self.information_id.period_end_date

    def action_confirm(self):
        self.ensure_one()
        self.information_id.action_schedule_opening(self.open_date, self.note)
        return {"type": "ir.actions.act_window_close"}
