# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResUsers(models.Model):
    """The civil servant number printed under an officer's signature."""

    _inherit = "res.users"  # pylint: disable=R8180

    ppid_nip = fields.Char(
        string="NIP",
        help="Nomor Induk Pegawai, printed under the officer's signature on "
        "receipts, letters and registers.",
    )
