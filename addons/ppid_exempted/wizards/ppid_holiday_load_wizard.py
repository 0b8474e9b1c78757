# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models
from odoo.exceptions import UserError


class PpidHolidayLoadWizard(models.TransientModel):
    """Loads a year's Indonesian national holidays and cuti bersama into the
    working calendar of the current public body."""

    _name = "ppid.holiday.load.wizard"
    _description = "Load Indonesian Public Holidays"

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year + 1
    )

    def action_load(self):
        self.ensure_one()
        if not 2000 <= self.year <= 2100:
            raise UserError(self.env._("Choose a year between 2000 and 2100."))
        leaves = self.env.company.ppid_load_holidays([self.year])
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Public Holidays %(year)s", year=self.year),
            "res_model": "resource.calendar.leaves",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", leaves.ids)],
        }
