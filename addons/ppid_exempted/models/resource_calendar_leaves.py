# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models


class ResourceCalendarLeaves(models.Model):
    """Public holidays (national holidays and cuti bersama) of a body's working
    calendar. Every PPID deadline counts on them (Perpres 21/2023; SKB cuti
    bersama), so every change to a tagged holiday is in the audit log."""

    _inherit = "resource.calendar.leaves"

    ppid_holiday_type = fields.Selection(
        selection=[
            ("national", "National holiday"),
            ("cuti_bersama", "Cuti bersama"),
        ],
        string="Indonesian Holiday Type",
        help="Cuti bersama counts as a non-working day only where the public body "
        "says so in the PPID settings.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        self.env["ppid.audit.log"]._log_creation(leaves._ppid_holidays())
        return leaves

    def write(self, vals):
        Audit = self.env["ppid.audit.log"]
        # A leave tagged before or after the write is a holiday of the register.
        tagged = self._ppid_holidays() if "ppid_holiday_type" not in vals else self
        names = Audit._audited_names(tagged, list(vals))
        before = Audit._snapshot(tagged, names)
        result = super().write(vals)
        if "ppid_holiday_type" in vals:
            tagged = tagged.filtered(
                lambda leave: (
                    leave.ppid_holiday_type
                    or before.get(leave.id, {}).get("ppid_holiday_type")
                )
            )
        Audit._log_changes(tagged, before, names)
        return result

    def unlink(self):
        self.env["ppid.audit.log"]._log_deletion(self._ppid_holidays())
        return super().unlink()

    def _ppid_holidays(self):
        return self.filtered("ppid_holiday_type")
