# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models

from ..utils.indonesian_dates import tanggal
from ..utils.statute_citation import cite_statute

# The Act every exemption rests on (UU 14/2008 Pasal 17).
KIP_ACT = "Undang-Undang Nomor 14 Tahun 2008"


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

    @api.model
    def _legal_basis_citation(self, line):
        """The legal basis of a test or decree line as a citation reads:
        "Pasal 17 huruf h angka 2 Undang-Undang Nomor 14 Tahun 2008; Undang-
        Undang Nomor 17 Tahun 2023 tentang Kesehatan, Pasal 4 ayat (1) huruf i"
        (the statute that protects the information, when one is named)."""
        basis = line.legal_subpoint_id or line.legal_basis_id
        parts = [f"{basis.label} {KIP_ACT}" if basis else ""]
        parts.append(
            cite_statute(line.statute_name, line.statute_number, line.statute_article)
        )
        return "; ".join(part for part in parts if part)
