# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import re

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain

STATE_SELECTION = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("received", "Received"),
    ("testing", "Consequence Test"),
    ("approval", "Awaiting Approval"),
    ("exempted", "Exempted"),
    ("documented", "Documented"),
    ("expiring", "Expiring"),
    ("opened", "Opened"),
]

# Who owns each role of the pipeline.
ROLE_GROUPS = {
    "pelaksana": "ppid_exempted.group_ppid_pelaksana",
    "service": "ppid_exempted.group_ppid_service",
    "committee": "ppid_exempted.group_ppid_committee",
    "documentation": "ppid_exempted.group_ppid_documentation",
    "head": "ppid_exempted.group_ppid_head",
}

# The one transition table: (from, to) -> roles allowed. "system" is the
# scheduler acting as superuser (expiry). Every path (button, kanban drag,
# RPC write) goes through `_check_state_transition`.
TRANSITIONS = {
    ("draft", "submitted"): {"pelaksana"},
    ("submitted", "received"): {"service"},
    ("received", "testing"): {"service", "committee"},
    ("testing", "approval"): {"committee"},
    ("testing", "opened"): {"committee"},
    ("approval", "exempted"): {"head"},
    ("exempted", "documented"): {"documentation"},
    ("exempted", "expiring"): {"system"},
    ("documented", "expiring"): {"system"},
    ("expiring", "testing"): {"committee"},
    ("exempted", "opened"): {"head", "system"},
    ("documented", "opened"): {"head", "system"},
    ("expiring", "opened"): {"head", "system"},
    # Returns to the previous actor, always with a reason.
    ("submitted", "draft"): {"service"},
    ("testing", "draft"): {"committee"},
    ("approval", "testing"): {"head"},
}
RETURNS = {("submitted", "draft"), ("testing", "draft"), ("approval", "testing")}

ACTIVE_EXEMPTION_STATES = ("exempted", "documented", "expiring")

OPEN_REASON_SELECTION = [
    ("test_open", "Consequence test concluded open"),
    ("period_ended", "Exemption period ended"),
    ("consent", "Written consent of the person concerned"),
    ("public_office", "Concerns a public office"),
    ("public_session", "Opened in a public court session"),
    ("court", "Court decision"),
    ("komisi_informasi", "Komisi Informasi decision"),
    ("reclassification", "Reclassification after a new consequence test"),
]

# Words that describe an unlimited period, refused for huruf a-f (UU 20(1)).
UNLIMITED_PERIOD_PATTERN = re.compile(
    r"tidak\s+terbatas|permanen|selamanya|seterusnya|unlimited|permanent|forever",
    re.IGNORECASE,
)


