# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class PpidAuditLog(models.Model):
    """Append-only audit trail of the register (rule 27).

    Every creation, state change, change of a recorded field, archiving and
    deletion of a draft, with who and when. The chatter tracks the same
    changes, but chatter messages can be deleted by an administrator; these
    rows cannot be changed or deleted by anyone.
    """

    _name = "ppid.audit.log"
    _inherit = ["ppid.append.only.mixin"]
    _description = "Audit Log"
    _order = "date desc, id desc"
    _rec_name = "information_ref"

    date = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now, index=True
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        readonly=True,
        ondelete="restrict",
        index=True,
        default=lambda self: self.env.uid,
    )
    information_id = fields.Many2one(
        comodel_name="ppid.exempted.information",
        string="Exempted Information",
        readonly=True,
        ondelete="set null",
        index=True,
    )
    information_ref = fields.Char(string="Item Reference", readonly=True)
    unit_id = fields.Many2one(
        comodel_name="ppid.unit", string="Holding Unit", readonly=True, index=True
    )
    company_id = fields.Many2one(
        comodel_name="res.company", string="Public Body", readonly=True, index=True
    )
    event = fields.Selection(
        selection=[
            ("create", "Created"),
            ("state", "State Changed"),
            ("field", "Field Changed"),
            ("archive", "Archived"),
            ("unarchive", "Restored"),
            ("delete", "Draft Deleted"),
        ],
        required=True,
        readonly=True,
        index=True,
    )
    field_name = fields.Char(string="Technical Field Name", readonly=True)
    field_description = fields.Char(string="Field", readonly=True)
    old_value = fields.Text(readonly=True)
    new_value = fields.Text(readonly=True)
    reason = fields.Text(readonly=True)

    # ------------------------------------------------------------------
    # CRUD: append only
    # ------------------------------------------------------------------
