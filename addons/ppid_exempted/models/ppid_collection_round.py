# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from .ppid_handover import HANDOVER_CREATE_KEY

HANDOVER_ACTIVITY = "ppid_exempted.mail_activity_type_ppid_handover"


class PpidCollectionRound(models.Model):
    """A collection round (penghimpunan): the PPID Utama asks every PPID
    Pelaksana unit to hand over its exempted information by a deadline."""

    _name = "ppid.collection.round"
    _description = "Collection Round of Exempted Information"
    _inherit = ["mail.thread", "mail.activity.mixin", "ppid.waktu.baku.mixin"]
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
    handover_ids = fields.One2many(
        comodel_name="ppid.handover",
        inverse_name="round_id",
        string="Hand-overs",
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

    def _compute_waktu_baku(self):
        for company, rounds in self.grouped("company_id").items():
            company = company.sudo()
            today = company._ppid_today()
            starts = [day for day in rounds.mapped("date_open") if day]
            calendar = starts and company.ppid_calendar(min(starts), today)
            for collection in rounds:
                collection._set_waktu_baku(
                    company,
                    calendar,
                    collection.date_open,
                    collection._completed_datetime(),
                    today,
                )

    def _completed_datetime(self):
        """The round is complete when every unit notified has handed over and
        each of its hand-overs is documented in full (Kukar SOP step 4)."""
        self.ensure_one()
        collection = self.sudo()
        handovers = collection.handover_ids
        units = collection.line_ids.unit_id
        if not units or units - handovers.unit_id:
            return False
        moments = [handover._completed_datetime() for handover in handovers]
        if not all(moments):
            return False
        return max(moments)

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
        self._record_handovers(units)

    def _record_handovers(self, units):
        """The hand-over record of each unit (Kukar SOP step 2): the items it has
        just handed over join its hand-over awaiting signatures, or open a new
        one once someone has signed the last."""
        Handover = (
            self.env["ppid.handover"].sudo().with_context(**{HANDOVER_CREATE_KEY: True})
        )
        for collection in self.sudo():
            for unit in units:
                handovers = collection.handover_ids.filtered(
                    lambda handover, unit=unit: handover.unit_id == unit
                )
                items = collection.information_ids.filtered(
                    lambda item, unit=unit, handovers=handovers: (
                        item.unit_id == unit
                        and item.state == "submitted"
                        and not handovers._lists_submission(item)
                    )
                )
                if not items:
                    continue
                waiting = handovers.filtered(
                    lambda handover: (
                        not (
                            handover.ppid_signed_datetime
                            or handover.atasan_signed_datetime
                        )
                    )
                )[:1]
                if waiting:
                    waiting._add_items(items)
                else:
                    Handover.create(
                        {
                            "round_id": collection.id,
                            "company_id": collection.company_id.id,
                            "unit_id": unit.id,
                            "information_ids": [fields.Command.set(items.ids)],
                        }
                    )
