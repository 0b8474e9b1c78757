# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

HANDOVER_ACTIVITY = "ppid_exempted.mail_activity_type_ppid_handover"


class PpidCollectionRound(models.Model):
    """A collection round (penghimpunan): the PPID Utama asks every PPID
    Pelaksana unit to hand over its exempted information by a deadline."""

    _name = "ppid.collection.round"
    _description = "Collection Round of Exempted Information"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_open desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Public Body",
        required=True,
        default=lambda self: self.env.company,
    )
    date_open = fields.Date(
        string="Notified on", readonly=True, copy=False, tracking=True
    )
    deadline = fields.Date(
        required=True,
        tracking=True,
        default=lambda self: self._default_deadline(),
        help="Hand-over deadline; by default the SOP's notification and hand-over "
        "times in working days from today.",
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        comodel_name="ppid.collection.round.line",
        inverse_name="round_id",
        string="Units",
        copy=False,
    )
    information_ids = fields.One2many(
        comodel_name="ppid.exempted.information",
        inverse_name="collection_round_id",
        string="Exempted Information",
    )
    letter_ids = fields.One2many(
        comodel_name="ppid.collection.round.letter",
        inverse_name="round_id",
        string="Notification Letters",
        readonly=True,
        copy=False,
    )
    late_count = fields.Integer(compute="_compute_counts")
    handed_over_count = fields.Integer(compute="_compute_counts")
    acknowledged_count = fields.Integer(compute="_compute_counts")

    @api.model
    def _default_deadline(self):
        return self._deadline_from(self.env.company, fields.Date.context_today(self))

    @api.model
    def _deadline_from(self, company, day):
        """The round's rule (Kukar SOP steps 1 and 2): the notification and the
        hand-over times, in working days of the body's calendar from `day`."""
        days = company.ppid_sla_notification_days + company.ppid_sla_handover_days
        return company.ppid_add_working_days(day, days)

    @api.depends("line_ids.status", "letter_ids.state")
    def _compute_counts(self):
        for collection in self:
            statuses = collection.line_ids.mapped("status")
            collection.late_count = statuses.count("late")
            collection.handed_over_count = statuses.count("handed_over")
            collection.acknowledged_count = collection.letter_ids.mapped("state").count(
                "acknowledged"
            )

    def action_open(self):
        """Notify every PPID Pelaksana unit: an activity for its officers and the
        round's lines that track who has handed over."""
        for collection in self:
            if collection.state != "draft":
                raise UserError(self.env._("Only a draft round can be opened."))
            units = self.env["ppid.unit"].search(
                [
                    ("company_id", "=", collection.company_id.id),
                    ("unit_type", "=", "pelaksana"),
                ]
            )
            if not units:
                raise UserError(
                    self.env._("There is no PPID Pelaksana unit to notify.")
                )
            today = collection.company_id._ppid_today()
            if collection.deadline < today:
                raise UserError(
                    self.env._(
                        "The deadline %(deadline)s has passed: set a new one (by "
                        "the SOP, %(rule)s).",
                        deadline=collection.deadline,
                        rule=self._deadline_from(collection.company_id, today),
                    )
                )
            collection.write(
                {
                    "state": "open",
                    "date_open": today,
                    "line_ids": [
                        fields.Command.create({"unit_id": u.id}) for u in units
                    ],
                }
            )
            collection._send_letters(units, today)
            for user in units.user_ids:
                collection.activity_schedule(
                    HANDOVER_ACTIVITY,
                    date_deadline=collection.deadline,
                    user_id=user.id,
                )

    def _send_letters(self, units, day):
        """One numbered letter per unit, dated the day the round notifies."""
        self.ensure_one()
        sequence = self.env["ir.sequence"].sudo()
        self.env["ppid.collection.round.letter"].sudo().with_context(
            ppid_round_notifies=True
        ).create(
            [
                {
                    "name": sequence.next_by_code("ppid.collection.round.letter")
                    or "/",
                    "round_id": self.id,
                    "unit_id": unit.id,
                    "date": day,
                }
                for unit in units
            ]
        )

    def action_close(self):
        self.write({"state": "closed"})
        self.activity_unlink([HANDOVER_ACTIVITY])

    def _handed_over(self, units):
        """Close the hand-over activities of the officers of `units`, whoever of
        them handed over."""
        if not self:
            return
        activities = (
            self.sudo()
            .activity_search([HANDOVER_ACTIVITY])
            .filtered(lambda activity: activity.user_id in units.user_ids)
        )
        activities.action_feedback()
