# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .ppid_register import REGISTER_COLUMNS

# Who issues the register tied to its decree: the PPID's documentation officer
# or the head of the body who signs the decree.
ISSUER_GROUPS = (
    "ppid_exempted.group_ppid_documentation",
    "ppid_exempted.group_ppid_head",
)
# Set only by the issuing itself, never by a user's write.
ISSUE_STAMP_FIELDS = {"issued_by_id", "issued_datetime", "line_ids"}
# Sane bounds for what a user types: a decree number is a short reference, a
# note is prose; dates of a register and of its decree are in living memory.
MAX_REFERENCE_LENGTH = 200
MAX_NOTE_LENGTH = 20000
DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2199, 12, 31)


class PpidRegisterIssue(models.Model):
    """A register (DIK) issued as of a date, with frozen copies of its rows.

    Every issue is kept, so the published register has a history (rule 26).
    Once issued, a version is read-only for everyone on every path.
    """

    _name = "ppid.register.issue"
    _description = "Issued Register of Exempted Information"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Public Body",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    date = fields.Date(
        string="Register as of",
        required=True,
        default=fields.Date.context_today,
    )
    issue_type = fields.Selection(
        selection=[("periodic", "Periodic (yearly)"), ("ad_hoc", "Ad hoc")],
        default="periodic",
        required=True,
    )
    decree_reference = fields.Char(
        string="Decree Number", help="The decree (SK) that issues this register."
    )
    decree_date = fields.Date()
    note = fields.Text()
    state = fields.Selection(
        selection=[("draft", "Draft"), ("issued", "Issued")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
    )
    issued_by_id = fields.Many2one(
        comodel_name="res.users", string="Issued by", readonly=True, copy=False
    )
    issued_datetime = fields.Datetime(string="Issued on", readonly=True, copy=False)
    line_ids = fields.One2many(
        comodel_name="ppid.register.issue.line",
        inverse_name="issue_id",
        string="Rows",
        readonly=True,
        copy=False,
    )
    line_count = fields.Integer(compute="_compute_line_count", string="Rows Count")
    can_issue = fields.Boolean(compute="_compute_can_issue")

    _name_company_uniq = models.Constraint(
        "UNIQUE(name, company_id)", "The reference must be unique per public body."
    )

    @api.depends("line_ids")
    def _compute_line_count(self):
        counts = dict(
            self.env["ppid.register.issue.line"]._read_group(
                [("issue_id", "in", self.ids)], ["issue_id"], ["__count"]
            )
        )
        for issue in self:
            issue.line_count = counts.get(issue, 0)

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_issue(self):
        issuer = self._is_issuer()
        for issue in self:
            issue.can_issue = issuer and issue.state == "draft"

    @api.constrains("decree_reference", "note")
    def _check_text_lengths(self):
        limits = (
            ("decree_reference", MAX_REFERENCE_LENGTH),
            ("note", MAX_NOTE_LENGTH),
        )
        for issue in self:
            for name, limit in limits:
                if len(issue[name] or "") > limit:
                    raise ValidationError(
                        self.env._(
                            "The register's %(field)s is too long: at most "
                            "%(limit)s characters.",
                            field=self._fields[name]._description_string(self.env),
                            limit=limit,
                        )
                    )

    @api.constrains("date", "decree_date")
    def _check_date_range(self):
        for issue in self:
            for name in ("date", "decree_date"):
                value = issue[name]
                if value and not DATE_MIN <= value <= DATE_MAX:
                    raise ValidationError(
                        self.env._(
                            "The register's %(field)s must be between %(start)s "
                            "and %(end)s.",
                            field=self._fields[name]._description_string(self.env),
                            start=DATE_MIN.isoformat(),
                            end=DATE_MAX.isoformat(),
                        )
                    )

    @api.constrains("date")
    def _check_date_not_in_future(self):
        today = fields.Date.context_today(self)
        for issue in self:
            if issue.date > today:
                raise ValidationError(
                    self.env._(
                        "A register is issued as of today or a past date, not as of "
                        "%(date)s.",
                        date=issue.date,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "draft") != "draft" or ISSUE_STAMP_FIELDS & set(vals):
                raise UserError(
                    self.env._(
                        "A register is created as a draft; issue it with the Issue "
                        "button."
                    )
                )
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("ppid.register.issue") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        self._check_not_issued()
        if ISSUE_STAMP_FIELDS & set(vals):
            raise UserError(
                self.env._("The rows and the issuer are recorded by the issuing.")
            )
        if "state" not in vals:
            return super().write(vals)
        if vals["state"] != "issued":
            raise UserError(self.env._("An issued register cannot be withdrawn."))
        other_vals = {key: value for key, value in vals.items() if key != "state"}
        if other_vals:
            super().write(other_vals)
        self._issue()
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(issue.state == "issued" for issue in self):
            raise UserError(
                self.env._("An issued register is part of its history: never deleted.")
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_issue(self):
        self.write({"state": "issued"})

    def action_view_lines(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rows of %(issue)s", issue=self.name),
            "res_model": "ppid.register.issue.line",
            "view_mode": "list,form",
            "domain": [("issue_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_download_xlsx(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/ppid/register/issue/{self.id}/register.xlsx",
            "target": "download",
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _is_issuer(self):
        return self.env.su or any(
            self.env.user.has_group(group) for group in ISSUER_GROUPS
        )

    def _check_not_issued(self):
        """Issued versions are frozen for everyone, the superuser included."""
        issued = self.filtered(lambda issue: issue.state == "issued")
        if issued:
            raise UserError(
                self.env._(
                    "%(issue)s is an issued register: it is a frozen version and "
                    "cannot be changed. Issue a new register instead.",
                    issue=issued[0].display_name,
                )
            )

    def _issue(self):
        """Freeze the rows of the register as of the date, then mark it issued."""
        if not self._is_issuer():
            raise AccessError(
                self.env._(
                    "Only the documentation officer or the head of the body issues "
                    "the register."
                )
            )
        for issue in self:
            if not issue.decree_reference or not issue.decree_date:
                raise ValidationError(
                    self.env._(
                        "Record the number and date of the decree that issues "
                        "%(issue)s.",
                        issue=issue.display_name,
                    )
                )
        lines = []
        builder = self.env["ppid.register"].sudo()
        for issue in self:
            for row in builder._register_rows(issue.company_id, issue.date):
                lines.append(issue._prepare_line_vals(row))
        self.env["ppid.register.issue.line"].sudo().create(lines)
        return super().write(
            {
                "state": "issued",
                "issued_by_id": self.env.uid,
                "issued_datetime": fields.Datetime.now(),
            }
        )

    def _prepare_line_vals(self, row):
        self.ensure_one()
        vals = {key: row[key] for key, _heading in REGISTER_COLUMNS if key != "no"}
        vals.update(
            issue_id=self.id,
            sequence=int(row["no"]),
            information_id=row["information_id"],
            unit_id=row["unit_id"],
        )
        return vals

    def _as_register(self):
        """The register this issue prints: frozen rows once issued, the live
        register while it is a draft."""
        self.ensure_one()
        builder = self.env["ppid.register"]
        if self.state == "issued":
            register = builder._register_header(self.company_id, self.date)
            register["rows"] = [line._as_row() for line in self.line_ids]
        else:
            register = builder._live_register(self.company_id, self.date)
            register["draft"] = True
        register.update(reference=self.name, decree=self._decree_text())
        return register

    def _decree_text(self):
        builder = self.env["ppid.register"]
        if not self.decree_reference:
            return ""
        text = f"Ditetapkan dengan Keputusan Nomor {self.decree_reference}"
        if self.decree_date:
            text += f" tanggal {builder._format_date(self.decree_date)}"
        return text
