# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
import hashlib
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command

from ..report.ppid_register_report import group_rows_by_period, order_rows_by_period
from .ppid_item_guidance_mixin import WHOLE_BODY_GROUPS
from .ppid_register import REGISTER_COLUMNS
from .ppid_rulebook import DATE_MAX as RULEBOOK_DATE_MAX
from .ppid_rulebook import DATE_MIN as RULEBOOK_DATE_MIN
from .ppid_rulebook import TEXT_MAX_LENGTH

# Who compiles the register and takes it to the leadership, and who publishes
# it once issued: the PPID's documentation officer (Kaltim SOP step 7).
COMPILER_GROUP = "ppid_exempted.group_ppid_documentation"
# Who approves it with the decree of the Atasan PPID (Kaltim SOP V.2).
APPROVER_GROUP = "ppid_exempted.group_ppid_head"
# Who keeps the issued list as softcopy and hardcopy (Kukar SOP step 4).
DOCUMENTATION_GROUP = COMPILER_GROUP
REGISTER_REPORT = "ppid_exempted.ppid_register_report"
REISSUE_ACTIVITY = "ppid_exempted.mail_activity_type_ppid_register_reissue"
# What changes on an issued register: only where its paper is kept, and (by
# the chatter's own code, as superuser) its main attachment.
ISSUED_WRITABLE_FIELDS = {"hardcopy_location_id", "message_main_attachment_id"}
ISSUED_SYSTEM_FIELDS = {"message_main_attachment_id"}
# Set only by the steps of the approval loop, never by a user's write.
ISSUE_STAMP_FIELDS = {
    "issued_by_id",
    "issued_datetime",
    "line_ids",
    "submitted_by_id",
    "submitted_datetime",
    "correction_ids",
    "published_by_id",
    "published_datetime",
    "publication_url",
    "publication_place",
    "issued_pdf",
    "issued_pdf_filename",
    "issued_pdf_sha256",
    "reissue_due_date",
}
# What the head may record when approving through a write of the state.
APPROVAL_FIELDS = {"decree_reference", "decree_date"}
# Sane bounds for what a user types: a decree number is a short reference, a
# note is prose; dates of a register and of its decree are in living memory.
MAX_REFERENCE_LENGTH = 200
MAX_NOTE_LENGTH = TEXT_MAX_LENGTH
DATE_MIN = date(*RULEBOOK_DATE_MIN)
DATE_MAX = date(*RULEBOOK_DATE_MAX)


