# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class PpidRegisterIssueReviewWizard(models.TransientModel):
    """Asks what a step of the register's approval records: the decree of the
    Atasan PPID, the corrections and the items concerned, or where the issued
    list was uploaded. The steps themselves check who may take them."""

    _name = "ppid.register.issue.review.wizard"
    _description = "Approve, Return or Publish a Register"

    issue_id = fields.Many2one(
        comodel_name="ppid.register.issue",
        string="Register",
        required=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="issue_id.company_id")
    mode = fields.Selection(
        selection=[
            ("approve", "Approve"),
            ("return", "Return with Corrections"),
            ("publish", "Record the Upload"),
        ],
        required=True,
        default="approve",
    )
    decree_reference = fields.Char(string="SK Atasan PPID Number")
    decree_date = fields.Date(string="SK Atasan PPID Date")
    reason = fields.Text(string="Corrections")
    information_ids = fields.Many2many(
        comodel_name="ppid.exempted.information",
        string="Items Concerned",
    )
    publication_url = fields.Char(string="Published at (URL)")
    publication_place = fields.Char(string="Published at (place)")

    def action_confirm(self):
        self.ensure_one()
        issue = self.issue_id
        if self.mode == "approve":
            issue._approve(self.decree_reference, self.decree_date)
        elif self.mode == "return":
            issue._return(self.reason, self.information_ids)
        else:
            issue._publish(self.publication_url, self.publication_place)
        return {"type": "ir.actions.act_window_close"}
