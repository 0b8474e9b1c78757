# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ppid_rulebook import FREE_FIELD_PREFIXES

HANDOVER_REPORT = "ppid_exempted.action_report_handover"
SIGN_ACTIVITY = "ppid_exempted.mail_activity_type_ppid_handover_sign"
# The signatures, stamped by their buttons only, never by a caller's create
# or write.
SIGNATURE_FIELDS = (
    "ppid_signed_by_id",
    "ppid_signed_datetime",
    "atasan_signed_by_id",
    "atasan_signed_datetime",
)
# Only the round's own code creates hand-overs, as the superuser.
HANDOVER_CREATE_KEY = "ppid_round_hands_over"


class PpidHandover(models.Model):
    """The hand-over (berita acara serah terima) of a unit's exempted
    information in a collection round (Kukar SOP step 2): "Informasi
    Dikecualikan yang sudah ditandatangani oleh PPID Kabupaten dan diketahui
    oleh Atasan PPID Pelaksana".

    One record per unit and round lists the items the unit handed over; the
    PPID official of the body signs it and the unit's Atasan PPID Pelaksana
    acknowledges it, each in the system, by that user, with the time. Once
    someone signed, the list is what they signed: items handed over later go to
    a new hand-over.

    It is its own record rather than signatures on the round line or on the
    receipt: the line counts a unit's progress in the round and the receipt is
    the service officer's paper of step 3; the berita acara is a third paper
    with its own signers, and a unit may hand over twice in a round (after a
    return).
    """

    _name = "ppid.handover"
    _description = "Hand-over of Exempted Information (Berita Acara Serah Terima)"
    _inherit = ["mail.thread", "mail.activity.mixin", "ppid.waktu.baku.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(string="Number", required=True, readonly=True, copy=False)
    round_id = fields.Many2one(
        comodel_name="ppid.collection.round",
        string="Collection Round",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Public Body",
        required=True,
        readonly=True,
        index=True,
    )
    unit_id = fields.Many2one(
        comodel_name="ppid.unit",
        string="Handing-over Unit",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
    )
    round_name = fields.Char(string="Collection Round Name", compute="_compute_names")
    unit_name = fields.Char(compute="_compute_names")
    letter_id = fields.Many2one(
        comodel_name="ppid.collection.round.letter",
        string="Notification Letter",
        compute="_compute_letter_id",
    )
    information_ids = fields.Many2many(
        comodel_name="ppid.exempted.information",
        relation="ppid_handover_information_rel",
        column1="handover_id",
        column2="information_id",
        string="Items Handed Over",
        readonly=True,
    )
    item_count = fields.Integer(compute="_compute_item_summary", string="Items")
    item_summary = fields.Text(
        compute="_compute_item_summary",
        string="List of Items",
        help="Number and title of each item handed over, as the Atasan PPID "
        "Pelaksana reads it before acknowledging.",
    )
    handed_over_datetime = fields.Datetime(
        compute="_compute_item_summary", string="Handed Over"
    )
    ppid_user_id = fields.Many2one(
        comodel_name="res.users",
        string="PPID Signer",
        compute="_compute_signers",
        help="The PPID official of the body (Settings), who signs the hand-over.",
    )
    atasan_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Atasan PPID Pelaksana",
        compute="_compute_signers",
        help="The Atasan PPID Pelaksana set on the unit, who acknowledges the "
        "hand-over (diketahui).",
    )
    ppid_signed_by_id = fields.Many2one(
        comodel_name="res.users", string="Signed by the PPID", readonly=True
    )
    ppid_signed_datetime = fields.Datetime(
        string="Signed by the PPID on", readonly=True
    )
    atasan_signed_by_id = fields.Many2one(
        comodel_name="res.users", string="Acknowledged by the Atasan", readonly=True
    )
    atasan_signed_datetime = fields.Datetime(
        string="Acknowledged by the Atasan on", readonly=True
    )
    state = fields.Selection(
        selection=[
            ("waiting", "Awaiting Signatures"),
            ("signed", "Signed and Acknowledged"),
        ],
        compute="_compute_state",
        store=True,
        index=True,
    )
    signed_datetime = fields.Datetime(
        compute="_compute_state",
        store=True,
        string="Fully Signed on",
        help="When the second of the two signatures was given.",
    )
    can_sign_ppid = fields.Boolean(compute="_compute_can_sign")
    can_sign_atasan = fields.Boolean(compute="_compute_can_sign")
    # Waktu baku (Kukar SOP): the whole procedure against the standard.
    signature_due = fields.Date(
        compute="_compute_waktu_baku",
        help="The round's hand-over deadline: the notification and the hand-over "
        "times, in working days of the body's calendar from the letter.",
    )
    signature_late = fields.Boolean(compute="_compute_waktu_baku")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("round_id.name", "unit_id.complete_name")
    def _compute_names(self):
        """Names readable by the Atasan PPID Pelaksana, who may hold no PPID
        role and reads the round and the unit only through the hand-over."""
        for handover in self:
            handover.round_name = handover.round_id.sudo().name
            handover.unit_name = handover.unit_id.sudo().complete_name

    @api.depends("round_id", "unit_id")
    def _compute_letter_id(self):
        for handover in self:
            handover.letter_id = (
                handover.round_id.sudo()
                .letter_ids.filtered(
                    lambda letter, h=handover: letter.unit_id == h.unit_id
                )[:1]
                .id
            )

    @api.depends("information_ids")
    def _compute_item_summary(self):
        for handover in self:
            items = handover.sudo().information_ids.sorted("name")
            handover.item_count = len(items)
            handover.item_summary = "\n".join(
                f"{item.name or ''} — {item.title or ''}" for item in items
            )
            handover.handed_over_datetime = min(
                (moment for moment in items.mapped("submitted_datetime") if moment),
                default=False,
            )

    @api.depends("company_id", "unit_id")
    def _compute_signers(self):
        for handover in self:
            handover.ppid_user_id = handover.company_id.sudo()._ppid_handover_signer()
            handover.atasan_user_id = handover.unit_id.sudo().head_user_id

    @api.depends("ppid_signed_datetime", "atasan_signed_datetime")
    def _compute_state(self):
        for handover in self:
            stamps = [handover.ppid_signed_datetime, handover.atasan_signed_datetime]
            complete = all(stamps)
            handover.state = "signed" if complete else "waiting"
            handover.signed_datetime = complete and max(stamps)

    @api.depends(
        "ppid_signed_datetime", "atasan_signed_datetime", "company_id", "unit_id"
    )
    @api.depends_context("uid")
    def _compute_can_sign(self):
        for handover in self:
            handover.can_sign_ppid = not handover._signature_error("ppid")
            handover.can_sign_atasan = not handover._signature_error("atasan")

    def _compute_waktu_baku(self):
        for company, handovers in self.grouped("company_id").items():
            company = company.sudo()
            today = company._ppid_today()
            starts = [h._letter_date() for h in handovers if h._letter_date()]
            calendar = starts and company.ppid_calendar(min(starts), today)
            for handover in handovers:
                handover._set_handover_timing(company, calendar, today)

    def _letter_date(self):
        """The procedure starts with the letter (Kukar SOP step 1), on the day
        the round notified the unit."""
        self.ensure_one()
        letter = self.letter_id.sudo()
        return letter.date or self.round_id.sudo().date_open

    def _completed_datetime(self):
        """The end of the last step (Kukar SOP step 4): every item handed over
        documented; False while one is not."""
        self.ensure_one()
        items = self.sudo().information_ids
        moments = items.mapped("documented_datetime")
        if not items or not all(moments):
            return False
        return max(moments)

    def _set_handover_timing(self, company, calendar, today):
        start = self._letter_date()
        self._set_waktu_baku(
            company, calendar, start, self._completed_datetime(), today
        )
        if not start:
            self.signature_due = self.signature_late = False
            return
        days = company.ppid_sla_notification_days + company.ppid_sla_handover_days
        self.signature_due = calendar.add_days(start, days)
        signed = self.signed_datetime
        signed_day = signed and company._ppid_to_local(signed).date()
        self.signature_late = (signed_day or today) > self.signature_due

    # ------------------------------------------------------------------
    # CRUD: created by the round, signed with the buttons, never rewritten
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.context.get(HANDOVER_CREATE_KEY) and self.env.su):
            raise AccessError(
                self.env._(
                    "A hand-over is recorded when the unit hands its information "
                    "over in a collection round, not created by hand."
                )
            )
        if any(vals.get(name) for vals in vals_list for name in SIGNATURE_FIELDS):
            raise AccessError(
                self.env._("A hand-over is signed with its buttons, and only then.")
            )
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            vals["name"] = sequence.next_by_code("ppid.handover") or "/"
        handovers = super().create(vals_list)
        handovers._ask_signatures()
        return handovers

    def write(self, vals):
        guarded = [name for name in vals if not name.startswith(FREE_FIELD_PREFIXES)]
        if guarded:
            raise AccessError(
                self.env._(
                    "A hand-over keeps its items and its signatures as they were "
                    "recorded: the PPID signs and the Atasan PPID Pelaksana "
                    "acknowledges with the buttons, each for themselves."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A hand-over is never deleted."))

    def _lists_submission(self, item):
        """Whether one of these hand-overs already lists the latest hand-over
        of `item`: it is on one still awaiting signatures, or on one signed
        after the item was handed over."""
        for handover in self.filtered(lambda h, item=item: item in h.information_ids):
            stamps = [
                stamp
                for stamp in (
                    handover.ppid_signed_datetime,
                    handover.atasan_signed_datetime,
                )
                if stamp
            ]
            if not stamps or min(stamps) >= item.submitted_datetime:
                return True
        return False

    def _add_items(self, items):
        """The round adds the items the unit has just handed over."""
        return super(PpidHandover, self.sudo()).write(
            {"information_ids": [fields.Command.link(item.id) for item in items]}
        )

    # ------------------------------------------------------------------
    # Signatures: each by its own user, with the time
    # ------------------------------------------------------------------

    def _signature_error(self, role):
        """Why the current user cannot give the `role` signature ("ppid" or
        "atasan") of this hand-over, or False."""
        self.ensure_one()
        user = self.env.user
        if role == "ppid":
            signer, stamp = self.ppid_user_id, self.ppid_signed_datetime
        else:
            signer, stamp = self.atasan_user_id, self.atasan_signed_datetime
        if stamp:
            return UserError(
                self.env._(
                    "%(handover)s was already signed in this capacity on %(date)s.",
                    handover=self.name,
                    date=fields.Datetime.to_string(stamp),
                )
            )
        if role == "ppid" and not signer:
            return UserError(
                self.env._(
                    "%(company)s names no PPID official: set one in the settings "
                    "before the hand-over is signed.",
                    company=self.company_id.name,
                )
            )
        if role == "atasan" and not signer:
            return UserError(
                self.env._(
                    "%(unit)s has no Atasan PPID Pelaksana: set one on the unit "
                    "before the hand-over is acknowledged.",
                    unit=self.unit_id.sudo().display_name,
                )
            )
        if user != signer:
            if role == "ppid":
                return AccessError(
                    self.env._(
                        "Only %(name)s, the PPID official of %(company)s, signs "
                        "this hand-over.",
                        name=signer.name,
                        company=self.company_id.name,
                    )
                )
            return AccessError(
                self.env._(
                    "Only %(name)s, the Atasan PPID Pelaksana of %(unit)s, "
                    "acknowledges this hand-over.",
                    name=signer.name,
                    unit=self.unit_id.sudo().display_name,
                )
            )
        return False

    def _sign(self, role):
        for handover in self:
            error = handover._signature_error(role)
            if error:
                raise error
        prefix = "ppid" if role == "ppid" else "atasan"
        super(PpidHandover, self.sudo()).write(
            {
                f"{prefix}_signed_by_id": self.env.uid,
                f"{prefix}_signed_datetime": fields.Datetime.now(),
            }
        )
        for handover in self.sudo():
            handover.activity_feedback([SIGN_ACTIVITY], user_id=self.env.uid)
            handover.message_post(
                body=(
                    self.env._(
                        "Signed by %(name)s as the PPID.", name=self.env.user.name
                    )
                    if role == "ppid"
                    else self.env._(
                        "Acknowledged by %(name)s as the Atasan PPID Pelaksana.",
                        name=self.env.user.name,
                    )
                )
            )
        return True

    def action_sign_ppid(self):
        """The PPID official signs the hand-over (ditandatangani oleh PPID)."""
        return self._sign("ppid")

    def action_sign_atasan(self):
        """The unit's Atasan PPID Pelaksana acknowledges it (diketahui)."""
        return self._sign("atasan")

    def _ask_signatures(self):
        for handover in self:
            for user in handover.ppid_user_id | handover.atasan_user_id:
                handover.sudo().activity_schedule(
                    SIGN_ACTIVITY,
                    user_id=user.id,
                    date_deadline=handover._deadline_day(),
                )

    def _deadline_day(self):
        start = self._letter_date()
        company = self.company_id
        if not start:
            return company._ppid_today()
        return company.ppid_add_working_days(
            start, company.ppid_sla_notification_days + company.ppid_sla_handover_days
        )

    def action_print(self):
        self.ensure_one()
        return self.env.ref(HANDOVER_REPORT).report_action(self)
