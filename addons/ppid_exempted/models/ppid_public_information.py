# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PpidPublicInformation(models.Model):
    """An entry of the list of public information (DIP) available on request.

    Exempted information never belongs here (UU 14/2008 Pasal 11(1)(a)): an entry
    can only point to an item whose exemption has ended.
    """

    _name = "ppid.public.information"
    _description = "Public Information (DIP) Entry"
    _inherit = ["mail.thread"]
    _order = "opened_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True)
    information_id = fields.Many2one(
        comodel_name="ppid.exempted.information",
        string="Former Exempted Information",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    unit_id = fields.Many2one(related="information_id.unit_id", store=True)
    company_id = fields.Many2one(
        related="information_id.company_id", store=True, string="Public Body"
    )
    opened_date = fields.Date(required=True, default=fields.Date.context_today)
    open_reason = fields.Selection(related="information_id.open_reason", store=True)
    announcement = fields.Text(
        help="Announcement of the change of classification, published with the list."
    )

    _information_uniq = models.Constraint(
        "UNIQUE(information_id)", "An item appears only once in the public list."
    )

    @api.constrains("information_id")
    def _check_information_is_open(self):
        for entry in self:
            if entry.information_id.state != "opened":
                raise ValidationError(
                    self.env._(
                        "%(item)s is still exempted: exempted information never "
                        "appears in the list of public information.",
                        item=entry.information_id.display_name,
                    )
                )