class PpidRegisterIssue(models.Model):
    """A register (DIK) issued as of a date, with frozen copies of its rows.

    The documentation officer compiles it and reports it to the leadership;
    the leadership sends it back with corrections or the head approves it with
    the decree of the Atasan PPID (Kaltim SOP step 7 and V.2). Only then is it
    issued: its rows are frozen, and the upload of the published list is
    recorded (Bontang SOP step 5). Every issue is kept, so the published
    register has a history (Kaltim SOP: periodic re-issue).
    """

    _name = "ppid.register.issue"
    _inherit = ["mail.thread", "mail.activity.mixin"]
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
        string="SK Atasan PPID Number",
        help="The decree (SK) of the Atasan PPID that approves and issues this "
        "register, recorded by the head when approving.",
    )
    decree_date = fields.Date(string="SK Atasan PPID Date")
    note = fields.Text()
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("submitted", "Submitted to the Leadership"),
            ("issued", "Issued"),
            ("published", "Published"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
    )
    submitted_by_id = fields.Many2one(
        comodel_name="res.users", string="Submitted by", readonly=True, copy=False
    )
    submitted_datetime = fields.Datetime(
        string="Submitted on", readonly=True, copy=False
    )
    correction_ids = fields.One2many(
        comodel_name="ppid.register.issue.correction",
        inverse_name="issue_id",
        string="Corrections",
        readonly=True,
        copy=False,
    )
    correction_count = fields.Integer(compute="_compute_correction_count")
    issued_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Approved and Issued by",
        readonly=True,
        copy=False,
    )
    issued_datetime = fields.Datetime(string="Issued on", readonly=True, copy=False)
    published_by_id = fields.Many2one(
        comodel_name="res.users", string="Uploaded by", readonly=True, copy=False
    )
    published_datetime = fields.Datetime(
        string="Uploaded on", readonly=True, copy=False
    )
    publication_url = fields.Char(
        string="Published at (URL)", readonly=True, copy=False
    )
    publication_place = fields.Char(
        string="Published at (place)",
        readonly=True,
        copy=False,
        help="Where the list was posted when it is not on a website, e.g. the "
        "notice board of the information desk.",
    )
    line_ids = fields.One2many(
        comodel_name="ppid.register.issue.line",
        inverse_name="issue_id",
        string="Rows",
        readonly=True,
        copy=False,
    )
    line_count = fields.Integer(compute="_compute_line_count", string="Rows Count")
    order_by_period = fields.Boolean(
        string="Ordered by Exemption Period",
        help="The rows are ordered and grouped by the end of their exemption "
        "period (Bontang SOP step 2), the nearest first.",
    )
    # The documentation of the list itself (Kukar SOP step 4): its softcopy,
    # stored when issued and fingerprinted, and where its hardcopy is kept.
    # Printed with every unit's rows: only the roles that read the whole body's
    # register read it (a unit officer reads its own units' rows only).
    issued_pdf = fields.Binary(
        string="Issued Copy (PDF)",
        attachment=True,
        readonly=True,
        copy=False,
        groups=",".join(WHOLE_BODY_GROUPS),
    )
    issued_pdf_filename = fields.Char(
        string="Issued Copy File Name", readonly=True, copy=False
    )
    issued_pdf_sha256 = fields.Char(
        string="SHA-256 of the Issued Copy",
        readonly=True,
        copy=False,
        help="The fingerprint of the issued PDF, taken when it was stored.",
    )
    issued_pdf_intact = fields.Boolean(
        string="Issued Copy Intact",
        compute="_compute_issued_pdf_intact",
        help="The stored PDF still has the fingerprint it was issued with.",
    )
    hardcopy_location_id = fields.Many2one(
        comodel_name="ppid.archive.location",
        ondelete="restrict",
        check_company=True,
        tracking=True,
        help="Where the signed paper of the issued register is kept, recorded by "
        "the documentation officer.",
    )
    reissue_due_date = fields.Date(
        string="Periodic Re-issue Due On",
        readonly=True,
        copy=False,
        help="Set when the scheduler opened this draft for the periodic re-issue "
        "of the register.",
    )
    can_submit = fields.Boolean(compute="_compute_can_move")
    can_approve = fields.Boolean(compute="_compute_can_move")
    can_publish = fields.Boolean(compute="_compute_can_move")

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

    @api.depends("issued_pdf_sha256")
    def _compute_issued_pdf_intact(self):
        for issue in self:
            content = issue.sudo().with_context(bin_size=False).issued_pdf
            issue.issued_pdf_intact = bool(
                content
                and issue.issued_pdf_sha256
                == hashlib.sha256(base64.b64decode(content)).hexdigest()
            )

    @api.depends("correction_ids")
    def _compute_correction_count(self):
        for issue in self:
            issue.correction_count = len(issue.correction_ids)

    @api.depends("state", "submitted_by_id")
    @api.depends_context("uid")
    def _compute_can_move(self):
        for issue in self:
            issue.can_submit = issue._check_move("submitted", raise_if_not=False)
            issue.can_approve = issue._check_move("issued", raise_if_not=False)
            issue.can_publish = issue._check_move("published", raise_if_not=False)

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
            # The scheduler alone opens the draft of a periodic re-issue.
            stamps = ISSUE_STAMP_FIELDS - (
                {"reissue_due_date"} if self.env.su else set()
            )
            if vals.get("state", "draft") != "draft" or stamps & set(vals):
                raise UserError(
                    self.env._(
                        "A register is created as a draft; it is issued once the "
                        "head approves it."
                    )
                )
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("ppid.register.issue") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        if (
            self.filtered(lambda issue: issue.state in ("issued", "published"))
            and (set(vals) <= ISSUED_WRITABLE_FIELDS)
            and (self.env.su or not ISSUED_SYSTEM_FIELDS & set(vals))
        ):
            return self._write_hardcopy_location(vals)
        self._check_not_issued()
        if ISSUE_STAMP_FIELDS & set(vals):
            raise UserError(
                self.env._(
                    "The rows, the approval and the upload are recorded by the "
                    "steps of the approval."
                )
            )
        if "state" not in vals:
            self._check_draft()
            return super().write(vals)
        state = vals["state"]
        other_vals = {key: value for key, value in vals.items() if key != "state"}
        if state == "submitted" and not other_vals:
            self._submit()
        elif state == "issued" and not set(other_vals) - APPROVAL_FIELDS:
            self._approve(
                other_vals.get("decree_reference"), other_vals.get("decree_date")
            )
        elif state == "draft":
            raise UserError(
                self.env._(
                    "The leadership sends a register back with its corrections: "
                    "use Return with Corrections."
                )
            )
        elif state == "published":
            raise UserError(
                self.env._("Record where the register was uploaded: use Publish.")
            )
        else:
            raise UserError(
                self.env._("A change of status records nothing else at once.")
            )
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(issue.state != "draft" for issue in self):
            raise UserError(
                self.env._(
                    "A register submitted to the leadership or issued is part of "
                    "its history: never deleted."
                )
            )

    def _write_hardcopy_location(self, vals):
        """An issued register is frozen but for where its hardcopy is kept,
        which the documentation officer records (Kukar SOP step 4)."""
        if "hardcopy_location_id" in vals and not (
            self.env.su or self.env.user.has_group(DOCUMENTATION_GROUP)
        ):
            raise AccessError(
                self.env._(
                    "Only the documentation officer records where the hardcopy of "
                    "the register is kept."
                )
            )
        if "hardcopy_location_id" in vals and not vals["hardcopy_location_id"]:
            # Where the paper of the list is kept is never forgotten, only moved.
            if self.filtered("hardcopy_location_id"):
                raise UserError(
                    self.env._(
                        "Record where the hardcopy is kept now rather than clearing it."
                    )
                )
        # Checked above; issued registers refuse writes otherwise.
        return super(PpidRegisterIssue, self.sudo()).write(vals)

    def _check_access(self, operation):
        """An issued register is written by no user: neither directly nor
        through its stored files (ir.attachment checks a write on the file of
        a record as a write on the record). Its steps write as the system."""
        result = super()._check_access(operation)
        if result or operation != "write" or self.env.su:
            return result
        issued = self.sudo().filtered(
            lambda issue: issue.state in ("issued", "published")
        )
        if not issued:
            return None
        return issued.with_env(self.env), lambda: AccessError(
            self.env._(
                "%(issue)s is an issued register: it is a frozen version and "
                "cannot be changed. Issue a new register instead.",
                issue=issued[0].sudo().display_name,
            )
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        self.write({"state": "submitted"})

    def action_issue(self):
        """The head approves with the decree already on the issue."""
        self.write({"state": "issued"})

    def action_open_review(self):
        """Approve, return or publish through the wizard that asks what the
        step records."""
        self.ensure_one()
        mode = self.env.context.get("ppid_review_mode", "approve")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register %(issue)s", issue=self.name),
            "res_model": "ppid.register.issue.review.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_issue_id": self.id,
                "default_mode": mode,
                "default_decree_reference": self.decree_reference,
                "default_decree_date": self.decree_date,
            },
        }

    def action_view_lines(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rows of %(issue)s", issue=self.name),
            "res_model": "ppid.register.issue.line",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
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
    # The approval loop: one gate for the buttons and for every write
    # ------------------------------------------------------------------

    def _check_move(self, state, raise_if_not=True):
        """Whether the current user may move this issue to `state`.

        The only check of who moves a register: the buttons ask it without
        raising, the steps ask it raising.
        """
        self.ensure_one()
        user = self.env.user
        expected = {
            "submitted": ("draft", COMPILER_GROUP),
            "returned": ("submitted", APPROVER_GROUP),
            "issued": ("submitted", APPROVER_GROUP),
            "published": ("issued", COMPILER_GROUP),
        }[state]
        from_state, group = expected
        error = None
        if self.state != from_state:
            error = UserError(
                self.env._(
                    "%(issue)s is %(state)s: this step is not possible now.",
                    issue=self.display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        self.state
                    ],
                )
            )
        elif not user.has_group(group):
            error = AccessError(
                {
                    COMPILER_GROUP: self.env._(
                        "Only the documentation officer submits the register to "
                        "the leadership and records its upload."
                    ),
                    APPROVER_GROUP: self.env._(
                        "Only the head of the body (Atasan PPID) approves the "
                        "register or returns it with corrections."
                    ),
                }[group]
            )
        elif state in ("issued", "returned") and self.submitted_by_id == user:
            error = AccessError(
                self.env._(
                    "The register was submitted by you: another official, the "
                    "head of the body, approves it or returns it."
                )
            )
        if error and raise_if_not:
            raise error
        return not error

    def _check_draft(self):
        submitted = self.filtered(lambda issue: issue.state == "submitted")
        if submitted:
            raise UserError(
                self.env._(
                    "%(issue)s is with the leadership: it changes only when it "
                    "comes back with corrections.",
                    issue=submitted[0].display_name,
                )
            )

    def _check_not_issued(self):
        """Issued versions are frozen for everyone, the superuser included."""
        issued = self.filtered(lambda issue: issue.state in ("issued", "published"))
        if issued:
            raise UserError(
                self.env._(
                    "%(issue)s is an issued register: it is a frozen version and "
                    "cannot be changed. Issue a new register instead.",
                    issue=issued[0].display_name,
                )
            )

    def _submit(self):
        """Report the compiled register to the leadership (Kaltim SOP step 7)."""
        for issue in self:
            issue._check_move("submitted")
        open_corrections = self.correction_ids.filtered(
            lambda correction: not correction.addressed_datetime
        )
        now = fields.Datetime.now()
        open_corrections.sudo().write(
            {"addressed_datetime": now, "addressed_by_id": self.env.uid}
        )
        return super().write(
            {
                "state": "submitted",
                "submitted_by_id": self.env.uid,
                "submitted_datetime": now,
            }
        )

    def _return(self, reason, items=None):
        """The leadership sends the register back for corrections."""
        self.ensure_one()
        self._check_move("returned")
        if not (reason or "").strip():
            raise ValidationError(
                self.env._("State the corrections the register needs.")
            )
        items = items or self.env["ppid.exempted.information"]
        foreign = items.filtered(lambda item: item.company_id != self.company_id)
        if foreign:
            raise ValidationError(
                self.env._(
                    "%(item)s does not belong to the register of %(company)s.",
                    item=foreign[0].display_name,
                    company=self.company_id.name,
                )
            )
        self.env["ppid.register.issue.correction"].sudo().create(
            {
                "issue_id": self.id,
                "reason": reason.strip(),
                "information_ids": [Command.set(items.ids)],
                "returned_by_id": self.env.uid,
            }
        )
        return super().write({"state": "draft"})

    def _approve(self, decree_reference=None, decree_date=None):
        """The head approves with the SK Atasan PPID; the rows are frozen."""
        for issue in self:
            issue._check_move("issued")
        values = {}
        if decree_reference:
            values["decree_reference"] = decree_reference
        if decree_date:
            values["decree_date"] = decree_date
        if values:
            super().write(values)
        for issue in self:
            if not issue.decree_reference or not issue.decree_date:
                raise ValidationError(
                    self.env._(
                        "Record the number and date of the decree of the Atasan "
                        "PPID that approves %(issue)s.",
                        issue=issue.display_name,
                    )
                )
        lines = []
        builder = self.env["ppid.register"].sudo()
        for issue in self:
            rows = builder._register_rows(issue.company_id, issue.date)
            if issue.order_by_period:
                rows = order_rows_by_period(builder.env, rows)
            for row in rows:
                lines.append(issue._prepare_line_vals(row))
        self.env["ppid.register.issue.line"].sudo().create(lines)
        result = super().write(
            {
                "state": "issued",
                "issued_by_id": self.env.uid,
                "issued_datetime": fields.Datetime.now(),
            }
        )
        for issue in self:
            issue._store_issued_pdf()
        self.sudo().activity_feedback([REISSUE_ACTIVITY])
        return result

    def _store_issued_pdf(self):
        """Keep the issued register as a PDF, fingerprinted when stored, as the
        softcopy of the list (Kukar SOP step 4)."""
        self.ensure_one()
        content, _kind = (
            self.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(REGISTER_REPORT, res_ids=self.ids)
        )
        return super(PpidRegisterIssue, self.sudo()).write(
            {
                "issued_pdf": base64.b64encode(content),
                "issued_pdf_filename": f"DIK {self.name.replace('/', '-')}.pdf",
                "issued_pdf_sha256": hashlib.sha256(content).hexdigest(),
            }
        )

    def _publish(self, url=None, place=None):
        """Record when, by whom and where the issued list was uploaded
        (Bontang SOP step 5)."""
        self.ensure_one()
        self._check_move("published")
        url = (url or "").strip()
        place = (place or "").strip()
        if not url and not place:
            raise ValidationError(
                self.env._(
                    "Record where the register was published: the address of the "
                    "page or the place it was posted."
                )
            )
        if url and not url.lower().startswith(("http://", "https://")):
            raise ValidationError(
                self.env._(
                    "%(url)s is not a web address (it starts with http:// or "
                    "https://).",
                    url=url,
                )
            )
        # Issued registers refuse writes (_check_access): the step writes with
        # the rights of the approval loop, after its gate checked the user.
        return super(PpidRegisterIssue, self.sudo()).write(
            {
                "state": "published",
                "published_by_id": self.env.uid,
                "published_datetime": fields.Datetime.now(),
                "publication_url": url or False,
                "publication_place": place or False,
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
            period_end_date=row.get("period_end_date") or False,
        )
        return vals

    def _as_register(self):
        """The register this issue prints: frozen rows once issued, the live
        register while it is a draft."""
        self.ensure_one()
        builder = self.env["ppid.register"]
        if self.state in ("issued", "published"):
            # Frozen rows, already in the order they were issued in.
            register = builder._register_header(self.company_id, self.date)
            register["rows"] = [line._as_row() for line in self.line_ids]
        else:
            register = builder._live_register(self.company_id, self.date)
            register["draft"] = True
            if self.order_by_period:
                register["rows"] = order_rows_by_period(self.env, register["rows"])
        if self.order_by_period:
            register["rows"] = group_rows_by_period(register["rows"])
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

    # ------------------------------------------------------------------
    # The periodic re-issue (Kaltim SOP: the DIK is re-issued periodically)
    # ------------------------------------------------------------------

    @api.model
    def _cron_periodic_reissue(self, today=None):
        """On the due date of each body's periodic register, open its draft and
        ask the documentation officer to compile it, once per due date."""
        activity_type = self.env.ref(REISSUE_ACTIVITY)
        issues = self.sudo().with_context(tracking_disable=True)
        for company in (
            self.env["res.company"]
            .sudo()
            .search([("ppid_register_reissue_months", ">", 0)])
        ):
            due = company._ppid_register_reissue_due()
            owner = company.ppid_documentation_user_id
            company_today = today or company._ppid_today()
            if not due or due > company_today or not owner:
                continue
            if issues.search_count(
                [("company_id", "=", company.id), ("reissue_due_date", "=", due)]
            ):
                continue
            draft = issues.with_company(company).create(
                {
                    "company_id": company.id,
                    "date": due,
                    "issue_type": "periodic",
                    "reissue_due_date": due,
                }
            )
            draft.activity_schedule(
                REISSUE_ACTIVITY,
                date_deadline=due,
                user_id=owner.id,
                summary=activity_type.summary,
            )