class PpidExemptedInformation(models.Model):
    """An item of the register of exempted information (DIK)."""

    _name = "ppid.exempted.information"
    _description = "Exempted Information"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    # Identification
    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    title = fields.Char(required=True, tracking=True)
    description = fields.Text(
        tracking=True, help="The information described clearly and precisely."
    )
    source_document = fields.Char(
        tracking=True, help="The document or record that holds the information."
    )
    unit_id = fields.Many2one(
        comodel_name="ppid.unit",
        string="Holding Unit",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Public Body",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Compiled by",
        default=lambda self: self.env.user,
        tracking=True,
    )
    active = fields.Boolean(default=True, tracking=True)
    color = fields.Integer()

    # Legal basis (UU 14/2008 Pasal 17)
    legal_basis_id = fields.Many2one(
        comodel_name="ppid.legal.basis",
        string="Pasal 17 Huruf",
        domain="[('angka', '=', 0)]",
        tracking=True,
        ondelete="restrict",
    )
    legal_subpoint_id = fields.Many2one(
        comodel_name="ppid.legal.basis",
        string="Angka",
        domain="[('parent_id', '=', legal_basis_id)]",
        tracking=True,
        ondelete="restrict",
    )
    huruf = fields.Selection(related="legal_basis_id.huruf", store=True)
    statute_name = fields.Char(string="Statute", tracking=True)
    statute_number = fields.Char(tracking=True)
    statute_article = fields.Char(tracking=True)

    # Consequences
    harm_if_opened = fields.Text(tracking=True)
    interest_if_closed = fields.Text(
        string="Interest Protected if Closed", tracking=True
    )
    public_interest_note = fields.Text(tracking=True)

    # Scope (domain rule 19)
    exemption_scope = fields.Selection(
        selection=[("part", "Part of the document"), ("whole", "Whole document")],
        default="part",
        required=True,
        tracking=True,
    )
    exempt_part = fields.Text(
        string="Exempted Part",
        tracking=True,
        help="Which part of the document is exempted, and why it is blacked out.",
    )
    whole_document_justification = fields.Text(tracking=True)

    # Pasal 18(1) information types (domain rule 13)
    pasal18_type = fields.Selection(
        selection=[
            ("court_decision", "Court decision"),
            ("policy", "Decision, regulation, circular or other policy"),
            ("sp3", "Order stopping an investigation or prosecution (SP3)"),
            ("law_enforcement_budget", "Law-enforcement budget or financial report"),
            ("corruption_recovery", "Corruption asset-recovery report"),
            ("dispute_opened", "Information opened through an objection or dispute"),
        ],
        string="Never-Exempt Type (Pasal 18)",
        tracking=True,
    )
    pasal18_override_reason = fields.Text(tracking=True)

    # Consent or public office for huruf g/h (domain rule 14)
    consent_given = fields.Boolean(string="Written Consent Given", tracking=True)
    public_office = fields.Boolean(string="Concerns a Public Office", tracking=True)
    consent_evidence = fields.Text(tracking=True)

    # Period (domain rules 8, 10, 12)
    period_type = fields.Selection(
        selection=[("date", "Until a date"), ("condition", "Until a condition")],
        default="date",
        tracking=True,
    )
    period_end_date = fields.Date(tracking=True)
    period_end_condition = fields.Char(tracking=True)
    period_basis = fields.Text(
        tracking=True, help="The rule or regulation the period rests on."
    )
    review_date = fields.Date(string="Next Review", tracking=True)

    # Unit's hand-over (domain rule 25)
    unit_test_sheet = fields.Binary(
        string="Unit's Consequence-Test Sheet", attachment=True, copy=False
    )
    unit_test_sheet_name = fields.Char()

    # Pipeline
    state = fields.Selection(
        selection=STATE_SELECTION,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand=True,
    )
    return_reason = fields.Text(tracking=True, copy=False)
    submitted_datetime = fields.Datetime(
        string="Handed Over", copy=False, readonly=True
    )
    received_datetime = fields.Datetime(string="Received", copy=False, readonly=True)
    received_by_id = fields.Many2one(
        comodel_name="res.users", copy=False, readonly=True
    )
    approved_by_id = fields.Many2one(
        comodel_name="res.users", string="Approved by", copy=False, readonly=True
    )
    approved_datetime = fields.Datetime(string="Approved on", copy=False, readonly=True)
    decree_reference = fields.Char(string="Decree Number", tracking=True, copy=False)
    decree_date = fields.Date(tracking=True, copy=False)
    open_reason = fields.Selection(
        selection=OPEN_REASON_SELECTION, tracking=True, copy=False
    )
    open_note = fields.Text(tracking=True, copy=False)
    opened_date = fields.Date(copy=False, readonly=True)

    # Documentation (domain rules 23, 24)
    softcopy_file = fields.Binary(string="Softcopy", attachment=True, copy=False)
    softcopy_filename = fields.Char()
    hardcopy_location_id = fields.Many2one(
        comodel_name="ppid.archive.location",
        tracking=True,
        ondelete="restrict",
        check_company=True,
        copy=False,
        index=True,
    )
    hardcopy_holder_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Hardcopy Held by",
        tracking=True,
        copy=False,
        help="The officer who holds the paper now.",
    )
    hardcopy_holder_partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Hardcopy Held Outside by",
        tracking=True,
        copy=False,
        help="Who holds the paper now when it is lent outside the PPID "
        "(e.g. a court or the Komisi Informasi).",
    )
    archive_classification_id = fields.Many2one(
        comodel_name="ppid.archive.classification",
        string="Archive Classification Code",
        tracking=True,
        ondelete="restrict",
        help="Kode klasifikasi arsip (Permendagri 83/2022).",
    )
    retention_active_years = fields.Integer(
        string="Active Retention (years)",
        tracking=True,
        help="Retention of the record while active, from the body's JRA. "
        "Independent of the exemption period.",
    )
    retention_inactive_years = fields.Integer(
        string="Inactive Retention (years)",
        tracking=True,
        help="Retention of the record once inactive, from the body's JRA.",
    )
    final_disposition = fields.Selection(
        selection=[
            ("musnah", "Destroy (musnah)"),
            ("dinilai_kembali", "Re-appraise (dinilai kembali)"),
            ("permanen", "Keep permanently (permanen)"),
        ],
        tracking=True,
        help="Nasib akhir in the body's JRA.",
    )
    jra_reference = fields.Char(
        string="JRA Decision Reference",
        tracking=True,
        help="The decision that set the body's retention schedule (JRA) after "
        "ANRI's approval, e.g. the number of the Peraturan Kepala Daerah.",
    )
    documentation_waiver_reason = fields.Text(tracking=True)

    # Buttons
    can_submit = fields.Boolean(compute="_compute_can_transition")
    can_receive = fields.Boolean(compute="_compute_can_transition")
    can_start_test = fields.Boolean(compute="_compute_can_transition")
    can_conclude = fields.Boolean(compute="_compute_can_transition")
    can_approve = fields.Boolean(compute="_compute_can_transition")
    can_document = fields.Boolean(compute="_compute_can_transition")
    can_open = fields.Boolean(compute="_compute_can_transition")
    can_return = fields.Boolean(compute="_compute_can_transition")
    in_my_units = fields.Boolean(
        compute="_compute_in_my_units", search="_search_in_my_units"
    )

    _name_company_uniq = models.Constraint(
        "UNIQUE(name, company_id)", "The reference must be unique per public body."
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_transition(self):
        roles = self._current_user_roles()
        forward = {
            "can_submit": ("draft", "submitted"),
            "can_receive": ("submitted", "received"),
            "can_start_test": ("received", "testing"),
            "can_conclude": ("testing", "approval"),
            "can_approve": ("approval", "exempted"),
            "can_document": ("exempted", "documented"),
        }
        for item in self:
            for field_name, (source, target) in forward.items():
                item[field_name] = item.state == source and item._role_may(
                    roles, source, target
                )
            item.can_open = item._role_may(roles, item.state, "opened")
            item.can_return = any(
                item._role_may(roles, source, target)
                for source, target in RETURNS
                if source == item.state
            )

    @api.depends("unit_id")
    @api.depends_context("uid")
    def _compute_in_my_units(self):
        my_units = self._my_units()
        for item in self:
            item.in_my_units = item.unit_id in my_units

    def _search_in_my_units(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = Domain("unit_id", "in", self._my_units().ids)
        return domain if True in value else ~domain

    def _my_units(self):
        units = self.env.user.ppid_unit_ids
        return self.env["ppid.unit"].search([("id", "child_of", units.ids)])

    def _state_labels(self):
        return dict(self._fields["state"]._description_selection(self.env))

    def _current_user_roles(self):
        user = self.env.user
        return {role for role, group in ROLE_GROUPS.items() if user.has_group(group)}

    @staticmethod
    def _role_may(roles, source, target):
        return bool(TRANSITIONS.get((source, target), set()) & roles)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("legal_basis_id", "legal_subpoint_id")
    def _check_subpoint_belongs_to_huruf(self):
        for item in self:
            subpoint = item.legal_subpoint_id
            if subpoint and subpoint.parent_id != item.legal_basis_id:
                raise ValidationError(
                    self.env._(
                        "%(angka)s does not belong to %(huruf)s.",
                        angka=subpoint.label,
                        huruf=item.legal_basis_id.label or "-",
                    )
                )

    @api.constrains("consent_given", "public_office", "consent_evidence")
    def _check_consent_evidence(self):
        for item in self:
            if (item.consent_given or item.public_office) and not item.consent_evidence:
                raise ValidationError(
                    self.env._(
                        "Record the evidence of the written consent or of the public "
                        "office for %(item)s.",
                        item=item.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "draft") != "draft" and not self.env.su:
                raise UserError(
                    self.env._("New exempted information always starts as a draft.")
                )
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("ppid.exempted.information")
                    or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        if "state" not in vals:
            return super().write(vals)
        self._check_state_transition(vals)
        vals = {**self._transition_stamps(vals["state"]), **vals}
        previous_states = {item.id: item.state for item in self}
        result = super().write(vals)
        self._after_state_change(vals["state"], previous_states)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(item.state != "draft" for item in self):
            raise UserError(
                self.env._(
                    "Exempted information that has been handed over is never "
                    "deleted: archive it with a reason instead."
                )
            )

    # ------------------------------------------------------------------
    # Pipeline rules
    # ------------------------------------------------------------------

    def _check_state_transition(self, vals):
        target = vals["state"]
        roles = None if self.env.su else self._current_user_roles()
        labels = self._state_labels()
        for item in self.filtered(lambda i: i.state != target):
            allowed = TRANSITIONS.get((item.state, target))
            if allowed is None:
                raise UserError(
                    self.env._(
                        "%(item)s cannot move from %(from_state)s to %(to_state)s.",
                        item=item.display_name,
                        from_state=labels[item.state],
                        to_state=labels[target],
                    )
                )
            if roles is not None and not allowed & roles:
                raise AccessError(
                    self.env._(
                        "You are not allowed to move %(item)s from %(from_state)s to "
                        "%(to_state)s.",
                        item=item.display_name,
                        from_state=labels[item.state],
                        to_state=labels[target],
                    )
                )
            if (item.state, target) in RETURNS and not vals.get("return_reason"):
                raise UserError(
                    self.env._(
                        "Give a reason to return %(item)s; use the Return button.",
                        item=item.display_name,
                    )
                )
            if target == "opened" and not (vals.get("open_reason") or item.open_reason):
                raise UserError(
                    self.env._(
                        "Give the reason why %(item)s becomes public; use the Open "
                        "button.",
                        item=item.display_name,
                    )
                )

    def _transition_stamps(self, target):
        """Who and when, recorded the same way whichever path moved the item."""
        now = fields.Datetime.now()
        return {
            "submitted": {"submitted_datetime": now},
            "received": {"received_datetime": now, "received_by_id": self.env.uid},
            "exempted": {"approved_datetime": now, "approved_by_id": self.env.uid},
        }.get(target, {})

    def _after_state_change(self, target, previous_states):
        for item in self:
            item._check_requirements(target)
        if target == "opened":
            self._register_as_public(previous_states)

    def _check_requirements(self, state):
        """Check what the law requires of an item that reaches `state`."""
        missing = []
        if state == "submitted":
            missing += self._missing_for_handover()
        if state in ("approval", "exempted"):
            missing += self._missing_for_handover()
            missing += self._missing_for_exemption()
        if state == "exempted" and not (self.approved_by_id and self.approved_datetime):
            missing.append(self.env._("the head of the body's approval"))
        if state == "documented":
            missing += self._missing_for_documentation()
        if missing:
            raise ValidationError(
                self.env._(
                    "%(item)s cannot be %(state)s yet. Missing:\n- %(missing)s",
                    item=self.display_name,
                    state=self._state_labels()[state],
                    missing="\n- ".join(missing),
                )
            )

    def _missing_for_handover(self):
        """A hand-over is a DIK row plus the unit's test sheet (rules 1, 19, 25)."""
        missing = []
        required = [
            (self.description, self.env._("the description of the information")),
            (self.source_document, self.env._("the source document")),
            (self.harm_if_opened, self.env._("the harm if opened")),
            (self.interest_if_closed, self.env._("the interest protected if closed")),
            (
                # Presence only: the sheet is a vault document (issue 6).
                self.sudo().with_context(bin_size=True).unit_test_sheet,
                self.env._("the unit's consequence-test sheet"),
            ),
        ]
        missing += [label for value, label in required if not value]
        missing += self._missing_legal_basis()
        if self.exemption_scope == "part" and not self.exempt_part:
            missing.append(
                self.env._("which part of the document is exempted, and why")
            )
        if self.exemption_scope == "whole" and not self.whole_document_justification:
            missing.append(
                self.env._("the justification that the whole document is exempted")
            )
        return missing

    def _missing_legal_basis(self):
        """Rule 1: a huruf; an angka for a/c/e/f/h; the statute for j."""
        basis = self.legal_basis_id
        if not basis:
            return [self.env._("the legal basis (Pasal 17 huruf)")]
        missing = []
        if basis.requires_angka and not self.legal_subpoint_id:
            missing.append(self.env._("the angka of %(huruf)s", huruf=basis.label))
        if basis.requires_statute and not (
            self.statute_name and self.statute_number and self.statute_article
        ):
            missing.append(
                self.env._("the prohibiting statute (name, number and article)")
            )
        return missing

    def _missing_for_exemption(self):
        """Rules 12, 13, 14, 8 and 10: what a classification may not lack."""
        missing = []
        if not self.public_interest_note:
            missing.append(self.env._("the public-interest note"))
        missing += self._missing_period()
        if self.pasal18_type and not self.pasal18_override_reason:
            missing.append(
                self.env._(
                    "a reason to override: this type is never exempt (Pasal 18(1))"
                )
            )
        if self.legal_basis_id.openable_by_consent and (
            self.consent_given or self.public_office
        ):
            missing.append(
                self.env._(
                    "nothing: with written consent or a public office this "
                    "information is open (Pasal 18(2)); open it instead"
                )
            )
        return missing

    def _missing_period(self):
        basis = self.legal_basis_id
        missing = []
        if self.period_type == "date" and not self.period_end_date:
            missing.append(self.env._("the end date of the exemption period"))
        if self.period_type == "condition" and not self.period_end_condition:
            missing.append(self.env._("the end condition of the exemption period"))
        if not self.period_type:
            missing.append(self.env._("the exemption period"))
        unlimited = UNLIMITED_PERIOD_PATTERN.search(self.period_end_condition or "")
        if basis.forbids_unlimited_period and (
            unlimited or self.period_type != "date" and not self.period_end_condition
        ):
            missing.append(
                self.env._(
                    "a definite period: %(huruf)s cannot be exempted without limit",
                    huruf=basis.label,
                )
            )
        if not self.period_basis:
            missing.append(self.env._("the basis of the period"))
        elif basis.requires_period_regulation and not re.search(
            r"\b(UU|PP|Perpres|Permen\w*|Perda|Perkada|Undang|Peraturan|Perki)\b",
            self.period_basis,
            re.IGNORECASE,
        ):
            missing.append(
                self.env._("the regulation the period rests on (PP 61/2010)")
            )
        if basis.max_period_years and self.period_end_date:
            start = self.decree_date or fields.Date.context_today(self)
            if self.period_end_date > start + relativedelta(
                years=basis.max_period_years
            ):
                missing.append(
                    self.env._(
                        "an end date within %(years)s years of the decree",
                        years=basis.max_period_years,
                    )
                )
        if not self.review_date:
            missing.append(self.env._("the next review date"))
        return missing

    def _missing_for_documentation(self):
        """Rule 23: a softcopy and a hardcopy location, or a waiver reason.
        Rule 24: a hardcopy that is kept is classified, scheduled and located."""
        waived = bool(self.documentation_waiver_reason)
        missing = []
        if not waived and not self.sudo().with_context(bin_size=True).softcopy_file:
            missing.append(self.env._("the softcopy"))
        if not waived or self.hardcopy_location_id or self.archive_classification_id:
            missing += self._missing_for_hardcopy()
        if missing and not waived:
            missing.append(self.env._("or a reason to waive them"))
        return missing

    def _missing_for_hardcopy(self):
        missing = []
        if not self.hardcopy_location_id:
            missing.append(self.env._("the hardcopy location"))
        if not self.archive_classification_id:
            missing.append(
                self.env._("the archive classification code (Permendagri 83/2022)")
            )
        if self.retention_active_years + self.retention_inactive_years <= 0:
            missing.append(self.env._("the retention period from the JRA"))
        if not self.final_disposition:
            missing.append(self.env._("the final disposition from the JRA"))
        if not self.jra_reference:
            missing.append(self.env._("the reference of the JRA decision"))
        return missing

    def _register_as_public(self, previous_states):
        """Rules 16, 18, 20: an opened item joins the public list (DIP)."""
        today = fields.Date.context_today(self)
        self.filtered(lambda i: not i.opened_date).opened_date = today
        reasons = dict(self._fields["open_reason"]._description_selection(self.env))
        entries = []
        for item in self:
            if previous_states.get(item.id) == "testing":
                continue  # never exempted: nothing to announce
            announcement = self.env._(
                "%(item)s (%(title)s) is public information as of %(date)s: "
                "%(reason)s.",
                item=item.name,
                title=item.title,
                date=item.opened_date,
                reason=reasons.get(item.open_reason, ""),
            )
            entries.append(
                {
                    "name": item.title,
                    "information_id": item.id,
                    "opened_date": item.opened_date,
                    "announcement": announcement,
                }
            )
            item.message_post(body=announcement)
        self.env["ppid.public.information"].sudo().create(entries)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        self.write({"state": "submitted"})

    def action_receive(self):
        self.write({"state": "received"})

    def action_start_test(self):
        self.write({"state": "testing"})

    def action_conclude_exempted(self):
        self.write({"state": "approval"})

    def action_approve(self):
        self.write({"state": "exempted"})

    def action_document(self):
        self.write({"state": "documented"})

    def action_open_reason_wizard(self):
        action = self._reason_wizard_action("open", self.env._("Open to the public"))
        if all(item.state == "testing" for item in self):
            action["context"]["default_open_reason"] = "test_open"
        return action

    def action_return_reason_wizard(self):
        return self._reason_wizard_action("return", self.env._("Return with a reason"))

    def _reason_wizard_action(self, mode, title):
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "ppid.exempted.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_mode": mode, "default_information_ids": self.ids},
        }

    def action_return(self, reason):
        """Send items back to the previous actor of the pipeline."""
        for item in self:
            target = next((to for source, to in RETURNS if source == item.state), None)
            if not target:
                raise UserError(
                    self.env._("%(item)s cannot be returned.", item=item.display_name)
                )
            item.write({"state": target, "return_reason": reason})

    def action_open(self, reason, note=False):
        self.write({"state": "opened", "open_reason": reason, "open_note": note})
