# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date

from odoo import api, fields, models


def order_rows_by_period(env, rows):
    """The rows ordered by the end of their exemption period, the nearest
    first, renumbered (Bontang SOP step 2: the DIK classified by its periods).
    A period without an end date (a condition only) comes last; rows of the
    same end keep their order. Each row gets its `period_end_date`."""
    items = env["ppid.exempted.information"].sudo().with_context(active_test=False)
    ends = {
        item.id: item.period_end_date
        for item in items.browse([row["information_id"] for row in rows])
    }
    for row in rows:
        row.setdefault("period_end_date", ends.get(row["information_id"]))
    ordered = sorted(rows, key=lambda row: row["period_end_date"] or date.max)
    for number, row in enumerate(ordered, start=1):
        row["no"] = str(number)
    return ordered


def group_rows_by_period(rows):
    """The ordered rows with a heading row before each year of ends."""
    grouped = []
    heading = None
    for row in rows:
        end = row.get("period_end_date")
        text = (
            f"Jangka waktu pengecualian berakhir tahun {end.year}"
            if end
            else "Jangka waktu pengecualian sampai terpenuhinya syarat"
        )
        if text != heading:
            heading = text
            grouped.append({"no": "", "title": text, "period_group": True})
        grouped.append(row)
    return grouped


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
            register = self.env["ppid.register"]._live_register(
                company, fields.Date.to_date(data["date"]), unit or None
            )
            if data.get("order_by_period"):
                rows = order_rows_by_period(self.env, register["rows"])
                register["rows"] = group_rows_by_period(rows)
            registers = [register]
        else:
            issues = issues.browse(docids)
            registers = [issue._as_register() for issue in issues]
        return {
            "doc_ids": issues.ids,
            "doc_model": "ppid.register.issue",
            "docs": issues,
            "registers": registers,
        }

    @api.model
    def _order_and_group_by_period(self, rows):
        """The live rows ordered and grouped by period (the XLSX download)."""
        return group_rows_by_period(order_rows_by_period(self.env, rows))
