# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from urllib.parse import urlencode

from odoo import fields, models


class PpidRegisterWizard(models.TransientModel):
    """Prints the register (DIK) or the list of opened information of a body at
    a date, as PDF or XLSX; both come from the same rows."""

    _name = "ppid.register.wizard"
    _description = "Print the Register of Exempted Information"

    report = fields.Selection(
        selection=[
            ("register", "Register of exempted information (DIK)"),
            ("opened", "Information opened to the public"),
        ],
        required=True,
        default="register",
    )
    output = fields.Selection(
        selection=[("pdf", "PDF"), ("xlsx", "Spreadsheet (XLSX)")],
        required=True,
        default="pdf",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Public Body",
        required=True,
        default=lambda self: self.env.company,
    )
    date = fields.Date(string="As of", required=True, default=fields.Date.context_today)
    unit_id = fields.Many2one(
        comodel_name="ppid.unit",
        string="Holding Unit",
        domain="[('company_id', '=', company_id)]",
        help="Only the items of this unit and of the units below it.",
    )
    order_by_period = fields.Boolean(
        string="Order by Exemption Period",
        help="Order and group the rows by the end of their exemption period, "
        "the nearest first (Bontang SOP step 2).",
    )

    def action_print(self):
        self.ensure_one()
        self.env["ppid.register"]._check_company_access(self.company_id)
        unit = self.unit_id if self.report == "register" else self.unit_id.browse()
        if self.output == "xlsx":
            query = {"date": fields.Date.to_string(self.date)}
            if unit:
                query["unit_id"] = unit.id
            if self.report == "register" and self.order_by_period:
                query["order"] = "period"
            return {
                "type": "ir.actions.act_url",
                "url": f"/ppid/register/{self.company_id.id}/{self.report}.xlsx"
                f"?{urlencode(query)}",
                "target": "download",
            }
        data = {
            "company_id": self.company_id.id,
            "date": fields.Date.to_string(self.date),
            "unit_id": unit.id,
        }
        if self.report == "register" and self.order_by_period:
            data["order_by_period"] = True
        report = {
            "register": "ppid_exempted.ppid_register_report",
            "opened": "ppid_exempted.ppid_opened_report",
        }[self.report]
        return self.env.ref(report).report_action(None, data=data)
