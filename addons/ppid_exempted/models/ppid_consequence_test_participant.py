# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

SIGNATURE_FIELDS = ("signed_datetime", "signed_by_id")
# Who a signature vouches for: these cannot change once the participant signed.
IDENTITY_FIELDS = ("test_id", "user_id", "external_name", "position", "capacity")


class PpidConsequenceTestParticipant(models.Model):
    """A participant of a consequence-test session, who signs its sheet."""

    _name = "ppid.consequence.test.participant"
    _description = "Consequence Test Participant"
    _order = "test_id, sequence, id"
    _check_company_auto = True

    test_id = fields.Many2one(
        comodel_name="ppid.consequence.test",
        string="Consequence Test",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        related="test_id.company_id", store=True, string="Public Body"
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        index=True,
        ondelete="restrict",
        help="The participant signs with this user. A participant from outside the "
        "body (an expert) signs through a user account of their own.",
    )
    external_name = fields.Char(
        help="Name of a participant from outside the body, e.g. an expert."
    )
    name = fields.Char(compute="_compute_name", store=True)
    position = fields.Char(help="Position (jabatan) or affiliation, as printed.")
    capacity = fields.Selection(
        selection=[
            ("ppid", "PPID"),
            ("unit", "Holding unit"),
            ("committee", "Tim Pertimbangan"),
            ("expert", "Expert"),
        ],
        required=True,
        default="committee",
    )
    signed_datetime = fields.Datetime(string="Signed on", readonly=True, copy=False)
    signed_by_id = fields.Many2one(
        comodel_name="res.users", string="Signed by", readonly=True, copy=False
    )
    is_signed = fields.Boolean(compute="_compute_is_signed")
    can_sign = fields.Boolean(compute="_compute_can_sign")

    _test_user_uniq = models.Constraint(
        "UNIQUE(test_id, user_id)", "A user takes part in a session only once."
    )

    @api.depends("user_id.name", "external_name")
    def _compute_name(self):
        for participant in self:
            participant.name = participant.external_name or participant.user_id.name

    @api.depends("signed_datetime")
    def _compute_is_signed(self):
        for participant in self:
            participant.is_signed = bool(participant.signed_datetime)

    @api.depends("user_id", "signed_datetime", "test_id.state")
    @api.depends_context("uid")
    def _compute_can_sign(self):
        for participant in self:
            participant.can_sign = (
                participant.user_id == self.env.user
                and not participant.signed_datetime
                and participant.test_id.state == "draft"
            )

    @api.constrains("user_id", "external_name")
    def _check_identified(self):
        for participant in self:
            if not (participant.user_id or participant.external_name):
                raise ValidationError(
                    self.env._("Give the participant's user or name.")
                )

    # ------------------------------------------------------------------
    # CRUD: nobody signs for someone else
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if any(name in vals for vals in vals_list for name in SIGNATURE_FIELDS):
            raise AccessError(
                self.env._("A participant signs with the Sign button, and only then.")
            )
        tests = self.env["ppid.consequence.test"].browse(
            {vals.get("test_id") for vals in vals_list if vals.get("test_id")}
        )
        # Who takes part is part of what the signatures vouch for.
        tests._check_content_editable()
        return super().create(vals_list)

    def write(self, vals):
        if any(name in vals for name in SIGNATURE_FIELDS):
            raise AccessError(
                self.env._(
                    "A signature is given by the participant with the Sign button; "
                    "nobody signs for someone else."
                )
            )
        self.test_id._check_not_done()
        if any(name in vals for name in IDENTITY_FIELDS):
            signed = self.filtered("signed_datetime")
            if signed:
                raise UserError(
                    self.env._(
                        "%(names)s already signed: reset the signatures before "
                        "changing who takes part.",
                        names=", ".join(signed.mapped("name")),
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_unsigned(self):
        self.test_id._check_content_editable()
        signed = self.filtered("signed_datetime")
        if signed:
            raise UserError(
                self.env._(
                    "%(names)s already signed: a signature is never deleted; reset "
                    "the signatures first.",
                    names=", ".join(signed.mapped("name")),
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_sign(self):
        """The participant's own signature: user and time (rule 5)."""
        for participant in self:
            if participant.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only %(name)s can sign as %(name)s.", name=participant.name
                    )
                )
            if participant.test_id.state != "draft":
                raise UserError(
                    self.env._("The session is complete: it can no longer be signed.")
                )
            if participant.signed_datetime:
                raise UserError(self.env._("You have already signed this session."))
        now = fields.Datetime.now()
        # The signature fields are refused by write(): only this method sets them.
        super(PpidConsequenceTestParticipant, self.sudo()).write(
            {"signed_datetime": now, "signed_by_id": self.env.uid}
        )
        capacities = dict(self._fields["capacity"]._description_selection(self.env))
        for participant in self:
            participant.test_id.sudo().message_post(
                body=self.env._(
                    "%(name)s signed the consequence test as %(capacity)s.",
                    name=participant.name,
                    capacity=capacities[participant.capacity],
                )
            )
        return True

    def _reset_signatures(self):
        return super(PpidConsequenceTestParticipant, self.sudo()).write(
            dict.fromkeys(SIGNATURE_FIELDS, False)
        )
