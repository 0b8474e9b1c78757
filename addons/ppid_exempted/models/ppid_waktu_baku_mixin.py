# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Waktu baku: a procedure of the SOP measured against its standard.

The Kutai Kartanegara SOP gives the whole procedure, from the notification
letter to the documentation of what was handed over, a standard time (waktu
baku, 4 working days). A hand-over and a collection round are each such a
procedure; this mixin holds the figures they show and how they are counted,
in working days of the body's calendar. Each model says when its procedure
starts and when it was completed (`_compute_waktu_baku`).
"""

from odoo import fields, models


class PpidWaktuBakuMixin(models.AbstractModel):
    _name = "ppid.waktu.baku.mixin"
    _description = "Procedure Measured against the SOP's Waktu Baku"

    standard_due = fields.Date(
        string="Waktu Baku Deadline",
        compute="_compute_waktu_baku",
        help="The start of the procedure (the letter, or the round's "
        "notification) plus the SOP's waktu baku, in working days of the body's "
        "calendar.",
    )
    completed_datetime = fields.Datetime(
        string="Procedure Completed",
        compute="_compute_waktu_baku",
        help="When the last step was done: everything handed over documented.",
    )
    elapsed_days = fields.Integer(
        string="Working Days Taken",
        compute="_compute_waktu_baku",
        help="Working days from the start to the end of the procedure (or to "
        "today while it runs).",
    )
    timing_status = fields.Selection(
        selection=[
            ("running", "In Progress"),
            ("on_time", "On Time"),
            ("late", "Late"),
        ],
        string="Waktu Baku",
        compute="_compute_waktu_baku",
    )
    late_days = fields.Integer(
        string="Late by (working days)", compute="_compute_waktu_baku"
    )
    timing_label = fields.Char(
        string="Against the Standard", compute="_compute_waktu_baku"
    )

    def _compute_waktu_baku(self):
        raise NotImplementedError

    def _set_waktu_baku(self, company, calendar, start, done, today):
        """Fill the figures of a procedure that started on `start` and was
        completed at `done` (a UTC datetime, or False while it runs)."""
        self.ensure_one()
        self.completed_datetime = done
        if not start:
            self.standard_due = False
            self.elapsed_days = self.late_days = 0
            self.timing_status = "running"
            self.timing_label = self.env._("Not notified")
            return
        standard = company.ppid_sla_total_days
        due = self.standard_due = calendar.add_days(start, standard)
        end = company._ppid_to_local(done).date() if done else today
        elapsed = self.elapsed_days = max(calendar.days_between(start, end), 0)
        late = self.late_days = (
            max(calendar.days_between(due, end), 0) if end > due else 0
        )
        if late:
            self.timing_status = "late"
            self.timing_label = self.env._(
                "Late by %(late)s working day(s): %(days)s of %(standard)s.",
                late=late,
                days=elapsed,
                standard=standard,
            )
        elif done:
            self.timing_status = "on_time"
            self.timing_label = self.env._(
                "On time: %(days)s of %(standard)s working day(s).",
                days=elapsed,
                standard=standard,
            )
        else:
            self.timing_status = "running"
            self.timing_label = self.env._(
                "In progress: %(days)s of %(standard)s working day(s) so far.",
                days=elapsed,
                standard=standard,
            )
