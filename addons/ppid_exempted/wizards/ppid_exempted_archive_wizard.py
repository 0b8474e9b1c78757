# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models
from odoo.exceptions import UserError


class PpidExemptedArchiveWizard(models.TransientModel):
    """Asks the reason before archiving exempted information (rule 27)."""

    _name = "ppid.exempted.archive.wizard"
    _description = "Archive Exempted Information with a Reason"

    information_ids = fields.Many2many(
        comodel_name="ppid.exempted.information", string="Items", required=True
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason for archiving."))
        self.information_ids.write({"active": False, "archive_reason": self.reason})
        return {"type": "ir.actions.act_window_close"}
