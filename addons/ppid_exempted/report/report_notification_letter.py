# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models

from ..utils.working_days import add_working_days, indonesian_holidays

# SOP (Kukar): the unit hands its exempted information over within 1 working day.
HANDOVER_WORKING_DAYS = 1


class ReportNotificationLetter(models.AbstractModel):
    """Surat pemberitahuan to a PPID Pelaksana unit (SOP step 1).

    ``data`` may carry ``letter_number``, ``letter_date`` and ``deadline`` (ISO
    dates), so that a collection round can print its own letters per unit.
    """

    _name = "report.ppid_exempted.report_notification_letter"
    _description = "Notification Letter to a PPID Pelaksana"
    _inherit = ["ppid.report.mixin"]

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        units = self.env["ppid.unit"].browse(docids)
        letter_date = fields.Date.to_date(data.get("letter_date")) or (
            fields.Date.context_today(self)
        )
        deadline = fields.Date.to_date(data.get("deadline")) or add_working_days(
            letter_date,
            HANDOVER_WORKING_DAYS,
            indonesian_holidays({letter_date.year, letter_date.year + 1}),
        )
        pending = self.env["ppid.exempted.information"].search(
            [("unit_id", "in", units.ids), ("state", "=", "draft")], order="name"
        )
        return {
            **self._report_helpers(),
            "doc_ids": units.ids,
            "doc_model": "ppid.unit",
            "docs": units,
            "letter_number": data.get("letter_number"),
            "letter_date": letter_date,
            "deadline": deadline,
            "pending": pending.grouped("unit_id"),
        }
