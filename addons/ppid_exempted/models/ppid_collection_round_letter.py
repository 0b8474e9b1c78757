# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

NOTIFICATION_REPORT = "ppid_exempted.action_report_notification_letter"
# Set by the round when it notifies, and by the unit's acknowledgement.
LETTER_STAMP_FIELDS = {
    "name",
    "round_id",
    "unit_id",
    "date",
    "acknowledged_by_id",
    "acknowledged_datetime",
}


class PpidCollectionRoundLetter(models.Model):
    """The notification letter (surat pemberitahuan) of a collection round to
    one PPID Pelaksana unit (Kukar SOP step 1), numbered and dated, with the
    unit's acknowledgement of receipt.

    Its deadline is the round's: one date, computed by the round's rule on the
    body's working-day calendar, printed on the letter and tracked by the
    round (Perpres 21/2023 working days).
    """

    _name = "ppid.collection.round.letter"
    _description = "Notification Letter of a Collection Round"
    _order = "date desc, name desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Letter Number", required=True, readonly=True)
    round_id = fields.Many2one(
        comodel_name="ppid.collection.round",
        string="Collection Round",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
    )
    company_id = fields.Many2one(
        related="round_id.company_id", store=True, string="Public Body", index=True
    )
    unit_id = fields.Many2one(
        comodel_name="ppid.unit",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
    )
    date = fields.Date(string="Letter Date", required=True, readonly=True)
    deadline = fields.Date(
        related="round_id.deadline",
        store=True,
        string="Hand-over Deadline",
        help="The round's deadline: the letter prints the date the round tracks.",
    )
    acknowledgement_due = fields.Date(
        compute="_compute_acknowledgement_due",
        store=True,
        help="The letter is received within the SOP's notification time, in "
        "working days of the body's calendar.",
    )
    acknowledged_by_id = fields.Many2one(
        comodel_name="res.users", string="Received by", readonly=True
    )
    acknowledged_datetime = fields.Datetime(string="Received on", readonly=True)
    state = fields.Selection(
        selection=[("sent", "Sent"), ("acknowledged", "Receipt Acknowledged")],
        compute="_compute_state",
        store=True,
    )
    acknowledged_late = fields.Boolean(
        compute="_compute_state", store=True, string="Received Late"
    )
    can_acknowledge = fields.Boolean(compute="_compute_can_acknowledge")

    _round_unit_uniq = models.Constraint(
        "UNIQUE(round_id, unit_id)",
        "A collection round sends one letter to each unit.",
    )

    @api.depends("date", "company_id")
    def _compute_acknowledgement_due(self):
        for letter in self:
            company = letter.company_id
            letter.acknowledgement_due = letter.date and company.ppid_add_working_days(
                letter.date, company.ppid_sla_notification_days
            )

    @api.depends("acknowledged_datetime", "acknowledgement_due")
    def _compute_state(self):
        for letter in self:
            received = letter.acknowledged_datetime
            letter.state = "acknowledged" if received else "sent"
            letter.acknowledged_late = bool(
                received
                and letter.company_id._ppid_to_local(received).date()
                > letter.acknowledgement_due
            )

    @api.depends("state", "unit_id")
    @api.depends_context("uid")
    def _compute_can_acknowledge(self):
        for letter in self:
            letter.can_acknowledge = letter._check_acknowledge(raise_if_not=False)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get("ppid_round_notifies") or not self.env.su:
            raise UserError(
                self.env._("Notification letters are sent by opening the round.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) & LETTER_STAMP_FIELDS:
            raise UserError(
                self.env._(
                    "A notification letter keeps its number, date and receipt as "
                    "they were recorded."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A notification letter sent is never deleted."))

    # ------------------------------------------------------------------
    # Acknowledgement of receipt: by an officer of the unit, with the time
    # ------------------------------------------------------------------

    def _check_acknowledge(self, raise_if_not=True):
        self.ensure_one()
        user = self.env.user
        error = None
        if self.acknowledged_datetime:
            error = UserError(
                self.env._(
                    "%(letter)s was already received on %(date)s.",
                    letter=self.name,
                    date=self.acknowledged_datetime,
                )
            )
        elif not (
            user.has_group("ppid_exempted.group_ppid_pelaksana")
            and self.unit_id
            in self.env["ppid.unit"].search(
                [("id", "child_of", user.ppid_unit_ids.ids)]
            )
        ):
            error = AccessError(
                self.env._(
                    "Only an officer of %(unit)s acknowledges the receipt of its "
                    "letter.",
                    unit=self.unit_id.name,
                )
            )
        if error and raise_if_not:
            raise error
        return not error

    def action_acknowledge(self):
        for letter in self:
            letter._check_acknowledge()
        return super(PpidCollectionRoundLetter, self.sudo()).write(
            {
                "acknowledged_by_id": self.env.uid,
                "acknowledged_datetime": fields.Datetime.now(),
            }
        )

    def action_print(self):
        """The letter as printed by the notification-letter report, with the
        number, date and deadline of this record."""
        self.ensure_one()
        return self.env.ref(NOTIFICATION_REPORT).report_action(
            self.unit_id, data=self._report_data()
        )

    def _report_data(self):
        return {
            "letter_number": self.name,
            "letter_date": fields.Date.to_string(self.date),
            "deadline": fields.Date.to_string(self.deadline),
        }
