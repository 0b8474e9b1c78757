# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResCompany(models.Model):
    """The public body (Badan Publik): who sets its classifications, and where."""

    _inherit = "res.company"

    ppid_official_id = fields.Many2one(
        comodel_name="res.users",
        string="PPID Official",
        help="The PPID official who sets the classification of exempted "
        "information (PP 61/2010 Pasal 3 and 4(2)(b)).",
    )
    ppid_official_position = fields.Char(
        string="PPID Official's Position",
        help="As printed on decrees and letters, e.g. Kepala Dinas Komunikasi dan "
        "Informatika selaku PPID Utama.",
    )
    ppid_official_nip = fields.Char(string="PPID Official's NIP")
    ppid_decree_place = fields.Char(
        string="Place of Decrees",
        help="Where decrees are set (PP 61/2010 Pasal 4(2)(f)); the city of the "
        "body when empty.",
    )
