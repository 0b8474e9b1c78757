# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The deadlines of an item: the activity of each step of the SOP, and the
daily expiry engine (PP 61/2010 Ps 11): the warning 30 working days before the
end of the period, the opening at its end or on the date the head decided,
the periodic reviews and the periodic re-tests of long exemptions."""

import logging
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY

from .ppid_rulebook import (
    ACTIVE_EXEMPTION_STATES,
    EXPIRY,
    STEP_ACTIVITIES,
    STEP_COMPLETED_BY,
)

_logger = logging.getLogger(__name__)

# PP 61/2010 Ps 11(2): the PPID decides no later than 30 working days before
# the exemption period ends.
EXPIRY_NOTICE_WORKING_DAYS = 30
REVIEW_ACTIVITY = "ppid_exempted.mail_activity_type_ppid_review"
RETEST_ACTIVITY = "ppid_exempted.mail_activity_type_ppid_retest"
HEAD_GROUP = "ppid_exempted.group_ppid_head"
# A day of a body that met a concurrent write is run again this much later.
RETRY_MINUTES = 5


class PpidExpiryMixin(models.AbstractModel):
    """Step activities and the expiry engine of ppid.exempted.information."""

    _name = "ppid.expiry.mixin"
    _description = "PPID Deadlines and Expiry of an Item"

    # An opening decided by the head in the last 30 working days of the
    # period, on the consequence test that proposed it (PP 61/2010 Ps 11(2);
    # Bontang SOP step 3): it takes effect on this date. Written only by
    # action_schedule_opening (pipeline fields of the rulebook).
    scheduled_open_date = fields.Date(
        string="Opening Takes Effect On",
        readonly=True,
        copy=False,
        tracking=True,
        help="The head of the body decided to open this information on this date, "
        "on a consequence test that concluded it open; it stays exempted until "
        "then, and the scheduler opens it that day.",
    )
    scheduled_open_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Opening Decided by",
        readonly=True,
        copy=False,
    )
    scheduled_open_datetime = fields.Datetime(
        string="Opening Decided on", readonly=True, copy=False
    )
    scheduled_open_note = fields.Text(
        string="Reason of the Decided Opening", readonly=True, copy=False
    )

    # ------------------------------------------------------------------
    # Deadlines: activities and the expiry engine
    # ------------------------------------------------------------------

    def activity_update(self):
        """Schedule the activity of each item's current step; close the others."""
        self.check_access("write")
        for state, xmlid in STEP_ACTIVITIES.items():
            left = self.filtered(lambda i, s=state: i.state != s)
            completed = left.filtered(
                lambda i, s=state: i.state in STEP_COMPLETED_BY[s]
            )
            completed.activity_feedback([xmlid])
            (left - completed).activity_unlink([xmlid])
        self.filtered(lambda i: i.state not in ACTIVE_EXEMPTION_STATES).activity_unlink(
            [REVIEW_ACTIVITY]
        )
        scheduled = {
            (res_id, activity_type.id)
            for res_id, activity_type in self.env["mail.activity"]
            .sudo()
            ._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                ["res_id", "activity_type_id"],
            )
        }
        types = {state: self.env.ref(xmlid) for state, xmlid in STEP_ACTIVITIES.items()}
        model_id = self.env["ir.model"]._get_id(self._name)
        values = [
            vals
            for item in self.filtered(lambda i: i.state in types)
            for vals in item._step_activity_values(types[item.state], model_id)
            if (item.id, vals["activity_type_id"]) not in scheduled
        ]
        if self.env.context.get("mail_activity_quick_update"):
            # a batch (the expiry cron): one INSERT, same rows (bulk_chatter.py)
            from .bulk_chatter import create_activities

            create_activities(self.sudo().env, values)
        else:
            self.env["mail.activity"].sudo().create(values)

    def _step_activity_values(self, activity_type, model_id):
        company = self.company_id
        if self.state == "expiring" and self._has_scheduled_opening():
            # Already decided: nothing to ask until the scheduler opens it.
            return []
        owners = {
            "submitted": company.ppid_officer_user_id,
            "exempted": company.ppid_documentation_user_id,
            "expiring": (company.ppid_official_id or company.ppid_officer_user_id)
            | company.ppid_head_user_id,
        }[self.state]
        deadline = self.step_deadline or fields.Datetime.now()
        deadline_day = company._ppid_to_local(deadline).date()
        return [
            self._activity_values(activity_type, model_id, deadline_day, owner)
            for owner in owners
        ]

    def _activity_values(self, activity_type, model_id, deadline, user):
        """An automated activity, created in batch by the caller."""
        return {
            "res_model_id": model_id,
            "res_id": self.id,
            "activity_type_id": activity_type.id,
            "summary": activity_type.summary or activity_type.name,
            "date_deadline": deadline,
            "user_id": user.id,
            "automated": True,
        }

    @api.model
    def _cron_expiry(self, today=None):
        """Daily: warn 30 working days before the end of the period, open at the
        end (PP 61/2010 Pasal 11), and raise the reviews that are due."""
        # Batch context: chatter notes are logged in one go below, and assigned
        # users see their activities without one e-mail per item. Archived items
        # are still under the law.
        items = self._as_system(EXPIRY).with_context(
            tracking_disable=True, mail_activity_quick_update=True, active_test=False
        )
        companies = [
            company
            for (company,) in items._read_group(
                [("approved_datetime", "!=", False)], ["company_id"]
            )
        ]
        for company in companies:
            company_today = today or company._ppid_today()
            in_company = Domain("company_id", "=", company.id)
            # Notes in the body's language; "today" in its time zone.
            dated = items.with_context(
                ppid_today=company_today, lang=company.partner_id.lang or "en_US"
            )
            try:
                with self.env.cr.savepoint():
                    dated._open_scheduled(in_company, company_today)
                    dated._expire(company, in_company, company_today)
                    dated._raise_due_reviews(in_company, company_today)
                    dated._raise_due_retests(company, in_company, company_today)
            except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                # A user is writing the same items: this body's day is left
                # whole to the user and run again in a few minutes.
                _logger.info(
                    "PPID expiry: %s busy with a concurrent write, run again soon",
                    company.name,
                )
                self.env.ref("ppid_exempted.ir_cron_ppid_expiry")._trigger(
                    fields.Datetime.now() + timedelta(minutes=RETRY_MINUTES)
                )

    def _expire(self, company, in_company, today):
        # A period until a condition ends at its latest end date all the same
        # (PP 61/2010 Ps 5(1)); the condition may open the item before it.
        dated = in_company & Domain("period_end_date", "!=", False)
        # Items being tested again stay under their exemption until it ends.
        ended = self.search(
            dated
            & Domain("period_end_date", "<=", today)
            & (
                Domain("state", "in", ACTIVE_EXEMPTION_STATES)
                | (
                    Domain("state", "in", ("testing", "approval"))
                    & Domain("approved_datetime", "!=", False)
                )
            )
        )
        ended._open_at_end_of_period()
        notice_limit = company.ppid_add_working_days(today, EXPIRY_NOTICE_WORKING_DAYS)
        expiring = self.search(
            dated
            & Domain("state", "in", ("exempted", "documented"))
            & Domain("period_end_date", "<=", notice_limit)
        )
        expiring.write({"state": "expiring"})
        expiring._log_batch(
            self.env._(
                "The exemption period ends within %(days)s working days: the PPID "
                "decides, with the head's approval, whether to open it or to test it "
                "again.",
                days=EXPIRY_NOTICE_WORKING_DAYS,
            )
        )

    def _open_at_end_of_period(self):
        if not self:
            return
        note = self.env._(
            "The exemption period ended without a decision: the information is "
            "public by law (PP 61/2010 Pasal 11(3))."
        )
        self.write(
            {"state": "opened", "open_reason": "period_ended", "open_note": note}
        )

    def _log_batch(self, body):
        # one INSERT for the whole batch (bulk_chatter.py)
        from .bulk_chatter import log_notes

        log_notes(self, dict.fromkeys(self.ids, body))

    def _raise_due_reviews(self, in_company, today):
        """Rule 26: every active exemption is reviewed by its next-review date."""
        due = self.search(
            in_company
            & Domain("state", "in", ACTIVE_EXEMPTION_STATES)
            & Domain("review_date", "<=", today)
        )
        # A review raised for the current review date, done or not, is not
        # raised again: the reviewer moves the date forward.
        activity_type = self.env.ref(REVIEW_ACTIVITY)
        raised = dict(
            self.env["mail.activity"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", due.ids),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id"],
                ["date_deadline:max"],
            )
        )
        due = due.filtered(
            lambda item: item.id not in raised or raised[item.id] < item.review_date
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().create(
            [
                item._activity_values(
                    activity_type,
                    model_id,
                    item.review_date,
                    item.company_id.ppid_officer_user_id,
                )
                for item in due
                if item.company_id.ppid_officer_user_id
            ]
        )

    # ------------------------------------------------------------------
    # Openings decided before the end of the period (Bontang SOP step 3)
    # ------------------------------------------------------------------

    def _has_scheduled_opening(self):
        """Whether this item carries a decided opening still in force: one
        decided after the decree that now holds (a later decree, from a new
        test, supersedes it)."""
        self.ensure_one()
        return bool(
            self.scheduled_open_date
            and self.scheduled_open_datetime
            and (
                not self.approved_datetime
                or self.scheduled_open_datetime >= self.approved_datetime
            )
        )

    def _scheduled_opening_error(self, vals):
        """Why the head may not set this proposed opening to take effect later,
        or None. Asked by the gate of the pipeline for the move from approval
        back to the exemption (ppid.workflow.mixin)."""
        self.ensure_one()
        if not self.opening_proposed:
            # The consideration sheet of the consequence test is what the
            # head's decision rests on (Bontang SOP step 3, its "kelengkapan").
            return UserError(
                self.env._(
                    "%(item)s has no consequence test that concluded it open: "
                    "an opening is decided on the sheet of a completed consequence "
                    "test. Test it again first.",
                    item=self.display_name,
                )
            )
        if vals is None:
            return None
        if not vals.get("scheduled_open_date"):
            return UserError(
                self.env._(
                    "Choose the date on which the opening of %(item)s takes effect; "
                    "use Open at a Later Date.",
                    item=self.display_name,
                )
            )
        try:
            day = fields.Date.to_date(vals["scheduled_open_date"])
        except (TypeError, ValueError):
            day = None
        if not isinstance(day, date):
            return ValidationError(
                self.env._(
                    "%(value)s is not a date: choose the date on which the opening "
                    "takes effect.",
                    value=vals["scheduled_open_date"],
                )
            )
        today = self._today()
        end = self.period_end_date
        if not end:
            return UserError(
                self.env._(
                    "%(item)s has no end date of its period: open it now instead.",
                    item=self.display_name,
                )
            )
        if today < self.expiry_notice_date:
            return UserError(
                self.env._(
                    "An opening takes effect later only when decided within the last "
                    "%(days)s working days of the period, from %(date)s (PP 61/2010 "
                    "Pasal 11(2)); open %(item)s now instead.",
                    days=EXPIRY_NOTICE_WORKING_DAYS,
                    date=self.expiry_notice_date,
                    item=self.display_name,
                )
            )
        if day < today:
            return UserError(
                self.env._(
                    "An opening cannot take effect before it is decided (%(date)s).",
                    date=today,
                )
            )
        if day > end:
            return UserError(
                self.env._(
                    "%(item)s becomes public by law when its period ends on %(end)s "
                    "(PP 61/2010 Pasal 11(3)): choose that date or an earlier one.",
                    item=self.display_name,
                    end=end,
                )
            )
        if not (vals.get("scheduled_open_note") or "").strip():
            return UserError(
                self.env._(
                    "Give the reason of the decision to open %(item)s.",
                    item=self.display_name,
                )
            )
        return None

    def action_schedule_opening(self, open_date=False, note=False):
        """The head approves the opening a consequence test proposed, to take
        effect at the end of the period (or on `open_date`): the item stays
        exempted until then (PP 61/2010 Ps 11(2); Bontang SOP step 3)."""
        if not self.env.user.has_group(HEAD_GROUP):
            raise AccessError(
                self.env._(
                    "Only the head of the body (Atasan PPID) approves an opening."
                )
            )
        now = fields.Datetime.now()
        for item in self:
            vals = {
                "state": "expiring",
                "scheduled_open_date": open_date or item.period_end_date,
                "scheduled_open_note": (note or "").strip(),
            }
            if not item.opening_proposed:
                raise item._scheduled_opening_error(vals)
            item._check_state_transition(vals)
            # The decision's stamps are pipeline fields: written with the
            # rights of the pipeline, after the gate above checked the head.
            item.sudo().write(
                {
                    **vals,
                    "scheduled_open_by_id": self.env.uid,
                    "scheduled_open_datetime": now,
                }
            )
            item.message_post(
                body=self.env._(
                    "Opening approved by %(user)s, to take effect on %(date)s: "
                    "%(reason)s",
                    user=self.env.user.name,
                    date=item.scheduled_open_date,
                    reason=item.scheduled_open_note,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_schedule_opening_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Open at a Later Date"),
            "res_model": "ppid.scheduled.opening.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_information_id": self.id,
                "default_open_date": self.period_end_date,
            },
        }

    def _open_scheduled(self, in_company, today):
        """Open, as the scheduler, the items whose decided opening falls due."""
        due = self.search(
            in_company
            & Domain("state", "in", ACTIVE_EXEMPTION_STATES)
            & Domain("scheduled_open_date", "<=", today)
        ).filtered(lambda item: item._has_scheduled_opening())
        for item in due:
            item.write(
                {
                    "state": "opened",
                    "open_reason": "reclassification",
                    "open_note": self.env._(
                        "Opened on %(date)s as decided by %(user)s on %(decided)s "
                        "(PP 61/2010 Pasal 11(2)): %(reason)s",
                        date=item.scheduled_open_date,
                        user=item.scheduled_open_by_id.name,
                        decided=fields.Date.to_date(item.scheduled_open_datetime),
                        reason=item.scheduled_open_note or "",
                    ),
                }
            )

    # ------------------------------------------------------------------
    # Periodic re-tests of long exemptions (Kaltim SOP: U, H)
    # ------------------------------------------------------------------

    def _raise_due_retests(self, company, in_company, today):
        """Every `ppid_retest_interval_years` after its decree, a long
        exemption is tested again (Kaltim SOP: consequence tests are done
        periodically; PP 61/2010 Ps 10). Raised once per due date, to the
        PPID who chairs the test."""
        years = company.ppid_retest_interval_years
        owner = company.ppid_official_id or company.ppid_officer_user_id
        if years <= 0 or not owner:
            return
        oldest = datetime.combine(today - relativedelta(years=years), time.max)
        candidates = self.search(
            in_company
            & Domain("state", "in", ("exempted", "documented"))
            & Domain("approved_datetime", "<=", oldest)
        )
        due_dates = {}
        for item in candidates:
            decided = company._ppid_to_local(item.approved_datetime).date()
            count = relativedelta(today, decided).years // years
            due = decided + relativedelta(years=count * years)
            if count and not (item.period_end_date and item.period_end_date <= due):
                due_dates[item.id] = due
        activity_type = self.env.ref(RETEST_ACTIVITY)
        raised = dict(
            self.env["mail.activity"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", list(due_dates)),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id"],
                ["date_deadline:max"],
            )
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().create(
            [
                item._activity_values(activity_type, model_id, due, owner)
                for item in candidates
                if (due := due_dates.get(item.id))
                and not (item.id in raised and raised[item.id] >= due)
            ]
        )
