# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import datetime, time

from odoo import api, fields, models


class PpidCollectionRoundLine(models.Model):
    """One unit of a collection round: has it handed over, and in time?"""

    _name = "ppid.collection.round.line"
    _description = "Unit of a Collection Round"
    _order = "round_id, unit_id"

    round_id = fields.Many2one(
        comodel_name="ppid.collection.round", required=True, ondelete="cascade"
    )
    unit_id = fields.Many2one(comodel_name="ppid.unit", required=True)
    company_id = fields.Many2one(related="round_id.company_id", store=True)
    handed_over_datetime = fields.Datetime(
        compute="_compute_handover", store=True, string="Handed Over"
    )
    item_count = fields.Integer(compute="_compute_handover", store=True, string="Items")
    status = fields.Selection(
        selection=[
            ("pending", "Pending"),
            ("handed_over", "Handed over"),
            ("late", "Late"),
        ],
        compute="_compute_status",
    )

    _round_unit_uniq = models.Constraint(
        "UNIQUE(round_id, unit_id)", "A unit appears once in a collection round."
    )

    @api.depends(
        "round_id.information_ids.submitted_datetime",
        "round_id.information_ids.unit_id",
    )
    def _compute_handover(self):
        for line in self:
            items = line.round_id.information_ids.filtered(
                lambda i, u=line.unit_id: i.unit_id == u and i.submitted_datetime
            )
            line.item_count = len(items)
            line.handed_over_datetime = min(
                items.mapped("submitted_datetime"), default=False
            )

    @api.depends("handed_over_datetime", "round_id.deadline")
    def _compute_status(self):
        now = fields.Datetime.now()
        for line in self:
            company = line.round_id.company_id
            deadline = line.round_id.deadline and company._ppid_to_utc(
                datetime.combine(line.round_id.deadline, time(23, 59, 59))
            )
            handed_over = line.handed_over_datetime
            if handed_over and handed_over <= deadline:
                line.status = "handed_over"
            elif (handed_over or now) > deadline:
                line.status = "late"
            else:
                line.status = "pending"
