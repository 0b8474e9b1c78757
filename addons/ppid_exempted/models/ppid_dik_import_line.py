# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError


class PpidDikImportLine(models.Model):
    """What the import did with one row of the table: the draft it created, or
    why the row was refused (in Bahasa Indonesia). Written by the import
    only."""

    _name = "ppid.dik.import.line"
    _description = "Row of an Imported Register (DIK)"
    _order = "import_id, row_number, id"

    import_id = fields.Many2one(
        comodel_name="ppid.dik.import",
        required=True,
        readonly=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="import_id.company_id", store=True, string="Public Body", index=True
    )
    row_number = fields.Integer(string="Row", readonly=True)
    title = fields.Char(string="Information", readonly=True)
    status = fields.Selection(
        selection=[("created", "Draft Created"), ("error", "Refused")],
        readonly=True,
        required=True,
    )
    message = fields.Text(string="Errors", readonly=True)
    information_id = fields.Many2one(
        comodel_name="ppid.exempted.information",
        string="Draft",
        readonly=True,
        ondelete="set null",
    )

    def write(self, vals):
        if self:
            raise UserError(self.env._("The result of an import is never changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_with_the_draft_import_only(self):
        if self.import_id.filtered(lambda record: record.state == "done"):
            raise UserError(self.env._("The result of an import is never changed."))
