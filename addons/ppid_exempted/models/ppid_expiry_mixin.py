# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The deadlines of an item: the activity of each step of the SOP, and the
daily expiry engine (PP 61/2010 Ps 11): the warning 30 working days before the
end of the period, the opening at its end, and the periodic reviews."""

import logging
from datetime import timedelta

from odoo import api, fields, models
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
# A day of a body that met a concurrent write is run again this much later.
RETRY_MINUTES = 5


class PpidExpiryMixin(models.AbstractModel):
    """Step activities and the expiry engine of ppid.exempted.information."""

    _name = "ppid.expiry.mixin"
    _description = "PPID Deadlines and Expiry of an Item"

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
                    dated._expire(company, in_company, company_today)
                    dated._raise_due_reviews(in_company, company_today)
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
