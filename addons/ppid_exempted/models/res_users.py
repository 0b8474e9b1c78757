# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    ppid_unit_ids = fields.Many2many(
        comodel_name="ppid.unit",
        relation="ppid_unit_res_users_rel",
        column1="user_id",
        column2="unit_id",
        string="PPID Units",
    )
