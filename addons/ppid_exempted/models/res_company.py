# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Domain

from ..utils import working_days


class ResCompany(models.Model):
    """The public body: its working-day calendar and its SOP service levels."""

    _inherit = "res.company"

    ppid_cuti_bersama_non_working = fields.Boolean(
        string="Cuti Bersama Is Not a Working Day",
        default=True,
        help="Count the government's collective leave days (cuti bersama) as "
        "non-working days in every PPID deadline.",
    )
    ppid_official_id = fields.Many2one(
        comodel_name="res.users",
        string="PPID Official",
        help="The PPID official who sets the classification of exempted "
        "information (PP 61/2010 Pasal 3 and 4(2)(b)): named on each decree as "
        "the official who sets it, signs the decree and the units' hand-overs. "
        "Bodies call this official the PPID Utama (Kaltim), the PPID Kabupaten "
        "(Kukar) or the PPID Kota (Bontang).",
    )
    ppid_chair_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Ketua PPID",
        help="Chairs the consequence tests (SOP Bontang: Ketua PPID; SOP Kaltim, "
        "definition F: the test is chaired by the PPID). When empty, the PPID "
        "official chairs.",
    )
    ppid_decree_signature_required = fields.Boolean(
        string="The PPID Official Signs Each Decree",
        help="PP 61/2010 Pasal 3: the PPID sets the classification, the head of "
        "the body approves it. When set, the head approves a decree only after "
        "the PPID official named on it signed it in the system.",
    )
    ppid_decree_head_may_sign = fields.Boolean(
        string="The Head May Sign in the Official's Place",
        help="Where the head of the body (Atasan PPID) sets the classification "
        "himself (e.g. a Surat Keputusan Atasan PPID), the configured head may "
        "sign a decree as the official who sets it.",
    )
    ppid_official_position = fields.Char(
        string="PPID Official's Position",
        help="As printed on decrees and letters, e.g. Kepala Dinas Komunikasi dan "
        "Informatika selaku PPID Utama.",
    )
    ppid_official_nip = fields.Char(string="PPID Official's NIP")
    ppid_decree_place = fields.Char(
        string="Place of Decrees",
        help="Where decrees are set (PP 61/2010 Pasal 4(2)(f)); the city of the "
        "body when empty.",
    )
    ppid_officer_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Service Officer",
        help="Petugas Layanan of the PPID Utama: receives the units' hand-overs and "
        "the periodic reviews.",
    )
    ppid_head_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Head of the Body (Atasan PPID)",
        help="Approves classifications and, with the PPID official, decides on "
        "expiring exemptions.",
    )
    ppid_documentation_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Documentation Officer",
        help="Stores the softcopy and the hardcopy of exempted information.",
    )
    # Who a consequence test needs (SOP Kaltim, definition F; SOP Bontang;
    # Perki 1/2021 Pasal 49): the PPID chairs, the officer of each unit whose
    # information is tested, and other members (Tim Pertimbangan or experts of
    # the related field).
    ppid_test_requires_ppid = fields.Boolean(
        string="The PPID Chairs Each Consequence Test",
        default=True,
        help="A consequence test completes only with its chair among its "
        "participants, in the capacity of PPID: the Ketua PPID, or the PPID "
        "official when the body names no Ketua PPID.",
    )
    ppid_test_requires_unit_officers = fields.Boolean(
        string="Each Unit's Officer Takes Part",
        default=True,
        help="A consequence test completes only with the PPID Pelaksana (or PPID "
        "Pembantu) of each unit whose information it tests, in the capacity of "
        "holding unit.",
    )
    ppid_test_min_other_members = fields.Integer(
        string="Other Members (at Least)",
        default=1,
        help="How many members besides the PPID and the units' officers a "
        "consequence test needs at least: members of the Tim Pertimbangan or "
        "experts of the related field.",
    )
    # SOP service levels, defaulting to the Kutai Kartanegara SOP.
    ppid_sla_notification_days = fields.Integer(
        string="Notification (working days)", default=1
    )
    ppid_sla_handover_days = fields.Integer(
        string="Hand-over (working days)", default=1
    )
    ppid_sla_receipt_hours = fields.Float(string="Receipt (working hours)", default=1.0)
    ppid_sla_documentation_days = fields.Integer(
        string="Documentation (working days)", default=1
    )
    ppid_sla_total_days = fields.Integer(
        string="Waktu Baku (working days)",
        default=4,
        help="The whole procedure, from the notification letter to the "
        "documentation of what a unit handed over (Kukar SOP: 4 days).",
    )

    @api.constrains("ppid_test_min_other_members")
    def _check_ppid_test_min_other_members(self):
        for company in self:
            if company.ppid_test_min_other_members < 0:
                raise ValidationError(
                    self.env._("The number of other members cannot be negative.")
                )

    @api.constrains("ppid_sla_total_days")
    def _check_ppid_sla_total_days(self):
        for company in self:
            if company.ppid_sla_total_days < 1:
                raise ValidationError(
                    self.env._("The waktu baku is at least one working day.")
                )

    # ------------------------------------------------------------------
    # The roles the SOPs name
    # ------------------------------------------------------------------

    def _ppid_handover_signer(self):
        """Who signs the units' hand-overs (Kukar SOP step 2: "ditandatangani
        oleh PPID Kabupaten"): the PPID official."""
        self.ensure_one()
        return self.ppid_official_id

    def _ppid_test_chair(self):
        """Who chairs a consequence test: the Ketua PPID, else the PPID
        official (SOP Kaltim, definition F; SOP Bontang)."""
        self.ensure_one()
        return self.ppid_chair_user_id or self.ppid_official_id

    def _ppid_decree_signers(self):
        """Who may sign a decree as the official who sets the classification
        (PP 61/2010 Pasal 3, 4(2)(b)): the PPID official, and the head of the
        body where the body lets the head sign."""
        self.ensure_one()
        signers = self.ppid_official_id
        if self.ppid_decree_head_may_sign:
            signers |= self.ppid_head_user_id
        return signers

    # ------------------------------------------------------------------
    # Waktu baku: the whole procedure against the standard
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Working days: the one place every PPID deadline is computed
    # ------------------------------------------------------------------

    def ppid_calendar(self, date_from, date_to):
        """The body's working calendar for a date range, in one query.

        Deadlines of many records are computed with one calendar, never with a
        query per record.
        """
        self.ensure_one()
        attendances = self.resource_calendar_id.attendance_ids
        worked = {int(day) for day in attendances.mapped("dayofweek")}
        weekend = tuple(d for d in range(7) if d not in worked) if worked else (5, 6)
        hours = (
            (min(attendances.mapped("hour_from")), max(attendances.mapped("hour_to")))
            if attendances
            else (8.0, 16.0)
        )
        margin = timedelta(days=90)
        closed = self._ppid_non_working_days(date_from - margin, date_to + margin)
        return working_days.WorkingCalendar(frozenset(closed), weekend, *hours)

    def ppid_add_working_days(self, day, days):
        """`day` plus (or minus) `days` working days of this body's calendar."""
        span = timedelta(days=abs(days) * 2)
        return self.ppid_calendar(day - span, day + span).add_days(day, days)

    def ppid_add_working_hours(self, moment, hours):
        """UTC datetime plus `hours` office hours, in the calendar's time zone."""
        local = self._ppid_to_local(moment)
        span = timedelta(days=int(abs(hours)) // 4 + 1)
        calendar = self.ppid_calendar(local.date() - span, local.date() + span)
        return self._ppid_to_utc(calendar.add_hours(local, hours))

    def _ppid_today(self):
        """Today in the body's own time zone (the cron runs in UTC)."""
        return self._ppid_to_local(fields.Datetime.now()).date()

    def _ppid_tz(self):
        return pytz.timezone(self.resource_calendar_id.tz or "Asia/Jakarta")

    def _ppid_to_local(self, moment):
        return (
            pytz.utc.localize(moment).astimezone(self._ppid_tz()).replace(tzinfo=None)
        )

    def _ppid_to_utc(self, moment):
        return (
            self._ppid_tz().localize(moment).astimezone(pytz.utc).replace(tzinfo=None)
        )

    def _ppid_non_working_days(self, date_from, date_to, every_holiday=False):
        """Holidays (global leaves) of the body's calendar between two dates;
        cuti bersama only where the body counts it as non-working."""
        self.ensure_one()
        calendar = self.resource_calendar_id
        domain = Domain(
            [
                ("resource_id", "=", False),
                ("calendar_id", "in", [calendar.id, False]),
                ("company_id", "in", [self.id, False]),
                ("date_from", "<=", datetime.combine(date_to, time.max)),
                ("date_to", ">=", datetime.combine(date_from, time.min)),
            ]
        )
        if not (every_holiday or self.ppid_cuti_bersama_non_working):
            domain &= Domain("ppid_holiday_type", "!=", "cuti_bersama")
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search_fetch(domain, ["date_from", "date_to"])
        )
        closed = set()
        for leave in leaves:
            day = self._ppid_to_local(leave.date_from).date()
            last = self._ppid_to_local(leave.date_to).date()
            while day <= last:
                closed.add(day)
                day += timedelta(days=1)
        return closed

    # ------------------------------------------------------------------
    # Public holidays
    # ------------------------------------------------------------------

    @api.model
    def _ppid_preload_holidays(self, years):
        """Load the given years' holidays for every body (run at install)."""
        self.search([("resource_calendar_id", "!=", False)]).ppid_load_holidays(years)

    def ppid_load_holidays(self, years):
        """Create the national holidays and cuti bersama of `years` as global
        leaves of each body's calendar; days already there are kept."""
        if not (
            self.env.su or self.env.user.has_group("ppid_exempted.group_ppid_manager")
        ):
            raise AccessError(
                self.env._("Only the PPID administrator loads public holidays.")
            )
        Leave = self.env["resource.calendar.leaves"].sudo()
        national = working_days.indonesian_holidays(years, include_cuti_bersama=False)
        every_day = working_days.indonesian_holidays(years, include_cuti_bersama=True)
        created = Leave
        for company in self:
            known = company._ppid_non_working_days(
                min(every_day), max(every_day), every_holiday=True
            )
            values = [
                {
                    "name": name,
                    "calendar_id": company.resource_calendar_id.id,
                    "company_id": company.id,
                    "date_from": company._ppid_to_utc(datetime.combine(day, time.min)),
                    "date_to": company._ppid_to_utc(
                        datetime.combine(day, time(23, 59, 59))
                    ),
                    "ppid_holiday_type": "national"
                    if day in national
                    else "cuti_bersama",
                }
                for day, name in sorted(every_day.items())
                if day not in known
            ]
            created |= Leave.create(values)
        return created
