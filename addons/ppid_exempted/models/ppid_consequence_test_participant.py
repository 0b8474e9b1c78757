# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

SIGN_ACTIVITY = "ppid_exempted.mail_activity_type_ppid_sign_test"

COMMITTEE_GROUP = "ppid_exempted.group_ppid_committee"
PELAKSANA_GROUP = "ppid_exempted.group_ppid_pelaksana"

SIGNATURE_FIELDS = ("signed_datetime", "signed_by_id")
# Who a signature vouches for: these cannot change once the participant signed.
IDENTITY_FIELDS = (
    "test_id",
    "user_id",
    "external_name",
    "institution",
    "position",
    "capacity",
    "unit_id",
)
# An expert from outside the body signs on paper: the scan is the signature.
SHEET_FIELDS = ("signed_sheet", "signed_sheet_filename")


class PpidConsequenceTestParticipant(models.Model):
    """A participant of a consequence-test session, who signs its sheet.

    Each capacity is held, not claimed (SOP Kaltim, definition F; Perki 1/2021
    Pasal 49): the PPID who chairs is the body's Ketua PPID, else its PPID
    official, a holding unit is
    represented by a PPID Pelaksana of that unit, a member of the Tim
    Pertimbangan belongs to its group. An expert from outside the body, who
    has no login, is recorded by name and institution and signs by the upload
    of the scan of the sheet they signed, never by a colleague's click.
    """

    _name = "ppid.consequence.test.participant"
    _inherit = ["ppid.audited.mixin"]
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
        help="The participant signs with this user. An expert from outside the "
        "body without a user is recorded by name and institution and signs on "
        "paper: the scan of the signed sheet is uploaded.",
    )
    external_name = fields.Char(
        help="Name of a participant from outside the body, e.g. an expert."
    )
    institution = fields.Char(
        help="Institution of an expert from outside the body (university, "
        "professional body, agency of the related field)."
    )
    unit_id = fields.Many2one(
        comodel_name="ppid.unit",
        string="Unit Represented",
        compute="_compute_unit_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        help="For the capacity of holding unit: the unit whose officer (PPID "
        "Pelaksana or PPID Pembantu) the participant is.",
    )
    is_external = fields.Boolean(
        string="From Outside the Body",
        compute="_compute_is_external",
        help="Without a user: signs by the scan of the signed sheet.",
    )
    signed_sheet = fields.Binary(
        attachment=True,
        copy=False,
        help="Scan of the consequence-test sheet signed by this participant from "
        "outside the body: uploading it records the signature.",
    )
    signed_sheet_filename = fields.Char(copy=False)
    capacity_problem = fields.Char(
        compute="_compute_capacity_problem",
        help="Why the participant does not hold the capacity given.",
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

    @api.depends("capacity", "user_id")
    def _compute_unit_id(self):
        for participant in self:
            if participant.capacity != "unit" or not participant.user_id:
                participant.unit_id = False
                continue
            own = participant.user_id.sudo().ppid_unit_ids
            tested = participant.test_id.line_ids.unit_id
            represented = tested.filtered(
                lambda unit, own=own: unit._origin in own._origin
            )
            participant.unit_id = (represented or own)[:1]

    @api.depends("user_id")
    def _compute_is_external(self):
        for participant in self:
            participant.is_external = not participant.user_id

    @api.depends("user_id", "capacity", "unit_id", "test_id.company_id")
    def _compute_capacity_problem(self):
        for participant in self:
            participant.capacity_problem = participant._capacity_problem()

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

    @api.constrains("user_id", "capacity", "unit_id", "test_id")
    def _check_capacity_held(self):
        for participant in self:
            problem = participant._capacity_problem()
            if problem:
                raise ValidationError(problem)

    def _capacity_problem(self):
        """Why this participant does not hold its capacity, or False. The
        capacity is read from the user's groups and units, as the body defines
        them (res.company: the PPID official; res.users: the units)."""
        self.ensure_one()
        user = self.user_id._origin.sudo()
        name = self.name or self.external_name or ""
        if not user:
            if self.capacity != "expert":
                return self.env._(
                    "%(name)s has no user: only an expert from outside the body "
                    "takes part without one.",
                    name=name,
                )
            return False
        company = self.test_id.company_id or self.env.company
        if self.capacity == "ppid":
            # The chair: the Ketua PPID where the body names one, else the PPID
            # official (SOP Kaltim, definition F; SOP Bontang).
            official = company._ppid_test_chair()
            if official and user != official and company.ppid_chair_user_id:
                return self.env._(
                    "%(name)s is not the Ketua PPID of %(company)s (%(official)s) "
                    "and cannot chair the consequence test.",
                    name=name,
                    company=company.name,
                    official=official.name,
                )
            if official and user != official:
                return self.env._(
                    "%(name)s is not the PPID official of %(company)s (%(official)s) "
                    "and cannot take part as the PPID.",
                    name=name,
                    company=company.name,
                    official=official.name,
                )
            if not official and not user._has_group(COMMITTEE_GROUP):
                return self.env._(
                    "%(name)s cannot take part as the PPID: %(company)s names no PPID "
                    "official and %(name)s is not a member of the Tim Pertimbangan.",
                    name=name,
                    company=company.name,
                )
        elif self.capacity == "unit":
            if not user._has_group(PELAKSANA_GROUP):
                return self.env._(
                    "%(name)s is not a PPID Pelaksana and cannot represent a holding "
                    "unit.",
                    name=name,
                )
            if not self.unit_id:
                return self.env._(
                    "Choose the unit %(name)s represents: %(name)s is the officer of "
                    "none of the units tested.",
                    name=name,
                )
            if not self.unit_id.sudo().search_count(
                [
                    ("id", "=", self.unit_id._origin.id),
                    ("id", "child_of", user.ppid_unit_ids._origin.ids),
                ]
            ):
                return self.env._(
                    "%(name)s is not an officer of %(unit)s and cannot represent it.",
                    name=name,
                    unit=self.unit_id.sudo().complete_name,
                )
        elif self.capacity == "committee" and not user._has_group(COMMITTEE_GROUP):
            return self.env._(
                "%(name)s is not a member of the Tim Pertimbangan.", name=name
            )
        return False

    # ------------------------------------------------------------------
    # CRUD: nobody signs for someone else
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if any(name in vals for vals in vals_list for name in SIGNATURE_FIELDS):
            raise AccessError(
                self.env._("A participant signs with the Sign button, and only then.")
            )
        # A form adding an expert may upload the signed sheet at once: that is
        # the expert's signature, recorded once the row exists.
        sheets = [
            (vals.pop("signed_sheet", False), vals.pop("signed_sheet_filename", False))
            for vals in vals_list
        ]
        tests = self.env["ppid.consequence.test"].browse(
            {vals.get("test_id") for vals in vals_list if vals.get("test_id")}
        )
        # Who takes part is part of what the signatures vouch for.
        tests._check_content_editable()
        participants = super().create(vals_list)
        self.env["ppid.audit.log"]._log_creation(participants)
        for participant, (sheet, filename) in zip(participants, sheets, strict=True):
            if sheet:
                participant.action_upload_signed_sheet(sheet, filename)
        if not self.env.context.get("ppid_creating_test"):
            participants._schedule_signature()
        return participants

    def _schedule_signature(self):
        """Each participant with a login is asked to sign, in its activities."""
        for participant in self.filtered(lambda p: p.user_id and not p.signed_datetime):
            participant.test_id.sudo().activity_schedule(
                SIGN_ACTIVITY,
                user_id=participant.user_id.id,
                date_deadline=participant.test_id.date,
            )

    def write(self, vals):
        if any(name in vals for name in SIGNATURE_FIELDS):
            raise AccessError(
                self.env._(
                    "A signature is given by the participant with the Sign button; "
                    "nobody signs for someone else."
                )
            )
        if any(name in vals for name in SHEET_FIELDS):
            # Uploading the scan is the signature of an expert without a user.
            clearing = "signed_sheet" in vals and not vals["signed_sheet"]
            vals = dict(vals)
            sheet = vals.pop("signed_sheet", False)
            filename = vals.pop("signed_sheet_filename", False)
            if clearing and self.filtered("signed_sheet"):
                raise UserError(
                    self.env._(
                        "A signed sheet is withdrawn only by resetting the "
                        "signatures of the session."
                    )
                )
            if vals:
                self.write(vals)
            if sheet:
                self.action_upload_signed_sheet(sheet, filename)
            return True
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

    def unlink(self):
        self.env["ppid.audit.log"]._log_deletion(self)
        return super().unlink()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_sign(self):
        """The participant's own signature: user and time (rule 5)."""
        for participant in self:
            if not participant.user_id:
                raise UserError(
                    self.env._(
                        "%(name)s has no user: upload the scan of the sheet "
                        "%(name)s signed instead.",
                        name=participant.name,
                    )
                )
            if participant.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only %(name)s can sign as %(name)s.", name=participant.name
                    )
                )
            participant._check_signable()
        self._record_signatures({})
        return True

    def action_upload_signed_sheet(self, sheet, filename=False):
        """The signature of an expert from outside the body, who has no user:
        the scan of the sheet they signed (base64), uploaded by a member of the
        Tim Pertimbangan. The upload is the signature and is kept with it."""
        if not self.env.su and not self.env.user.has_group(COMMITTEE_GROUP):
            raise AccessError(
                self.env._(
                    "Only the Tim Pertimbangan uploads the signed sheet of an expert "
                    "from outside the body."
                )
            )
        if not sheet:
            raise UserError(self.env._("Choose the scan of the signed sheet."))
        for participant in self:
            if participant.user_id:
                raise UserError(
                    self.env._(
                        "%(name)s has a user and signs with the Sign button; a "
                        "colleague cannot sign for them.",
                        name=participant.name,
                    )
                )
            participant._check_signable()
        self._record_signatures(
            {"signed_sheet": sheet, "signed_sheet_filename": filename or False}
        )
        return True

    def _check_signable(self):
        self.ensure_one()
        if self.test_id.state != "draft":
            raise UserError(
                self.env._("The session is complete: it can no longer be signed.")
            )
        if self.signed_datetime:
            raise UserError(
                self.env._("%(name)s has already signed this session.", name=self.name)
            )

    def _record_signatures(self, extra):
        now = fields.Datetime.now()
        # The signature fields are refused by write(): only this method sets them.
        self.sudo()._audited_write(
            {"signed_datetime": now, "signed_by_id": self.env.uid, **extra}
        )
        self.env["ppid.audit.log"]._log_event(self, "sign")
        for participant in self.filtered("user_id"):
            participant.test_id.sudo().activity_feedback(
                [SIGN_ACTIVITY], user_id=participant.user_id.id
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

    def _reset_signatures(self):
        self.env["ppid.audit.log"]._log_event(self, "signature_reset")
        result = self.sudo()._audited_write(
            dict.fromkeys((*SIGNATURE_FIELDS, *SHEET_FIELDS), False)
        )
        self._schedule_signature()
        return result
