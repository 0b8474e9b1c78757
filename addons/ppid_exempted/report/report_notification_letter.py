# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models


class ReportNotificationLetter(models.AbstractModel):
    """Surat pemberitahuan to a PPID Pelaksana unit (SOP step 1).

    ``data`` may carry ``letter_number``, ``letter_date`` and ``deadline`` (ISO
    dates), so that a collection round can print its own letters per unit.
    Without a deadline, the letter prints the one the round would set: the
    round's rule on the body's working-day calendar, so that letter and round
    agree (Perpres 21/2023 working days).
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
        company = units.company_id[:1] or self.env.company
        deadline = fields.Date.to_date(data.get("deadline")) or self.env[
            "ppid.collection.round"
        ]._deadline_from(company, letter_date)
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
