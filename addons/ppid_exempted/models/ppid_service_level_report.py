# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Service levels of the SOP steps against their targets (reporting only).

One row per step of the SOP that has a deadline, for each letter or item that
reached it (Kukar SOP: notification within 1 working day, hand-over within 1,
receipt within 1 working hour with a tanda terima, documentation within 1):

- notification: the letter's date to its acknowledgement;
- hand-over: the round's notification date to the item's hand-over, against
  the round's deadline;
- receipt: the hand-over to the receipt by the service officer, in working
  hours (the item's own stored service level);
- documentation: the head's approval to the documentation (idem, working days).

Working days are the body's own calendar (Perpres 21/2023; SKB 3 Menteri):
the weekdays of its working schedule minus its holidays, and its cuti bersama
where the body counts them as non-working, exactly as
``res.company.ppid_calendar`` counts them.
"""

from odoo import fields, models, tools
from odoo.exceptions import UserError
from odoo.orm.models import parse_read_group_spec
from odoo.tools import SQL

# The steps in the order of the SOP (the pipeline's order, not the codes').
STEPS = [
    ("notification", "Notification letter received (working days)"),
    ("handover", "Hand-over (working days)"),
    ("receipt", "Receipt (working hours)"),
    ("documentation", "Documentation (working days)"),
]

# Working days in (d_from, d_to] of a body's calendar, negated when d_to is
# before d_from: the SQL twin of utils.working_days.working_days_between fed by
# res.company.ppid_calendar (weekdays of the schedule, else Monday to Friday;
# global leaves of the body's calendar; cuti bersama only where non-working).
WORKING_DAYS_FUNCTION = """
CREATE OR REPLACE FUNCTION ppid_working_days_between(
    company integer, d_from date, d_to date
) RETURNS integer LANGUAGE sql STABLE STRICT AS $$
    WITH body AS (
        SELECT c.id, c.resource_calendar_id AS calendar_id,
               coalesce(rc.tz, 'Asia/Jakarta') AS tz,
               coalesce(c.ppid_cuti_bersama_non_working, false) AS cuti
          FROM res_company c
          LEFT JOIN resource_calendar rc ON rc.id = c.resource_calendar_id
         WHERE c.id = company
    ), worked AS (
        SELECT DISTINCT a.dayofweek::integer AS dow
          FROM resource_calendar_attendance a
          JOIN body ON a.calendar_id = body.calendar_id
    )
    SELECT (CASE WHEN d_to >= d_from THEN 1 ELSE -1 END) * count(*)::integer
      FROM body,
           generate_series(
               CASE WHEN d_to >= d_from THEN d_from + 1 ELSE d_to END,
               CASE WHEN d_to >= d_from THEN d_to ELSE d_from - 1 END,
               interval '1 day'
           ) AS series(moment)
     WHERE CASE WHEN EXISTS (SELECT 1 FROM worked)
                THEN extract(isodow FROM series.moment)::integer - 1
                     IN (SELECT dow FROM worked)
                ELSE extract(isodow FROM series.moment) < 6 END
       AND NOT EXISTS (
           SELECT 1 FROM resource_calendar_leaves leave
            WHERE leave.resource_id IS NULL
              AND (leave.calendar_id = body.calendar_id OR leave.calendar_id IS NULL)
              AND (leave.company_id = body.id OR leave.company_id IS NULL)
              AND (body.cuti OR leave.ppid_holiday_type IS DISTINCT FROM 'cuti_bersama')
              AND (leave.date_from AT TIME ZONE 'UTC' AT TIME ZONE body.tz)::date
                  <= series.moment::date
              AND (leave.date_to AT TIME ZONE 'UTC' AT TIME ZONE body.tz)::date
                  >= series.moment::date
       )
$$
"""


class PpidServiceLevelReport(models.Model):
    """One SOP step of one letter or item: when it started, its deadline,
    when it was done, how long it took against its target."""

    _name = "ppid.service.level.report"
    _description = "PPID Service Level"
    _auto = False
    _order = "start desc, id desc"
    _rec_name = "step"

    step = fields.Selection(selection=STEPS, readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Public Body", readonly=True
    )
    unit_id = fields.Many2one(
        comodel_name="ppid.unit", string="Holding Unit", readonly=True
    )
    information_id = fields.Many2one(
        comodel_name="ppid.exempted.information",
        string="Exempted Information",
        readonly=True,
    )
    letter_id = fields.Many2one(
        comodel_name="ppid.collection.round.letter",
        string="Notification Letter",
        readonly=True,
    )
    round_id = fields.Many2one(
        comodel_name="ppid.collection.round",
        string="Collection Round",
        readonly=True,
    )
    start = fields.Datetime(string="Started", readonly=True)
    deadline = fields.Datetime(readonly=True)
    done = fields.Datetime(string="Done on", readonly=True)
    is_done = fields.Boolean(string="Done", readonly=True)
    is_late = fields.Boolean(
        string="Late",
        readonly=True,
        help="Done after its deadline, or still waiting past it.",
    )
    duration = fields.Float(
        string="Duration (median)",
        readonly=True,
        aggregator="median",
        help="Working hours for the receipt, working days for the other steps, "
        "on the body's working calendar. Grouped, the median.",
    )
    target = fields.Float(
        readonly=True,
        aggregator="max",
        help="The SOP's time for the step, in the same unit as the duration.",
    )
    on_time_rate = fields.Float(
        string="On Time (%)",
        readonly=True,
        aggregator="avg",
        help="Share of the steps done by their deadline, among those done or "
        "past their deadline.",
    )

    def init(self):
        self.env.cr.execute(WORKING_DAYS_FUNCTION)
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(self._query()),
            )
        )

    def _query(self):
        # Each family of rows gets its own id range: id * 4 + step number.
        return """
        WITH body AS (
            SELECT c.id, coalesce(rc.tz, 'Asia/Jakarta') AS tz,
                   c.ppid_sla_notification_days, c.ppid_sla_receipt_hours,
                   c.ppid_sla_documentation_days
              FROM res_company c
              LEFT JOIN resource_calendar rc ON rc.id = c.resource_calendar_id
        ), steps AS (
            SELECT letter.id * 4 AS id, 'notification' AS step,
                   letter.company_id, letter.unit_id,
                   NULL::integer AS information_id, letter.id AS letter_id,
                   letter.round_id,
                   ((letter.date::timestamp) AT TIME ZONE body.tz)
                       AT TIME ZONE 'UTC' AS start,
                   ((letter.acknowledgement_due + time '23:59:59')
                       AT TIME ZONE body.tz) AT TIME ZONE 'UTC' AS deadline,
                   letter.acknowledged_datetime AS done,
                   ppid_working_days_between(
                       letter.company_id, letter.date,
                       (letter.acknowledged_datetime AT TIME ZONE 'UTC'
                           AT TIME ZONE body.tz)::date
                   )::float AS duration,
                   body.ppid_sla_notification_days::float AS target
              FROM ppid_collection_round_letter letter
              JOIN body ON body.id = letter.company_id
            UNION ALL
            SELECT item.id * 4 + 1, 'handover', item.company_id, item.unit_id,
                   item.id, NULL, item.collection_round_id,
                   ((collection.date_open::timestamp) AT TIME ZONE body.tz)
                       AT TIME ZONE 'UTC',
                   ((collection.deadline + time '23:59:59')
                       AT TIME ZONE body.tz) AT TIME ZONE 'UTC',
                   item.submitted_datetime,
                   ppid_working_days_between(
                       item.company_id, collection.date_open,
                       (item.submitted_datetime AT TIME ZONE 'UTC'
                           AT TIME ZONE body.tz)::date
                   )::float,
                   ppid_working_days_between(
                       item.company_id, collection.date_open, collection.deadline
                   )::float
              FROM ppid_exempted_information item
              JOIN ppid_collection_round collection
                ON collection.id = item.collection_round_id
              JOIN body ON body.id = item.company_id
             WHERE item.active AND collection.date_open IS NOT NULL
            UNION ALL
            SELECT item.id * 4 + 2, 'receipt', item.company_id, item.unit_id,
                   item.id, NULL, item.collection_round_id,
                   item.submitted_datetime, item.receipt_deadline,
                   item.received_datetime,
                   CASE WHEN item.received_datetime IS NOT NULL
                        THEN item.receipt_hours END,
                   body.ppid_sla_receipt_hours::float
              FROM ppid_exempted_information item
              JOIN body ON body.id = item.company_id
             WHERE item.active AND item.submitted_datetime IS NOT NULL
            UNION ALL
            SELECT item.id * 4 + 3, 'documentation', item.company_id,
                   item.unit_id, item.id, NULL, item.collection_round_id,
                   item.approved_datetime, item.documentation_deadline,
                   item.documented_datetime,
                   CASE WHEN item.documented_datetime IS NOT NULL
                        THEN item.documentation_days END,
                   body.ppid_sla_documentation_days::float
              FROM ppid_exempted_information item
              JOIN body ON body.id = item.company_id
             WHERE item.active AND item.approved_datetime IS NOT NULL
        )
        SELECT steps.*,
               steps.done IS NOT NULL AS is_done,
               coalesce(steps.done, now() AT TIME ZONE 'UTC') > steps.deadline
                   AS is_late,
               CASE WHEN steps.done IS NOT NULL
                         THEN CASE WHEN steps.done > steps.deadline
                                   THEN 0.0 ELSE 100.0 END
                    WHEN now() AT TIME ZONE 'UTC' > steps.deadline THEN 0.0
               END AS on_time_rate
          FROM steps
        """

    def _read_group_select(self, aggregate_spec, query):
        """`median`: the middle duration of a group (the percentile, not the
        mean: one forgotten item must not hide that most are on time)."""
        if aggregate_spec != "__count":
            fname, _property, func = parse_read_group_spec(aggregate_spec)
            field = self._fields.get(fname)
            if func == "median" and not (field and field.type in ("integer", "float")):
                raise UserError(
                    self.env._(
                        "A median is taken of durations only, not of %(field)s.",
                        field=fname,
                    )
                )
            if func == "median":
                return SQL(
                    "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %s)",
                    self._field_to_sql(self._table, fname, query),
                )
        return super()._read_group_select(aggregate_spec, query)
