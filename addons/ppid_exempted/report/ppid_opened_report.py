# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models


class ReportPpidExemptedReportOpened(models.AbstractModel):
    """The list of information that has become public again, as a QWeb report.

    With `data` (company_id, date) it prints the list of a body at a date; with
    ids of DIP entries it prints those entries. Either way only entries of
    opened items are printed (rule 20).
    """

    _name = "report.ppid_exempted.report_opened"
    _description = "Opened Information Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        builder = self.env["ppid.register"]
        entries = self.env["ppid.public.information"]
        if data.get("company_id"):
            company = self.env["res.company"].browse(data["company_id"])
            registers = [
                builder._opened_register(company, fields.Date.to_date(data["date"]))
            ]
        else:
            entries = entries.browse(docids)
            registers = [
                builder._opened_register(company, entries=entries)
                for company in entries.company_id
            ]
        return {
            "doc_ids": entries.ids,
            "doc_model": "ppid.public.information",
            "docs": entries,
            "registers": registers,
        }
