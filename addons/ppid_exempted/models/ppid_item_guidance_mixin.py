# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the item's form and kanban card show to guide the user in the first
hour: the units offered, the test conclusion on the card, what is late, the
period chip and the period guidance of PP 61/2010, and the officer's own unit
as the default. No rule here: the screens change on their own."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import format_date, format_datetime

from .ppid_rulebook import ACTIVE_EXEMPTION_STATES

# Roles that work on the items of the whole body (see the record rules).
WHOLE_BODY_GROUPS = (
    "ppid_exempted.group_ppid_service",
    "ppid_exempted.group_ppid_committee",
    "ppid_exempted.group_ppid_documentation",
    "ppid_exempted.group_ppid_head",
    "ppid_exempted.group_ppid_auditor",
    "ppid_exempted.group_ppid_manager",
)


class PpidItemGuidanceMixin(models.AbstractModel):
    """What the form and the kanban show to guide the user; no rule here
    (kept apart from the pipeline so that the screens change on their own)."""

    _name = "ppid.item.guidance.mixin"
    _description = "Guidance on the Screens of an Item"

    allowed_unit_ids = fields.Many2many(
        comodel_name="ppid.unit",
        compute="_compute_allowed_unit_ids",
        string="Units Offered",
        help="The holding units this user may register an item for: a unit "
        "officer's own units, every unit of the body for the PPID.",
    )

    # What the head decides on, on the card.
    card_conclusion = fields.Char(
        string="Test Conclusion",
        compute="_compute_card_conclusion",
        help="Conclusion of the item's latest consequence test.",
    )
    late_reason = fields.Char(
        string="What Is Late",
        compute="_compute_late_reason",
        help="The step whose deadline has passed, and its deadline.",
    )
    working_days_left = fields.Integer(
        compute="_compute_period_chip",
        help="Working days from today to the end of the exemption period.",
    )
    period_chip = fields.Char(
        string="Period Ends",
        compute="_compute_period_chip",
        help="Shown on the card when the period ends within 90 working days.",
    )
    # Guidance from the exemption-period rule of PP 61/2010 for the huruf.
    period_guidance = fields.Text(compute="_compute_period_guidance")
    period_latest_end_date = fields.Date(
        string="Latest End Date",
        compute="_compute_period_guidance",
        help="The decree date (today before the decree) plus the longest period "
        "of the huruf (PP 61/2010 Pasal 5(1): 30 years for huruf a).",
    )
    review_date_suggested = fields.Date(
        string="Suggested Review Date",
        compute="_compute_period_guidance",
        help="A year from today, and never after the end of the period: the "
        "register is re-issued every year.",
    )
    period_warning = fields.Char(compute="_compute_period_guidance")

    @api.depends("consequence_test_line_ids.conclusion")
    def _compute_card_conclusion(self):
        labels = dict(
            self.env["ppid.consequence.test.line"]
            ._fields["conclusion"]
            ._description_selection(self.env)
        )
        for item in self:
            lines = item.consequence_test_line_ids.filtered("conclusion").sorted("id")
            item.card_conclusion = lines and labels.get(lines[-1].conclusion) or False

    @api.depends("state", "step_deadline", "period_end_date")
    def _compute_late_reason(self):
        now = fields.Datetime.now()
        for item in self:
            deadline = item.step_deadline
            if not deadline or deadline >= now:
                item.late_reason = False
            elif item.state == "submitted":
                item.late_reason = self.env._(
                    "Receipt late: the tanda terima was due %(deadline)s",
                    deadline=format_datetime(self.env, deadline, dt_format="short"),
                )
            elif item.state == "exempted":
                item.late_reason = self.env._(
                    "Documentation late: due %(deadline)s",
                    deadline=format_datetime(self.env, deadline, dt_format="short"),
                )
            elif item.state == "expiring":
                item.late_reason = self.env._(
                    "Period ended on %(date)s: open the information or test it again",
                    date=format_date(self.env, item.period_end_date),
                )
            else:
                item.late_reason = self.env._(
                    "Late since %(deadline)s",
                    deadline=format_datetime(self.env, deadline, dt_format="short"),
                )

    @api.depends(
        "state",
        "legal_basis_id",
        "period_type",
        "period_end_date",
        "review_date",
        "decree_date",
        "company_id",
    )
    @api.depends_context("lang")
    def _compute_period_guidance(self):
        for item in self:
            company = item.company_id or self.env.company
            today = company._ppid_today()
            basis = item.legal_basis_id
            end = item.period_type == "date" and item.period_end_date
            latest = (
                basis.max_period_years
                and (item.decree_date or today)
                + relativedelta(years=basis.max_period_years)
            ) or False
            suggested = today + relativedelta(years=1)
            if end and end > today:
                suggested = min(suggested, end)
            lines = []
            if basis:
                if basis.period_rule:
                    lines.append(
                        f"{basis.label}: {basis.period_rule}"
                        + (
                            f" ({basis.period_rule_reference})"
                            if basis.period_rule_reference
                            else ""
                        )
                    )
                if latest:
                    lines.append(
                        self.env._(
                            "Longest period: %(years)s years, until %(date)s at the "
                            "latest.",
                            years=basis.max_period_years,
                            date=format_date(self.env, latest),
                        )
                    )
                if basis.head_sets_period:
                    lines.append(
                        self.env._(
                            "The head of the body sets the period (PP 61/2010 Pasal 7)."
                        )
                    )
                lines.append(
                    self.env._(
                        "Suggested review date: %(date)s.",
                        date=format_date(self.env, suggested),
                    )
                )
            warnings = []
            if end and end < today and item.state not in ("opened",):
                warnings.append(self.env._("The end date is in the past."))
            if end and latest and end > latest:
                warnings.append(
                    self.env._(
                        "The end date goes beyond the longest period of the huruf."
                    )
                )
            if end and item.review_date and item.review_date > end:
                warnings.append(
                    self.env._("The review date falls after the end of the period.")
                )
            item.period_guidance = "\n".join(lines) or False
            item.period_latest_end_date = latest
            item.review_date_suggested = basis and suggested or False
            item.period_warning = " ".join(warnings) or False

    @api.depends("state", "period_type", "period_end_date", "company_id")
    @api.depends_context("lang")
    def _compute_period_chip(self):
        """The card's "ends in N working days" (the kanban reads only this)."""
        calendars = self._chip_calendars()
        for item in self:
            today, calendar = calendars[item.company_id or self.env.company]
            end = item.period_type == "date" and item.period_end_date
            left = 0
            chip = False
            if item._needs_chip(today):
                left = calendar.days_between(today, end)
                if left <= 0:
                    chip = self.env._("Period ended")
                else:
                    chip = self.env._("Ends in %(days)s working days", days=left)
            item.working_days_left = left
            item.period_chip = chip

    def _needs_chip(self, today):
        """Within about 90 working days (PP 61/2010 Pasal 11: the notice starts
        30 working days before the end)."""
        end = self.period_type == "date" and self.period_end_date
        return bool(
            end
            and self.state in ACTIVE_EXEMPTION_STATES
            and end <= today + timedelta(days=150)
        )

    def _chip_calendars(self):
        """{body: (its today, one working calendar covering every chip)}:
        one query per body, not one per card."""
        calendars = {}
        for company, items in self.grouped(
            lambda item: item.company_id or self.env.company
        ).items():
            today = company._ppid_today()
            ends = [item.period_end_date for item in items if item._needs_chip(today)]
            calendars[company] = (
                today,
                ends
                and company.ppid_calendar(min([today, *ends]), max([today, *ends])),
            )
        return calendars

    @api.depends_context("uid")
    def _compute_allowed_unit_ids(self):
        units = self._units_offered()
        for item in self:
            item.allowed_unit_ids = units

    def _units_offered(self):
        user = self.env.user
        if self.env.su or any(user.has_group(group) for group in WHOLE_BODY_GROUPS):
            return self.env["ppid.unit"].search(
                [("company_id", "in", self.env.companies.ids)]
            )
        return self._my_units()

    @api.model
    def default_get(self, fields_list):
        """A unit officer's new item starts in the officer's own unit."""
        values = super().default_get(fields_list)
        if "unit_id" in fields_list and not values.get("unit_id"):
            own = self.env.user.ppid_unit_ids.filtered("active")[:1]
            if own:
                values["unit_id"] = own.id
        return values
