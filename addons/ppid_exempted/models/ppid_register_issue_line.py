# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models

from .ppid_register import REGISTER_COLUMNS


class PpidRegisterIssueLine(models.Model):
    """A row of an issued register, copied as text when it was issued.

    The copy does not follow later changes of the item: it is what the register
    said on the day it was issued. Lines are never edited.
    """

    _name = "ppid.register.issue.line"
    _description = "Row of an Issued Register of Exempted Information"
    _order = "issue_id, sequence, id"

    issue_id = fields.Many2one(
        comodel_name="ppid.register.issue",
        string="Issued Register",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        related="issue_id.company_id", store=True, string="Public Body", index=True
    )
    sequence = fields.Integer(string="No.", readonly=True)
    information_id = fields.Many2one(
        comodel_name="ppid.exempted.information",
        string="Exempted Information",
        ondelete="restrict",
        index=True,
        readonly=True,
    )
    unit_id = fields.Many2one(
        comodel_name="ppid.unit", ondelete="restrict", index=True, readonly=True
    )
    reference = fields.Char(string="Code", readonly=True)
    title = fields.Char(string="Information", readonly=True)
    legal_basis = fields.Char(readonly=True)
    consequence_if_opened = fields.Text(readonly=True)
    consequence_if_closed = fields.Text(readonly=True)
    period = fields.Char(readonly=True)
    period_end_date = fields.Date(
        string="End of the Exemption Period",
        readonly=True,
        help="The end date of the period when it was issued: the key of a "
        "register ordered by exemption period.",
    )
    unit = fields.Char(string="Holding Unit", readonly=True)
    decree = fields.Char(readonly=True)

    @api.depends("issue_id.name", "sequence")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.issue_id.name} #{line.sequence}"

    @api.model_create_multi
    def create(self, vals_list):
        issue_ids = {vals.get("issue_id") for vals in vals_list}
        issues = self.env["ppid.register.issue"].browse(issue_ids)
        issues.check_access("read")
        issues._check_not_issued()
        return super().create(vals_list)

    def write(self, vals):
        # Rows exist only on issued registers: they are never edited.
        self.issue_id._check_not_issued()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never_when_issued(self):
        self.issue_id._check_not_issued()

    def _as_row(self):
        """The line as a register row, with the keys of the live rows."""
        self.ensure_one()
        row = {
            key: self[key] or "" for key, _heading in REGISTER_COLUMNS if key != "no"
        }
        row["no"] = str(self.sequence)
        row["period_end_date"] = self.period_end_date
        return row
