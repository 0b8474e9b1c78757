# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResourceCalendarLeaves(models.Model):
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
