# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from werkzeug.exceptions import BadRequest, Forbidden, NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError
from odoo.http import content_disposition, request

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PpidRegisterController(http.Controller):
    """XLSX downloads of the registers, for logged-in users with read access.

    The rows come from `ppid.register`, like those of the PDF, with the rights
    of the user: a unit officer gets the rows of its own units.
    """

    @http.route(
        "/ppid/register/<int:company_id>/register.xlsx",
        type="http",
        auth="user",
        methods=["GET"],
        readonly=True,
    )
    def register_xlsx(self, company_id, date=None, unit_id=None, **kwargs):
        company = self._company(company_id)
        day = self._date(date)
        unit = None
        if unit_id:
            unit = request.env["ppid.unit"].browse(self._int(unit_id))
        builder = request.env["ppid.register"]
        try:
            request.env["ppid.exempted.information"].check_access("read")
            if unit is not None:
                unit.check_access("read")
            register = builder._live_register(company, day, unit)
            if kwargs.get("order") == "period":
                register["rows"] = request.env[
                    "report.ppid_exempted.report_register"
                ]._order_and_group_by_period(register["rows"])
        except (AccessError, MissingError) as error:
            raise Forbidden() from error
        filename = f"DIK-{company.id}-{fields.Date.to_string(day)}.xlsx"
        return self._xlsx_response(builder._register_xlsx(register), filename)

    @http.route(
        "/ppid/register/<int:company_id>/opened.xlsx",
        type="http",
        auth="user",
        methods=["GET"],
        readonly=True,
    )
    def opened_xlsx(self, company_id, date=None, **kwargs):
        company = self._company(company_id)
        day = self._date(date)
        builder = request.env["ppid.register"]
        try:
            request.env["ppid.public.information"].check_access("read")
            register = builder._opened_register(company, day)
        except AccessError as error:
            raise Forbidden() from error
        filename = f"Informasi-Dibuka-{company.id}-{fields.Date.to_string(day)}.xlsx"
        return self._xlsx_response(builder._register_xlsx(register), filename)

    @http.route(
        "/ppid/register/issue/<int:issue_id>/register.xlsx",
        type="http",
        auth="user",
        methods=["GET"],
        readonly=True,
    )
    def issue_xlsx(self, issue_id, **kwargs):
        issue = request.env["ppid.register.issue"].browse(issue_id)
        try:
            issue.check_access("read")
            register = issue._as_register()
        except MissingError as error:
            raise NotFound() from error
        except AccessError as error:
            raise Forbidden() from error
        filename = f"DIK-{issue.name.replace('/', '-')}.xlsx"
        builder = request.env["ppid.register"]
        return self._xlsx_response(builder._register_xlsx(register), filename)

    def _company(self, company_id):
        company = request.env["res.company"].sudo().browse(company_id).exists()
        if not company:
            raise NotFound()
        if company not in request.env.user.company_ids:
            raise Forbidden()
        return company

    def _date(self, value):
        if not value:
            return fields.Date.context_today(request.env.user)
        try:
            return fields.Date.to_date(value)
        except ValueError as error:
            raise BadRequest() from error

    def _int(self, value):
        try:
            return int(value)
        except ValueError as error:
            raise BadRequest() from error

    def _xlsx_response(self, content, filename):
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
                ("Cache-Control", "private, no-store"),
            ],
        )
