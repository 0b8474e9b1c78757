# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models


class ReportPpidExemptedReportRegister(models.AbstractModel):
    """The register (DIK) as a QWeb report.

    With `data` (company_id, date, unit_id) it prints the live register of a
    body at a date; with ids of issues it prints those issued versions.
    """

    _name = "report.ppid_exempted.report_register"
    _description = "Register of Exempted Information Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        issues = self.env["ppid.register.issue"]
        if data.get("company_id"):
            company = self.env["res.company"].browse(data["company_id"])
            unit = self.env["ppid.unit"].browse(data.get("unit_id") or [])
            registers = [
                self.env["ppid.register"]._live_register(
                    company, fields.Date.to_date(data["date"]), unit or None
                )
            ]
        else:
            issues = issues.browse(docids)
            registers = [issue._as_register() for issue in issues]
        return {
            "doc_ids": issues.ids,
            "doc_model": "ppid.register.issue",
            "docs": issues,
            "registers": registers,
        }
