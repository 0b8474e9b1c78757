# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models

from ..utils.indonesian_dates import tanggal


class PpidReportMixin(models.AbstractModel):
    """What every printed PPID document needs: dates written the Indonesian way,
    in the timezone of the person printing, and the body's PPID official."""

    _name = "ppid.report.mixin"
    _description = "PPID Printed Document"

    @api.model
    def _format_tanggal(self, value, with_day=False):
        if isinstance(value, str):
            value = fields.Datetime.to_datetime(value)
        if value and hasattr(value, "hour"):
            value = fields.Datetime.context_timestamp(self, value)
        return tanggal(value, with_day=with_day)

    @api.model
    def _report_helpers(self):
        return {
            "tanggal": self._format_tanggal,
            "today": fields.Date.context_today(self),
        }
