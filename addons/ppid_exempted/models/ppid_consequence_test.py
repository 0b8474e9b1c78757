# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .ppid_rulebook import FREE_FIELD_PREFIXES

COMMITTEE_GROUP = "ppid_exempted.group_ppid_committee"

# What the participants' signatures vouch for, besides the lines.
CONTENT_FIELDS = (
    "trigger",
    "request_reference",
    "commission_order_reference",
    "date",
    "place",
    "company_id",
    "line_ids",
)


class PpidConsequenceTest(models.Model):
    """A consequence-test session (*uji konsekuensi*, UU 14/2008 Pasal 2(4), 19).

    The PPID, the holding units, the Tim Pertimbangan and possibly experts weigh
    each item of information; every participant signs; completing the session
    moves each item on, as the completing member of the Tim Pertimbangan.
    """

    _name = "ppid.consequence.test"
    _description = "Consequence Test Session"
    _inherit = ["mail.thread", "mail.activity.mixin", "ppid.audited.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    trigger = fields.Selection(
        selection=[
            ("before_request", "Before a request (sebelum permohonan)"),
            ("on_request", "On a request (saat permohonan)"),
            (
                "commission_order",
                "On the order of the Majelis Komisioner (perintah Majelis Komisioner)",
            ),
        ],
        required=True,
        default="before_request",
        tracking=True,
        help="When the test takes place (Perki 1/2017 Pasal 4(2)).",
    )
    request_reference = fields.Char(
        string="Request Number",
        tracking=True,
        help="The registered information request that triggered the test.",
    )
    commission_order_reference = fields.Char(
        string="Majelis Komisioner Order",
        tracking=True,
        help="Case register number and date of the order of the Majelis Komisioner.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    place = fields.Char(tracking=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Public Body",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    state = fields.Selection(
        selection=[("draft", "In Progress"), ("done", "Completed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    participant_ids = fields.One2many(
        comodel_name="ppid.consequence.test.participant",
        inverse_name="test_id",
        string="Participants",
    )
    line_ids = fields.One2many(
        comodel_name="ppid.consequence.test.line",
        inverse_name="test_id",
        string="Items Tested",
    )
    decree_ids = fields.One2many(
        comodel_name="ppid.classification.decree",
        inverse_name="test_id",
        string="Decrees",
    )
    decree_count = fields.Integer(compute="_compute_decree_count")
    completed_by_id = fields.Many2one(
        comodel_name="res.users", string="Completed by", readonly=True, copy=False
    )
    completed_datetime = fields.Datetime(
        string="Completed on", readonly=True, copy=False
    )
    signature_progress = fields.Char(
        string="Signatures", compute="_compute_signature_progress"
    )
    is_signed = fields.Boolean(
        compute="_compute_signature_progress",
        help="At least one participant has signed.",
    )
    basis_warning_count = fields.Integer(compute="_compute_basis_warning_count")
    composition_missing = fields.Text(
        compute="_compute_composition_missing",
        help="Who the session lacks to be lawfully composed, as the body requires "
        "it (Perki 1/2021 Pasal 49).",
    )
    can_sign = fields.Boolean(compute="_compute_can_sign")
    can_complete = fields.Boolean(compute="_compute_can_complete")

    _name_company_uniq = models.Constraint(
        "UNIQUE(name, company_id)", "The reference must be unique per public body."
    )

    @api.depends("decree_ids")
    def _compute_decree_count(self):
        # A participant without access to decrees (an expert) still sees the form.
        for test in self:
            test.decree_count = len(test.sudo().decree_ids)

    @api.depends("participant_ids.signed_datetime")
    def _compute_signature_progress(self):
        for test in self:
            signed = test.participant_ids.filtered("signed_datetime")
            test.signature_progress = f"{len(signed)} / {len(test.participant_ids)}"
            test.is_signed = bool(signed)

    @api.depends("line_ids.basis_warning", "line_ids.conclusion")
    def _compute_basis_warning_count(self):
        for test in self:
            test.basis_warning_count = len(test._lines_citing_only_kip())

    @api.depends(
        "participant_ids.user_id",
        "participant_ids.capacity",
        "participant_ids.unit_id",
        "participant_ids.institution",
        "line_ids.unit_id",
        "company_id",
    )
    def _compute_composition_missing(self):
        for test in self:
            missing = test._missing_composition()
            test.composition_missing = "\n".join(f"- {line}" for line in missing)

    @api.depends("participant_ids.user_id", "participant_ids.signed_datetime", "state")
    @api.depends_context("uid")
    def _compute_can_sign(self):
        for test in self:
            test.can_sign = any(test.participant_ids.mapped("can_sign"))

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_complete(self):
        is_committee = self.env.user.has_group(COMMITTEE_GROUP)
        for test in self:
            test.can_complete = is_committee and test.state == "draft"

    # ------------------------------------------------------------------
    # CRUD: what is signed does not change; what is complete never changes
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "draft") != "draft":
                raise AccessError(
                    self.env._("A consequence test is completed, not created complete.")
                )
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("ppid.consequence.test") or "/"
                )
        # Participants created with the session are asked to sign once the
        # session exists (and follows its creator), not in the middle of it.
        tests = super(
            PpidConsequenceTest, self.with_context(ppid_creating_test=True)
        ).create(vals_list)
        tests = tests.with_env(self.env)
        self.env["ppid.audit.log"]._log_creation(tests)
        tests.participant_ids._schedule_signature()
        return tests

    def write(self, vals):
        if any(
            name in vals for name in ("state", "completed_by_id", "completed_datetime")
        ):
            raise AccessError(
                self.env._(
                    "A consequence test is completed with the Complete button, once "
                    "every participant has signed."
                )
            )
        if any(not name.startswith(FREE_FIELD_PREFIXES) for name in vals):
            self._check_not_done()
        if any(name in vals for name in CONTENT_FIELDS):
            self._check_content_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_unsigned_drafts(self):
        self._check_content_editable()

    def unlink(self):
        self.env["ppid.audit.log"]._log_deletion(self)
        return super().unlink()

    def _check_not_done(self):
        done = self.filtered(lambda test: test.state == "done")
        if done:
            raise UserError(
                self.env._(
                    "%(tests)s is complete: a completed consequence test never "
                    "changes. Test the information again in a new session.",
                    tests=", ".join(done.mapped("name")),
                )
            )

    def _check_content_editable(self):
        """Signatures vouch for the content: it changes only once they are reset."""
        self._check_not_done()
        signed = self.filtered("participant_ids.signed_datetime")
        if signed:
            raise UserError(
                self.env._(
                    "%(tests)s has been signed: the signatures vouch for its content. "
                    "Reset the signatures before changing it.",
                    tests=", ".join(signed.mapped("name")),
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_sign(self):
        """Sign as the current user, in every capacity the user holds."""
        mine = self.participant_ids.filtered(lambda p: p.user_id == self.env.user)
        if not mine:
            raise UserError(
                self.env._("You are not a participant of this consequence test.")
            )
        mine.filtered(lambda p: not p.signed_datetime).action_sign()
        return True

    def action_reset_signatures(self):
        """Withdraw every signature so that the content can be corrected."""
        self._check_committee()
        self._check_not_done()
        for test in self:
            signed = test.participant_ids.filtered("signed_datetime")
            if not signed:
                continue
            signed._reset_signatures()
            test.message_post(
                body=self.env._(
                    "Signatures reset by %(user)s; withdrawn: %(names)s.",
                    user=self.env.user.name,
                    names=", ".join(signed.mapped("name")),
                )
            )
        return True

    def action_complete(self):
        """Complete the session (rule 5) and move each tested item."""
        self._check_committee()
        self._check_not_done()
        for test in self:
            missing = test._missing_for_completion()
            if missing:
                raise ValidationError(
                    self.env._(
                        "%(test)s cannot be completed yet. Missing:\n- %(missing)s",
                        test=test.name,
                        missing="\n- ".join(missing),
                    )
                )
        Decree = self.env["ppid.classification.decree"]
        for test in self:
            warned = test._lines_citing_only_kip()
            test.line_ids._apply_to_items()
            test._audited_write(
                {
                    "state": "done",
                    "completed_by_id": self.env.uid,
                    "completed_datetime": fields.Datetime.now(),
                }
            )
            if warned:
                test.message_post(
                    body=self.env._(
                        "Warning: only UU 14/2008 is cited as the basis of %(items)s. "
                        "The test should name the law that protects the information "
                        "(Perki 1/2021 Pasal 49).",
                        items=", ".join(warned.information_id.mapped("display_name")),
                    )
                )
            exempted = test.line_ids.filtered(
                lambda line: line.conclusion == "exempted"
            )
            if exempted:
                decree = Decree._create_for_test_lines(exempted)
                test.message_post(
                    body=self.env._(
                        "%(count)s item(s) concluded exempted await the head of the "
                        "body's approval in %(decree)s.",
                        count=len(exempted),
                        decree=decree.display_name,
                    )
                )
        return True

    def action_open_decrees(self):
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Decrees"),
            "res_model": "ppid.classification.decree",
            "view_mode": "list,form",
            "domain": [("test_id", "=", self.id)],
        }
        if len(self.decree_ids) == 1:
            action.update(view_mode="form", res_id=self.decree_ids.id)
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _check_committee(self):
        if not self.env.su and not self.env.user.has_group(COMMITTEE_GROUP):
            raise AccessError(
                self.env._(
                    "Only the Tim Pertimbangan completes a consequence test or "
                    "resets its signatures."
                )
            )

    def _missing_composition(self):
        """Who the session lacks to be a consequence test of the body and not
        one person's opinion (SOP Kaltim, definition F; SOP Bontang; Perki
        1/2021 Pasal 49), as the body configures it: the PPID as chair, the
        officer of each unit whose information is tested, other members."""
        self.ensure_one()
        company = self.company_id
        missing = []
        participants = self.participant_ids.sudo()
        for participant in participants:
            problem = participant._capacity_problem()
            if problem:
                missing.append(problem)
        held = participants.filtered(lambda p: not p._capacity_problem())
        if company.ppid_test_requires_ppid and not held.filtered(
            lambda p: p.capacity == "ppid"
        ):
            missing.append(self.env._("the PPID among the participants"))
        if company.ppid_test_requires_unit_officers:
            # An officer speaks for every unit they are the officer of (one row
            # per user: a user takes part in a session once).
            officers = held.filtered(lambda p: p.capacity == "unit")
            their_units = officers.user_id._origin.ppid_unit_ids
            for unit in self.line_ids.sudo().unit_id:
                # The PPID Utama's own information: its officer is the PPID.
                if unit.unit_type == "utama":
                    continue
                covered = (
                    self.env["ppid.unit"]
                    .sudo()
                    .search_count(
                        [
                            ("id", "=", unit._origin.id),
                            ("id", "child_of", their_units.ids),
                        ]
                    )
                    if their_units
                    else 0
                )
                if not covered:
                    missing.append(
                        self.env._(
                            "the PPID Pelaksana of %(unit)s, as holding unit",
                            unit=unit.complete_name,
                        )
                    )
        required = company.ppid_test_min_other_members
        others = held.filtered(lambda p: p.capacity in ("committee", "expert"))
        if len(others) < required:
            missing.append(
                self.env._(
                    "at least %(count)s other member(s) besides the PPID and the "
                    "units' officers: the Tim Pertimbangan or an expert of the "
                    "related field (%(present)s present)",
                    count=required,
                    present=len(others),
                )
            )
        for expert in participants.filtered(
            lambda p: not p.user_id and not p.institution
        ):
            missing.append(
                self.env._(
                    "the institution of %(name)s, who comes from outside the body",
                    name=expert.name,
                )
            )
        return missing

    def _lines_citing_only_kip(self):
        """Rule 2: the lines whose only basis is UU 14/2008 itself."""
        return self.line_ids.filtered(lambda line: line.basis_warning)

    def _missing_for_completion(self):
        """Rule 5 (and rule 4 for the trigger), said item by item."""
        self.ensure_one()
        missing = []
        if self.trigger == "on_request" and not self.request_reference:
            missing.append(self.env._("the number of the request that triggered it"))
        if self.trigger == "commission_order" and not self.commission_order_reference:
            missing.append(self.env._("the order of the Majelis Komisioner"))
        if not self.place:
            missing.append(self.env._("the place of the session"))
        if not self.line_ids:
            missing.append(self.env._("the information tested"))
        missing += self._missing_composition()
        capacities = dict(
            self.participant_ids._fields["capacity"]._description_selection(self.env)
        )
        for participant in self.participant_ids.filtered(
            lambda p: not p.signed_datetime
        ):
            if participant.user_id:
                missing.append(
                    self.env._(
                        "the signature of %(name)s (%(capacity)s)",
                        name=participant.name,
                        capacity=capacities[participant.capacity],
                    )
                )
            else:
                missing.append(
                    self.env._(
                        "the signature of %(name)s (%(capacity)s): upload the scan of "
                        "the sheet they signed",
                        name=participant.name,
                        capacity=capacities[participant.capacity],
                    )
                )
        for line in self.line_ids:
            line_missing = line._missing_for_completion()
            if line_missing:
                missing.append(
                    self.env._(
                        "%(item)s: %(missing)s",
                        item=line.information_id.display_name,
                        missing=", ".join(line_missing),
                    )
                )
        return missing
