# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The register item (ppid.exempted.information): its fields, computes,
constraints and actions, what each state of the pipeline requires, the one
create() and write() that call the pieces' hooks in a declared order, and the
bridge to consequence tests and decrees. The pieces it inherits, one per file:
ppid.vault.holder.mixin, ppid.audit.trail.mixin, ppid.item.guidance.mixin,
ppid.classification.content.mixin, ppid.workflow.mixin, ppid.expiry.mixin."""

from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command, Domain

from .ppid_consequence_test_line import TESTABLE_STATES
from .ppid_expiry_mixin import EXPIRY_NOTICE_WORKING_DAYS
from .ppid_rulebook import (
    ACTIVE_EXEMPTION_STATES,
    CONSEQUENCE_TEST,
    DECREE,
    FIELD_GROUPS,
    MOVE_BY_STATES,
    MOVES,
    ROLE_GROUPS,
    STATES,
    TASKS,
)
from .ppid_vault_policy import VAULT_GROUPS_CSV

# The pipeline, its moves and who writes which field: see ppid_rulebook.
# Re-exported for the modules that read them from here.
STATE_SELECTION = list(STATES)

# Who may mark an item for publication on the website (the PPID, not a unit).
PUBLISHER_GROUPS = (
    "ppid_exempted.group_ppid_service",
    "ppid_exempted.group_ppid_committee",
    "ppid_exempted.group_ppid_documentation",
    "ppid_exempted.group_ppid_head",
    "ppid_exempted.group_ppid_manager",
)

OPEN_REASON_SELECTION = [
    ("test_open", "Consequence test concluded open"),
    ("period_ended", "Exemption period ended"),
    ("consent", "Written consent of the person concerned"),
    ("public_office", "Concerns a public office"),
    ("public_session", "Opened in a public court session"),
    ("court", "Court decision"),
    ("komisi_informasi", "Komisi Informasi decision"),
    ("reclassification", "Reclassification after a new consequence test"),
    ("condition_met", "The end condition of the period is fulfilled"),
]


class PpidExemptedInformation(models.Model):
    """An item of the register of exempted information (DIK)."""

    _name = "ppid.exempted.information"
    _description = "Exempted Information"
    # The pieces, one per file (the first lines of each say what it owns).
    # The vault holder comes before mail.thread: its checks on followers and
    # chatter files wrap the chatter's own methods.
    _inherit = [
        "ppid.vault.holder.mixin",
        "ppid.audit.trail.mixin",
        "ppid.item.guidance.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "ppid.classification.content.mixin",
        "ppid.workflow.mixin",
        "ppid.expiry.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    # Identification
    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index="trigram",
    )
    title = fields.Char(required=True, tracking=True, index="trigram")
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

    # The legal content (ppid.classification.content.mixin), tracked here.
    # Legal basis (UU 14/2008 Pasal 17)
    legal_basis_id = fields.Many2one(tracking=True)
    legal_subpoint_id = fields.Many2one(tracking=True)
    statute_name = fields.Char(tracking=True)
    statute_number = fields.Char(tracking=True)
    statute_article = fields.Char(tracking=True)

    # Consequences
    harm_if_opened = fields.Text(tracking=True)
    interest_if_closed = fields.Text(tracking=True)
    public_interest_note = fields.Text(tracking=True)

    # Scope (domain rule 19)
    exemption_scope = fields.Selection(default="part", required=True, tracking=True)
    exempt_part = fields.Text(tracking=True)
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
    period_type = fields.Selection(default="date", tracking=True)
    period_end_date = fields.Date(tracking=True)
    period_end_event = fields.Selection(tracking=True)
    period_end_condition = fields.Char(tracking=True)
    period_basis = fields.Text(tracking=True)
    review_date = fields.Date(tracking=True)

    # Unit's hand-over (domain rule 25)
    # Only the roles that may read exempted content see the files themselves;
    # the others see the file names and fingerprints (vault_document_ids).
    unit_test_sheet = fields.Binary(
        string="Unit's Consequence-Test Sheet",
        attachment=True,
        copy=False,
        groups=VAULT_GROUPS_CSV,
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
    opening_proposed = fields.Boolean(
        readonly=True,
        copy=False,
        tracking=True,
        help="A new consequence test concluded that this classified information "
        "should be opened: the head of the body decides.",
    )
    open_decision_reference = fields.Char(
        string="Decision Reference",
        tracking=True,
        copy=False,
        help="Number and date of the court or Komisi Informasi decision, or of the "
        "public court session, that opened the information.",
    )

    # Deadlines and service levels (SOP; domain rules 21, 22)
    collection_round_id = fields.Many2one(
        comodel_name="ppid.collection.round",
        tracking=True,
        index=True,
        check_company=True,
    )
    documented_datetime = fields.Datetime(
        string="Documented", copy=False, readonly=True
    )
    receipt_deadline = fields.Datetime(
        compute="_compute_service_levels", store=True, copy=False
    )
    documentation_deadline = fields.Datetime(
        compute="_compute_service_levels", store=True, copy=False
    )
    receipt_hours = fields.Float(
        string="Receipt (working hours)",
        compute="_compute_service_levels",
        store=True,
        aggregator="avg",
        copy=False,
    )
    documentation_days = fields.Integer(
        string="Documentation (working days)",
        compute="_compute_service_levels",
        store=True,
        aggregator="avg",
        copy=False,
    )
    receipt_late = fields.Boolean(compute="_compute_service_levels", store=True)
    documentation_late = fields.Boolean(compute="_compute_service_levels", store=True)
    step_deadline = fields.Datetime(
        compute="_compute_step_deadline",
        store=True,
        help="Deadline of the step the item is waiting for.",
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    ends_within_30_working_days = fields.Boolean(
        compute="_compute_ends_within", search="_search_ends_within_30"
    )
    ends_within_90_working_days = fields.Boolean(
        compute="_compute_ends_within", search="_search_ends_within_90"
    )
    expiry_notice_date = fields.Date(
        compute="_compute_expiry_notice_date",
        help="30 working days before the end of the period: the PPID decides by then "
        "whether to open the information (PP 61/2010 Pasal 11).",
    )

    # Documentation (domain rules 23, 24)
    softcopy_file = fields.Binary(
        string="Softcopy", attachment=True, copy=False, groups=VAULT_GROUPS_CSV
    )
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
    retention_end_date = fields.Date(
        string="Retention Ends",
        compute="_compute_retention_end_date",
        store=True,
        index=True,
        help="End of the active and inactive retention of the JRA, counted from "
        "the documentation. The archive of exempted information is kept in "
        "this order (SOP Bontang step 2).",
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

    # Publication on the body's website (domain rule 20: metadata only)
    is_published = fields.Boolean(
        string="Published on the Website",
        tracking=True,
        copy=False,
        index=True,
        help="List this item in the public register while it is classified. Only "
        "whitelisted metadata is published, never the content.",
    )
    published_harm_summary = fields.Text(
        string="Published Consequence if Opened",
        tracking=True,
        help="Summary of the consequence if opened, as published on the website.",
    )
    published_interest_summary = fields.Text(
        string="Published Consequence if Closed",
        tracking=True,
        help="Summary of the interest protected if closed, as published on the "
        "website.",
    )

    # Buttons
    can_submit = fields.Boolean(compute="_compute_can_transition")
    can_receive = fields.Boolean(compute="_compute_card_moves")
    can_start_test = fields.Boolean(compute="_compute_can_transition")
    can_approve = fields.Boolean(compute="_compute_card_moves")
    can_document = fields.Boolean(compute="_compute_can_transition")
    can_open = fields.Boolean(compute="_compute_can_transition")
    can_return = fields.Boolean(compute="_compute_card_moves")
    can_new_test = fields.Boolean(compute="_compute_can_transition")
    in_my_units = fields.Boolean(
        compute="_compute_in_my_units", search="_search_in_my_units"
    )
    # Where the item stands in its life, for views and rules (ppid_rulebook).
    is_classified = fields.Boolean(compute="_compute_life_stage")
    is_opened = fields.Boolean(compute="_compute_life_stage")
    is_in_progress = fields.Boolean(
        compute="_compute_life_stage",
        help="Handed over and not decided yet: received, tested, awaiting approval.",
    )
    is_being_decided = fields.Boolean(compute="_compute_life_stage")
    is_returned = fields.Boolean(compute="_compute_life_stage")
    locked_identity = fields.Boolean(compute="_compute_locks")
    locked_legal = fields.Boolean(compute="_compute_locks")
    locked_review = fields.Boolean(compute="_compute_locks")
    # What waits for the current user (ppid_rulebook.TASKS), and how long is left.
    is_my_task = fields.Boolean(
        string="Waiting for Me",
        compute="_compute_is_my_task",
        search="_search_is_my_task",
    )
    step_days_left = fields.Integer(
        string="Working Days Left for the Step",
        compute="_compute_step_days_left",
        help="Working days until the deadline of the current step; negative when "
        "it is late.",
    )

    # History of the classification (rule 17): every test and every decree
    consequence_test_line_ids = fields.One2many(
        comodel_name="ppid.consequence.test.line",
        inverse_name="information_id",
        string="Consequence Tests",
        readonly=True,
    )
    decree_line_ids = fields.One2many(
        comodel_name="ppid.classification.decree.line",
        inverse_name="information_id",
        string="Decrees",
        readonly=True,
    )

    _name_company_uniq = models.Constraint(
        "UNIQUE(name, company_id)", "The reference must be unique per public body."
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("name", "title")
    @api.depends_context("ppid_show_title")
    def _compute_display_name(self):
        """The reference; with its title where an item is picked from a list."""
        show_title = self.env.context.get("ppid_show_title")
        for item in self:
            item.display_name = (
                f"{item.name} – {item.title}"
                if show_title and item.title
                else item.name
            )

    @api.model
    def _search_display_name(self, operator, value):
        if operator in ("ilike", "not ilike") and value:
            domain = Domain("name", "ilike", value) | Domain("title", "ilike", value)
            return domain if operator == "ilike" else ~domain
        return super()._search_display_name(operator, value)

    @api.depends("state", "opening_proposed", "approved_datetime")
    @api.depends_context("uid")
    def _compute_can_transition(self):
        """The form's buttons ask the same gate as write() (_move_error)."""
        is_committee = "committee" in self._current_user_roles()
        forward = {
            "can_submit": "submitted",
            "can_start_test": "testing",
            "can_document": "documented",
            "can_open": "opened",
        }
        for item in self:
            for field_name, target in forward.items():
                item[field_name] = item._may_move(target)
            item.can_new_test = is_committee and item.state in TESTABLE_STATES

    @api.depends("state", "opening_proposed", "approved_datetime")
    @api.depends_context("uid")
    def _compute_card_moves(self):
        """The card's buttons (receive, approve, return), apart from the
        form's: a kanban computes only these, for every card."""
        returns = {}
        for move in MOVES:
            if move.reason == "return_reason":
                returns.setdefault(move.source, []).append(move.target)
        for item in self:
            item.can_receive = item._may_move("received")
            item.can_approve = item._may_move("exempted")
            item.can_return = any(
                item._may_move(target) for target in returns.get(item.state, ())
            )

    @api.depends("state", "approved_datetime", "return_reason")
    def _compute_life_stage(self):
        decided_by = {
            move.source for move in MOVES if move.via or CONSEQUENCE_TEST in move.actors
        }
        returned_to = {move.target for move in MOVES if move.reason == "return_reason"}
        for item in self:
            item.is_opened = item.state == "opened"
            item.is_classified = item._is_classified()
            item.is_in_progress = item.state not in ("draft", "opened") and not (
                item.is_classified
            )
            item.is_being_decided = item.state in decided_by
            item.is_returned = bool(item.return_reason) and item.state in returned_to

    @api.depends("state", "approved_datetime")
    def _compute_locks(self):
        for item in self:
            frozen = item._frozen_groups()
            for group in ("identity", "legal", "review"):
                item[f"locked_{group}"] = group in frozen

    @api.depends("state", "unit_id")
    @api.depends_context("uid")
    def _compute_is_my_task(self):
        mine = set(self._search([("is_my_task", "=", True), ("id", "in", self.ids)]))
        for item in self:
            item.is_my_task = item.id in mine

    def _search_is_my_task(self, operator, value):
        if operator != "in":
            return NotImplemented
        roles = self._current_user_roles()
        states = [
            state for state, owners in TASKS.items() if owners & roles - {"pelaksana"}
        ]
        domain = Domain("state", "in", states)
        if "pelaksana" in roles:
            domain |= Domain(
                "state",
                "in",
                [state for state, owners in TASKS.items() if "pelaksana" in owners],
            ) & Domain("unit_id", "in", self._my_units().ids)
        return domain if True in value else ~domain

    @api.depends("step_deadline")
    def _compute_step_days_left(self):
        for company, items in self.grouped("company_id").items():
            today = company._ppid_today()
            days = [
                company._ppid_to_local(item.step_deadline).date()
                for item in items
                if item.step_deadline
            ]
            calendar = days and company.ppid_calendar(
                min([today, *days]), max([today, *days])
            )
            for item in items:
                if not item.step_deadline:
                    item.step_days_left = 0
                    continue
                due = company._ppid_to_local(item.step_deadline).date()
                if due >= today:
                    item.step_days_left = calendar.days_between(today, due)
                else:
                    item.step_days_left = -calendar.days_between(due, today)

    @api.depends(
        "documented_datetime", "retention_active_years", "retention_inactive_years"
    )
    def _compute_retention_end_date(self):
        for item in self:
            years = item.retention_active_years + item.retention_inactive_years
            documented = item.documented_datetime and item.company_id._ppid_to_local(
                item.documented_datetime
            )
            item.retention_end_date = (
                documented.date() + relativedelta(years=years)
                if documented and years > 0
                else False
            )

    @api.depends(
        "company_id",
        "submitted_datetime",
        "received_datetime",
        "approved_datetime",
        "documented_datetime",
    )
    def _compute_service_levels(self):
        for company, items in self.grouped("company_id").items():
            calendar = items._working_calendar(company)
            for item in items:
                item._set_receipt_level(company, calendar)
                item._set_documentation_level(company, calendar)

    def _set_receipt_level(self, company, calendar):
        submitted = self.submitted_datetime
        if not submitted:
            self.receipt_deadline = self.receipt_hours = self.receipt_late = False
            return
        local = company._ppid_to_local(submitted)
        self.receipt_deadline = company._ppid_to_utc(
            calendar.add_hours(local, company.ppid_sla_receipt_hours)
        )
        received = self.received_datetime
        self.receipt_hours = received and calendar.hours_between(
            local, company._ppid_to_local(received)
        )
        self.receipt_late = bool(received and received > self.receipt_deadline)

    def _set_documentation_level(self, company, calendar):
        approved = self.approved_datetime
        if not approved:
            self.documentation_deadline = False
            self.documentation_days = self.documentation_late = False
            return
        approved_day = company._ppid_to_local(approved).date()
        due_day = calendar.add_days(approved_day, company.ppid_sla_documentation_days)
        self.documentation_deadline = company._ppid_to_utc(
            datetime.combine(due_day, time(23, 59, 59))
        )
        documented = self.documented_datetime
        self.documentation_days = documented and calendar.days_between(
            approved_day, company._ppid_to_local(documented).date()
        )
        self.documentation_late = bool(
            documented and documented > self.documentation_deadline
        )

    @api.depends(
        "state", "receipt_deadline", "documentation_deadline", "period_end_date"
    )
    def _compute_step_deadline(self):
        for item in self:
            item.step_deadline = {
                "submitted": item.receipt_deadline,
                "exempted": item.documentation_deadline,
                "expiring": item.period_end_date
                and item.company_id._ppid_to_utc(
                    datetime.combine(item.period_end_date, time.min)
                ),
            }.get(item.state, False)

    @api.depends("step_deadline")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for item in self:
            item.is_overdue = bool(item.step_deadline and item.step_deadline < now)

    def _search_is_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = Domain("step_deadline", "<", fields.Datetime.now())
        return domain if True in value else ~domain

    @api.depends("company_id", "period_end_date", "state")
    def _compute_ends_within(self):
        horizons = {
            company: {
                days: company.ppid_add_working_days(company._ppid_today(), days)
                for days in (30, 90)
            }
            for company in self.company_id
        }
        for item in self:
            active = item.state in ACTIVE_EXEMPTION_STATES and item.period_end_date
            limits = horizons.get(item.company_id, {})
            item.ends_within_30_working_days = bool(
                active and item.period_end_date <= limits[30]
            )
            item.ends_within_90_working_days = bool(
                active and item.period_end_date <= limits[90]
            )

    def _search_ends_within_30(self, operator, value):
        return self._search_ends_within(30, operator, value)

    def _search_ends_within_90(self, operator, value):
        return self._search_ends_within(90, operator, value)

    def _search_ends_within(self, days, operator, value):
        """Active exemptions ending within `days` working days of each body."""
        if operator != "in":
            return NotImplemented
        domain = Domain.OR(
            Domain("company_id", "=", company.id)
            & Domain(
                "period_end_date",
                "<=",
                company.ppid_add_working_days(company._ppid_today(), days),
            )
            for company in self.env.companies
        ) & Domain("state", "in", ACTIVE_EXEMPTION_STATES)
        return domain if True in value else ~domain

    @api.depends("company_id", "period_end_date")
    def _compute_expiry_notice_date(self):
        for company, items in self.grouped("company_id").items():
            calendar = items._working_calendar(company)
            for item in items:
                item.expiry_notice_date = item.period_end_date and calendar.add_days(
                    item.period_end_date, -EXPIRY_NOTICE_WORKING_DAYS
                )

    def _working_calendar(self, company):
        """One calendar covering every date these items need."""
        days = [
            value.date() if isinstance(value, datetime) else value
            for item in self
            for value in (
                item.submitted_datetime,
                item.approved_datetime,
                item.documented_datetime,
                item.period_end_date,
            )
            if value
        ] or [fields.Date.context_today(self)]
        span = timedelta(days=EXPIRY_NOTICE_WORKING_DAYS * 3)
        return company.ppid_calendar(min(days) - span, max(days) + span)

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

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("unit_id", "company_id")
    def _check_unit_in_body(self):
        for item in self:
            if item.unit_id.company_id and item.unit_id.company_id != item.company_id:
                raise ValidationError(
                    self.env._(
                        "%(unit)s belongs to another public body than %(item)s.",
                        unit=item.unit_id.display_name,
                        item=item.display_name,
                    )
                )

    @api.constrains("period_end_date", "review_date", "decree_date")
    def _check_period_dates(self):
        for item in self:
            end, review = item.period_end_date, item.review_date
            if end and review and review > end:
                raise ValidationError(
                    self.env._(
                        "The next review of %(item)s (%(review)s) cannot come after "
                        "the end of the exemption period (%(end)s).",
                        item=item.display_name,
                        review=review.strftime("%d-%m-%Y"),
                        end=end.strftime("%d-%m-%Y"),
                    )
                )
            decreed = item.decree_date
            if decreed and end and end <= decreed:
                raise ValidationError(
                    self.env._(
                        "The exemption period of %(item)s must end after the date "
                        "of its decree (%(date)s).",
                        item=item.display_name,
                        date=decreed.strftime("%d-%m-%Y"),
                    )
                )

    @api.constrains(
        "is_published", "published_harm_summary", "published_interest_summary"
    )
    def _check_published_summaries(self):
        for item in self.filtered("is_published"):
            if not (item.published_harm_summary and item.published_interest_summary):
                raise ValidationError(
                    self.env._(
                        "Write the published summaries of the consequence if opened "
                        "and if closed before publishing %(item)s.",
                        item=item.display_name,
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
        """The one create of an item: the vault holder's checks, the
        rulebook's and the reference; then the audit trail and the custody."""
        self._vault_before_create(vals_list)
        for vals in vals_list:
            self._check_values_sane(vals)
            if "huruf" in vals:
                self._check_field_rules({"huruf": vals["huruf"]})
            if vals.get("is_published"):
                self._check_publisher()
            if vals.get("state", "draft") != "draft" and not self.env.su:
                raise UserError(
                    self.env._("New exempted information always starts as a draft.")
                )
            if not self.env.su:
                self._refuse_pipeline_fields(vals)
                if "unit_id" in vals:
                    self._check_unit_move(vals["unit_id"])
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("ppid.exempted.information")
                    or "/"
                )
        items = super().create(vals_list)
        items._audit_after_create()
        items._vault_after_create()
        return items

    def write(self, vals):
        """The one write of an item. The pieces run in this order:

        1. the vault holder checks who records documents, hardcopy and
           archiving, and keeps superseded documents (_vault_before_write);
        2. the audit trail takes the values before (_audit_before_write);
        3. the rulebook: sane values, field ownership and freezes
           (ppid.workflow.mixin), the review kept, the unit, the publisher;
        4. the write, and for a move of state the gate, the decree, the
           stamps and what follows the move (_write_state);
        5. the audit trail records the changes (_audit_after_write);
        6. the vault holder records the custody transfers (_vault_after_write).
        """
        custody_before = self._vault_before_write(vals)
        audit_before = self._audit_before_write(vals)
        self._check_values_sane(vals)
        self._check_field_rules(vals)
        self._check_review_kept(vals)
        if "unit_id" in vals and not self.env.su:
            self._check_unit_move(vals["unit_id"])
        publication = set(FIELD_GROUPS["publication"])
        if publication & set(vals) and (
            "is_published" in vals or any(self.mapped("is_published"))
        ):
            self._check_publisher()
        if "state" in vals:
            result = self._write_state(vals)
        else:
            result = super().write(vals)
        self._audit_after_write(audit_before, vals)
        self._vault_after_write(custody_before)
        return result

    def unlink(self):
        self._audit_before_unlink()
        return super().unlink()

    def _write_state(self, vals):
        """A move of state: through the gate or the decree, with its stamps."""
        self._check_state_transition(vals)
        move = MOVE_BY_STATES[(self[:1].state, vals["state"])] if self else None
        if move and move.via == "decree" and self._system_actor() is not DECREE:
            return self._approve_through_decree(vals)
        vals = {**self._transition_stamps(vals["state"]), **vals}
        previous_states = {item.id: item.state for item in self}
        result = super().write(vals)
        self._after_state_change(vals["state"], previous_states)
        return result

    def _check_unit_move(self, unit_id):
        """A unit officer keeps items inside its own units (record rules are not
        checked after a write)."""
        roles = self._current_user_roles()
        if roles - {"pelaksana"} or self.env.user.has_group(
            "ppid_exempted.group_ppid_manager"
        ):
            return
        if unit_id not in self._my_units().ids:
            raise AccessError(
                self.env._("You can only place information in your own units.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(item.state != "draft" or item.submitted_datetime for item in self):
            raise UserError(
                self.env._(
                    "Exempted information that has been handed over is never "
                    "deleted: archive it with a reason instead."
                )
            )

    # ------------------------------------------------------------------
    # Pipeline rules
    # ------------------------------------------------------------------

    def _check_publisher(self):
        """Publication on the website is decided by the PPID, not by a unit."""
        if self.env.su or any(
            self.env.user.has_group(group) for group in PUBLISHER_GROUPS
        ):
            return
        raise AccessError(
            self.env._(
                "Only the PPID (service, consequence-test, documentation officers or "
                "the head of the body) decides what is published on the website."
            )
        )

    def _period_start(self):
        """The period counts from the decree, or from today before it."""
        return self.decree_date or self._today()

    def _after_state_change(self, target, previous_states):
        for item in self:
            item._check_requirements(target)
        if target == "opened":
            self._register_as_public(previous_states)
        if target == "submitted":
            for collection, items in self.grouped("collection_round_id").items():
                collection._handed_over(items.unit_id)
        self.activity_update()
        if target == "testing":
            self._leave_draft_decrees()
        self.filtered("opening_proposed").sudo().opening_proposed = target == "approval"

    def _check_requirements(self, state):
        """Check what the law requires of an item that reaches `state`."""
        missing = []
        if state == "submitted":
            missing += self._missing_for_handover()
        if state in ("approval", "exempted") and not self.opening_proposed:
            missing += self._missing_for_handover()
            missing += self._missing_for_exemption()
        if state == "exempted" and not (self.approved_by_id and self.approved_datetime):
            missing.append(self.env._("the head of the body's approval"))
        if state == "documented":
            missing += self._missing_for_documentation()
        if state == "opened":
            missing += self._missing_for_opening()
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
        missing += self._missing_scope()
        if self.state == "submitted":
            missing += self._missing_dates_at_handover()
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

    def _missing_dates_at_handover(self):
        """What a unit hands over is not already expired nor reviewed in the
        past, and stays within its huruf's maximum from today."""
        today = self._today()
        missing = []
        if self.period_end_date and self.period_end_date <= today:
            missing.append(self.env._("an end of the exemption period in the future"))
        if self.review_date and self.review_date < today:
            missing.append(self.env._("a next review date that is not in the past"))
        missing += self._missing_period_bounds(today, self.env._("from today"))
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

    def _missing_for_opening(self):
        """Rules 9, 14 and 18: an early opening rests on its event."""
        reason = self.open_reason
        today = self._today()
        if reason in ("test_open", "reclassification") and not (
            self.env.su or self.opening_proposed
        ):
            return [self.env._("a completed consequence test that concluded it open")]
        if reason == "period_ended" and not (
            self.period_end_date and self.period_end_date <= today
        ):
            return [self.env._("the end of the exemption period: it has not ended")]
        if reason == "condition_met":
            if self.period_type != "condition":
                return [self.env._("a period that ends with a condition")]
            if not (self.open_note and self.open_decision_reference):
                return [
                    self.env._(
                        "the evidence that the end condition is fulfilled (a note "
                        "and the reference of the document that proves it)"
                    )
                ]
        if reason == "public_session" and self.huruf != "a":
            return [
                self.env._(
                    "a public court session opens only information exempted under "
                    "Pasal 17 huruf a"
                )
            ]
        if reason in ("consent", "public_office"):
            if not self.legal_basis_id.openable_by_consent:
                return [
                    self.env._(
                        "consent or a public office opens only information exempted "
                        "under Pasal 17 huruf g or h"
                    )
                ]
            if not self.consent_evidence:
                return [
                    self.env._("the evidence of the consent or of the public office")
                ]
        if reason in ("court", "komisi_informasi", "public_session") and not (
            self.open_decision_reference
        ):
            return [self.env._("the reference of the decision or of the court session")]
        return []

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
        reasons = dict(self._fields["open_reason"]._description_selection(self.env))
        entries, notes = [], {}
        for item in self:
            if previous_states.get(item.id) == "testing" and not item.approved_datetime:
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
            notes[item.id] = announcement
        # In batches (the expiry cron may open thousands at once): one create
        # of the DIP entries, nobody subscribed to them, one INSERT of notes.
        from .bulk_chatter import log_notes

        self.env["ppid.public.information"].sudo().with_context(
            mail_create_nosubscribe=True
        ).create(entries)
        log_notes(self.browse(notes), notes)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        self.write({"state": "submitted"})

    def action_receive(self):
        self.write({"state": "received"})

    def action_start_test(self):
        self.write({"state": "testing"})

    def action_approve(self):
        """The head approves what the test concluded: a classification, or the
        opening of information classified before."""
        openings = self.filtered("opening_proposed")
        openings.write({"state": "opened", "open_reason": "reclassification"})
        (self - openings).write({"state": "exempted"})

    def action_document(self):
        self.write({"state": "documented"})

    def action_new_consequence_test(self):
        """A consequence-test session for these items, with the participants a
        lawful session needs already proposed (Perki 1/2021 Ps 49): the PPID
        as chair, the officer of each unit tested, the Tim Pertimbangan."""
        testable = set(TESTABLE_STATES)
        wrong = self.filtered(lambda item: item.state not in testable)
        if wrong:
            raise UserError(
                self.env._(
                    "%(items)s cannot be tested now: only received items and "
                    "classified items are tested.",
                    items=", ".join(wrong.mapped("display_name")),
                )
            )
        if len(self.company_id) > 1:
            raise UserError(
                self.env._("A session tests the information of one public body.")
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New consequence test"),
            "res_model": "ppid.consequence.test",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_company_id": self.company_id.id or self.env.company.id,
                "default_line_ids": [
                    Command.create({"information_id": item.id}) for item in self
                ],
                "default_participant_ids": [
                    Command.create(values) for values in self._proposed_participants()
                ],
            },
        }

    def _proposed_participants(self):
        company = self.company_id[:1] or self.env.company
        Users = self.env["res.users"].sudo()
        in_body = Domain("company_ids", "in", company.ids) & Domain("share", "=", False)
        chair = company._ppid_test_chair()
        values = [{"user_id": chair.id, "capacity": "ppid"}] if chair else []
        taken = set(chair.ids)
        officers = Users.search(
            in_body
            & Domain("all_group_ids", "in", self.env.ref(ROLE_GROUPS["pelaksana"]).ids)
        )
        # An officer answers for its own units and those below them: the
        # tested unit's path (parent_store) names the units above it.
        for unit in self.unit_id.sudo().filtered(
            lambda unit: unit.unit_type != "utama" and unit.active
        ):
            lineage = {
                int(unit_id) for unit_id in unit.parent_path.split("/") if unit_id
            }
            officer = next(
                (
                    user
                    for user in officers
                    if user.id not in taken and lineage & set(user.ppid_unit_ids.ids)
                ),
                None,
            )
            if officer:
                values.append(
                    {"user_id": officer.id, "capacity": "unit", "unit_id": unit.id}
                )
                taken.add(officer.id)
        members = Users.search(
            in_body
            & Domain("all_group_ids", "in", self.env.ref(ROLE_GROUPS["committee"]).ids)
        )
        values += [
            {"user_id": member.id, "capacity": "committee"}
            for member in members
            if member.id not in taken
        ]
        return values

    def action_open_reason_wizard(self):
        return self._reason_wizard_action("open", self.env._("Open to the public"))

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
            target = next(
                (
                    move.target
                    for move in MOVES
                    if move.source == item.state and move.reason == "return_reason"
                ),
                None,
            )
            if not target:
                raise UserError(
                    self.env._("%(item)s cannot be returned.", item=item.display_name)
                )
            item.write({"state": target, "return_reason": reason})

    def action_open(self, reason, note=False, decision_reference=False):
        self.write(
            {
                "state": "opened",
                "open_reason": reason,
                "open_note": note,
                "open_decision_reference": decision_reference,
            }
        )

    # ------------------------------------------------------------------
    # Classification: consequence tests and decrees (rules 7, 9, 17)
    # ------------------------------------------------------------------

    def _last_test_line(self):
        """The completed consequence test that concluded this item exempted and
        that no approved decree has adopted yet."""
        self.ensure_one()
        lines = self.consequence_test_line_ids.filtered(
            lambda line: line.test_id.state == "done" and line.conclusion == "exempted"
        )
        adopted = self.decree_line_ids.filtered(
            lambda line: line.decree_id.state == "approved"
        ).test_line_id
        return (lines - adopted).sorted(
            lambda line: (line.test_id.completed_datetime, line.id)
        )[-1:]

    def _check_review_kept(self, vals):
        """UU 14/2008 Ps 20 and the KI's monitoring: a classified item always has
        a next review date."""
        if (
            "review_date" in vals
            and not vals["review_date"]
            and any(item._is_classified() for item in self)
        ):
            raise UserError(
                self.env._("A classified item always has a next review date.")
            )

    def _is_classified(self):
        """Under a decree: exempted, or tested again while the decree holds."""
        return self.state in ACTIVE_EXEMPTION_STATES or bool(
            self.approved_datetime and self.state in ("testing", "approval")
        )

    def _value_differs(self, name, value):
        field = self._fields[name]
        new = field.convert_to_record(field.convert_to_cache(value, self), self)
        old = self[name]
        if not new and not old:
            return False
        return new != old

    def _approve_through_decree(self, vals):
        """Rule 7: every approval is the approval of a decree. A kanban drag, the
        card's Approve button or an RPC write approve the item's pending draft
        decree, or issue one for it, and never go around it."""
        extra = {name: value for name, value in vals.items() if name != "state"}
        if extra:
            super().write(extra)
        items = self.filtered(lambda item: item.state != "exempted")
        if items:
            items._decrees_for_approval()._approve()
        return True

    def _decrees_for_approval(self):
        """The draft decrees that cover exactly these items."""
        Decree = self.env["ppid.classification.decree"]
        pending = self.env["ppid.classification.decree.line"].search(
            [("information_id", "in", self.ids), ("decree_id.state", "=", "draft")]
        )
        decrees = Decree
        for decree in pending.decree_id:
            mine = decree.line_ids.filtered(lambda line: line.information_id in self)
            decrees |= decree if mine == decree.line_ids else decree._split_off(mine)
        without = self - pending.information_id
        if without:
            decrees |= Decree._create_for_items(without)
        return decrees

    def _apply_decree_lines(self, lines):
        """The approved decree sets each item exempted, with what it decided:
        the one path on which the legal fields of a classified item change
        (PP 61/2010 Ps 10)."""
        for line in lines:
            # Values differ per item; the head's approval was checked by the decree.
            line.information_id._as_system(DECREE).write(
                {**line._item_values(), "state": "exempted"}
            )
        return True

    def _leave_draft_decrees(self):
        """An item returned to the test leaves the draft decree that held it."""
        lines = (
            self.env["ppid.classification.decree.line"]
            .sudo()
            .search(
                [("information_id", "in", self.ids), ("decree_id.state", "=", "draft")]
            )
        )
        for decree, mine in lines.grouped("decree_id").items():
            decree.message_post(
                body=self.env._(
                    "%(items)s returned to the consequence test and left this decree.",
                    items=", ".join(mine.information_id.mapped("display_name")),
                )
            )
        lines.unlink()
