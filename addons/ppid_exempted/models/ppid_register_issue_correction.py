# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

# Stamped when the register goes back to the leadership.
ADDRESSED_FIELDS = {"addressed_by_id", "addressed_datetime"}


class PpidRegisterIssueCorrection(models.Model):
    """Corrections the leadership asks for when it sends a compiled register
    back (Kaltim SOP step 7: "untuk memperoleh perbaikan atau koreksi").

    Written by the return step only; nobody edits or deletes them, so the
    register keeps the record of every round with the leadership.
    """

    _name = "ppid.register.issue.correction"
    _description = "Correction Asked for a Register"
    _order = "returned_datetime desc, id desc"

    issue_id = fields.Many2one(
        comodel_name="ppid.register.issue",
        string="Register",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
    )
    company_id = fields.Many2one(
        related="issue_id.company_id", store=True, string="Public Body", index=True
    )
    reason = fields.Text(string="Corrections", required=True, readonly=True)
    information_ids = fields.Many2many(
        comodel_name="ppid.exempted.information",
        string="Items Concerned",
        readonly=True,
    )
    returned_by_id = fields.Many2one(
        comodel_name="res.users", string="Returned by", readonly=True, required=True
    )
    returned_datetime = fields.Datetime(
        string="Returned on",
        readonly=True,
        required=True,
        default=fields.Datetime.now,
    )
    addressed_by_id = fields.Many2one(
        comodel_name="res.users", string="Resubmitted by", readonly=True
    )
    addressed_datetime = fields.Datetime(string="Resubmitted on", readonly=True)

    def write(self, vals):
        # Only the resubmission stamps a correction, once.
        if (
            not self.env.su
            or set(vals) - ADDRESSED_FIELDS
            or self.filtered("addressed_datetime")
        ):
            raise UserError(
                self.env._("A correction asked by the leadership is never changed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("A correction asked by the leadership is never deleted.")
        )
