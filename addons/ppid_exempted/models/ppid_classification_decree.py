# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tools import clean_context

from .ppid_classification_decree_line import FROM_ITEM_KEY
from .ppid_rulebook import DECREE, FREE_FIELD_PREFIXES

HEAD_GROUP = "ppid_exempted.group_ppid_head"

# Set by the approval and by the official's signature, never written from
# outside.
APPROVAL_FIELDS = (
    "state",
    "approved_by_id",
    "approved_datetime",
    "official_signed_by_id",
    "official_signed_datetime",
    "official_signed_line_ids",
)
# What may still change on an approved decree: its signed scan, and the chatter.
WRITABLE_WHEN_APPROVED = ("signed_copy", "signed_copy_filename")


class PpidClassificationDecree(models.Model):
    """Surat Penetapan Klasifikasi (PP 61/2010 Pasal 3-4; Perki 1/2017 Pasal 4).

    The PPID sets the classification of the items concluded exempted by a
    consequence test; the head of the body approves it, and only then do the
    items become exempted.
    """

    _name = "ppid.classification.decree"
    _description = "Classification Decree"
    _inherit = ["mail.thread", "mail.activity.mixin", "ppid.audited.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number",
        copy=False,
        tracking=True,
        help="Left empty, the number is taken from the decree sequence when the "
        "head of the body approves the decree.",
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("approved", "Approved")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Public Body",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    unit_id = fields.Many2one(
        comodel_name="ppid.unit",
        string="Unit Kerja",
        default=lambda self: self._default_unit(self.env.company),
        check_company=True,
        tracking=True,
        help="The unit kerja of the PPID official who sets the classification.",
    )
    ppid_official_id = fields.Many2one(
        comodel_name="res.users",
        string="PPID Official",
        default=lambda self: self.env.company.ppid_official_id,
        tracking=True,
        help="The official who sets the classification (PP 61/2010 Pasal "
        "4(2)(b)): the PPID official of the body, or its head where the body "
        "lets the head sign. The decree prints this user's name.",
    )
    ppid_official_name = fields.Char(
        string="Official's Name",
        help="The name printed: the official's own name. A typed name is kept "
        "only on decrees recorded before the official was a user.",
        compute="_compute_ppid_official_name",
        store=True,
        readonly=False,
        precompute=True,
        copy=True,
        tracking=True,
    )
    ppid_official_position = fields.Char(
        string="Official's Position",
        default=lambda self: self.env.company.ppid_official_position,
        tracking=True,
    )
    ppid_official_nip = fields.Char(
        string="Official's NIP",
        default=lambda self: self.env.company.ppid_official_nip,
    )
    place = fields.Char(
        default=lambda self: self._default_place(self.env.company), tracking=True
    )
    date = fields.Date(
        default=lambda self: self.env.company._ppid_today(),
        tracking=True,
        help="Not in the future, and not before the consequence test it adopts "
        "was completed.",
    )
    classification_type = fields.Char(
        string="Jenis Klasifikasi",
        compute="_compute_classification_type",
        store=True,
        help="The Pasal 17 categories the decree classifies (PP 61/2010 Pasal "
        "4(2)(a)).",
    )
    test_id = fields.Many2one(
        comodel_name="ppid.consequence.test",
        string="Consequence Test",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
    )
    line_ids = fields.One2many(
        comodel_name="ppid.classification.decree.line",
        inverse_name="decree_id",
        string="Items",
        copy=False,
    )
    item_count = fields.Integer(compute="_compute_item_count")
    approved_by_id = fields.Many2one(
        comodel_name="res.users", string="Approved by", readonly=True, copy=False
    )
    approved_datetime = fields.Datetime(string="Approved on", readonly=True, copy=False)
    signed_copy = fields.Binary(
        attachment=True,
        copy=False,
        help="Scan of the signed decree.",
    )
    signed_copy_filename = fields.Char()
    can_approve = fields.Boolean(compute="_compute_can_approve")
    official_signed_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Signed by the Official",
        readonly=True,
        copy=False,
    )
    official_signed_datetime = fields.Datetime(
        string="Signed by the Official on", readonly=True, copy=False
    )
    official_signed_line_ids = fields.Many2many(
        comodel_name="ppid.classification.decree.line",
        relation="ppid_decree_signed_line_rel",
        column1="decree_id",
        column2="line_id",
        string="Lines Signed",
        readonly=True,
        copy=False,
        help="The lines as the official signed them: a line added, removed or "
        "changed since asks for the signature again.",
    )
    can_sign_official = fields.Boolean(compute="_compute_can_sign_official")

    _name_company_uniq = models.Constraint(
        "UNIQUE(name, company_id)", "The decree number must be unique per public body."
    )

    @api.model
    def _default_unit(self, company):
        """The PPID Utama of the body: where the PPID official works."""
        return self.env["ppid.unit"].search(
            [("company_id", "=", company.id), ("unit_type", "=", "utama")],
            order="parent_path",
            limit=1,
        )

    @api.model
    def _default_place(self, company):
        return company.ppid_decree_place or company.city

    @api.depends("ppid_official_id")
    def _compute_ppid_official_name(self):
        for decree in self:
            decree.ppid_official_name = decree.ppid_official_id.name

    @api.depends("line_ids.legal_basis_id", "line_ids.legal_subpoint_id")
    def _compute_classification_type(self):
        for decree in self:
            bases = decree.line_ids.legal_basis_id.sorted("huruf")
            decree.classification_type = "; ".join(
                f"{basis.label} ({basis.name})" for basis in bases
            )

    @api.depends("line_ids")
    def _compute_item_count(self):
        for decree in self:
            decree.item_count = len(decree.line_ids)

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_approve(self):
        is_head = self.env.user.has_group(HEAD_GROUP)
        for decree in self:
            decree.can_approve = is_head and decree.state == "draft"

    @api.depends("state", "ppid_official_id", "official_signed_datetime")
    @api.depends_context("uid")
    def _compute_can_sign_official(self):
        for decree in self:
            decree.can_sign_official = not decree._official_signature_error()

    @api.depends("name", "date")
    def _compute_display_name(self):
        for decree in self:
            decree.display_name = decree.name or self.env._(
                "Draft decree (%(date)s)", date=decree.date or "-"
            )

    @api.constrains("date", "test_id", "line_ids")
    def _check_date(self):
        for decree in self:
            problem = decree._date_problem()
            if problem:
                raise ValidationError(problem)

    def _date_problem(self):
        """A decree is dated on the day it is set: not in the future (that
        would stretch the period of PP 61/2010 Pasal 5(1)), and not before the
        consequence test it adopts was completed (Perki 1/2017 Pasal 4(1))."""
        self.ensure_one()
        if not self.date:
            return False
        company = self.company_id or self.env.company
        today = company._ppid_today()
        if self.date > today:
            return self.env._(
                "The decree date %(date)s is in the future: a decree is dated on "
                "the day it is set (today is %(today)s).",
                date=self.date,
                today=today,
            )
        tests = (self.test_id | self.line_ids.test_line_id.test_id).sudo()
        completed = [
            company._ppid_to_local(test.completed_datetime).date()
            for test in tests
            if test.completed_datetime
        ]
        if completed and self.date < max(completed):
            return self.env._(
                "The decree date %(date)s is before the consequence test it adopts "
                "was completed (%(completed)s): a decree follows its test.",
                date=self.date,
                completed=max(completed),
            )
        return False

    # ------------------------------------------------------------------
    # CRUD: the approval is recorded once and never rewritten
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if any(vals.get(name) for name in APPROVAL_FIELDS if name != "state") or (
                vals.get("state", "draft") != "draft"
            ):
                raise AccessError(
                    self.env._(
                        "A decree is approved by the head of the body, not created "
                        "approved."
                    )
                )
        decrees = super().create(vals_list)
        self.env["ppid.audit.log"]._log_creation(decrees)
        return decrees

    def write(self, vals):
        if any(name in vals for name in APPROVAL_FIELDS):
            raise AccessError(
                self.env._(
                    "A decree is approved with the Approve button by the head of "
                    "the body; its approval is never written by hand."
                )
            )
        locked = [
            name
            for name in vals
            if name not in WRITABLE_WHEN_APPROVED
            and not name.startswith(FREE_FIELD_PREFIXES)
        ]
        if locked:
            self._check_draft()
        self._check_official_name(vals)
        result = super().write(vals)
        if locked:
            # What the official signed has changed: the signature no longer
            # holds and is given again.
            self.filtered("official_signed_datetime")._reset_official_signature()
        return result

    def _check_official_name(self, vals):
        """The decree names its official by the user, not by a typed name (PP
        61/2010 Pasal 4(2)(b))."""
        name = vals.get("ppid_official_name")
        if not name:
            return
        for decree in self:
            official = (
                self.env["res.users"].browse(vals["ppid_official_id"])
                if vals.get("ppid_official_id")
                else decree.ppid_official_id
            )
            if official and official.name != name:
                raise ValidationError(
                    self.env._(
                        "The decree prints the name of its official, %(name)s: "
                        "choose the official, do not type another name.",
                        name=official.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        self._check_draft()

    def unlink(self):
        self.env["ppid.audit.log"]._log_deletion(self)
        return super().unlink()

    def _check_draft(self):
        approved = self.filtered(lambda decree: decree.state != "draft")
        if approved:
            raise UserError(
                self.env._(
                    "%(decrees)s is approved: an approved decree never changes. A new "
                    "classification needs a new consequence test and a new decree.",
                    decrees=", ".join(approved.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_approve(self):
        self._approve()
        return True

    # ------------------------------------------------------------------
    # The signature of the official who sets the classification
    # ------------------------------------------------------------------

    def _official_signature_error(self):
        """Why the current user cannot sign this decree as the official who
        sets the classification (PP 61/2010 Pasal 3, 4(2)(b)), or False."""
        self.ensure_one()
        if self.state != "draft":
            return UserError(
                self.env._("%(decree)s is approved.", decree=self.display_name)
            )
        if self.official_signed_datetime:
            return UserError(
                self.env._(
                    "%(decree)s is already signed by %(name)s.",
                    decree=self.display_name,
                    name=self.official_signed_by_id.name,
                )
            )
        company = self.company_id
        allowed = company._ppid_decree_signers()
        official = self.ppid_official_id
        if not official or official not in allowed:
            return UserError(
                self.env._(
                    "The decree names %(name)s as the official who sets it, who "
                    "is not the PPID official of %(company)s: choose %(official)s.",
                    name=official.name or self.ppid_official_name or "-",
                    company=company.name,
                    official=", ".join(allowed.mapped("name")) or "-",
                )
            )
        if self.env.user != official:
            return AccessError(
                self.env._(
                    "Only %(name)s, named on the decree as the official who sets "
                    "the classification, signs it.",
                    name=official.name,
                )
            )
        return False

    def action_sign_official(self):
        """The official named on the decree signs it: user and time."""
        for decree in self:
            error = decree._official_signature_error()
            if error:
                raise error
        # The signature fields are refused by write(): only this method sets them.
        self.sudo()._audited_write(
            {
                "official_signed_by_id": self.env.uid,
                "official_signed_datetime": fields.Datetime.now(),
            }
        )
        for decree in self:
            decree.sudo()._audited_write(
                {"official_signed_line_ids": [Command.set(decree.line_ids.ids)]}
            )
        for decree in self:
            decree.message_post(
                body=self.env._(
                    "Signed by %(name)s as the official who sets the classification.",
                    name=self.env.user.name,
                )
            )
        return True

    def _signature_holds(self):
        """The official signed these very lines, unchanged since."""
        self.ensure_one()
        signed = self.official_signed_datetime
        lines = self.line_ids
        return bool(
            signed
            and lines == self.official_signed_line_ids
            # write dates keep microseconds, the stamp whole seconds
            and all(line.write_date.replace(microsecond=0) <= signed for line in lines)
        )

    def _reset_official_signature(self):
        self.sudo()._audited_write(
            {
                "official_signed_by_id": False,
                "official_signed_datetime": False,
                "official_signed_line_ids": [Command.clear()],
            }
        )
        for decree in self:
            decree.message_post(
                body=self.env._(
                    "The decree changed after it was signed: the official signs "
                    "it again."
                )
            )

    def action_open_items(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Classified Items"),
            "res_model": "ppid.exempted.information",
            "view_mode": "list,form",
            "domain": [("id", "in", self.line_ids.information_id.ids)],
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _missing_for_issue(self, approver):
        """Rule 6 (the six fields of PP 61/2010 Pasal 4(2)), checked with the
        period rules 8, 10, 11 and 12 for every item, from the decree date."""
        self.ensure_one()
        missing = []
        header = [
            (
                self.ppid_official_name,
                self.env._("the name of the PPID official who sets it"),
            ),
            (
                self.ppid_official_position,
                self.env._("the position of the PPID official who sets it"),
            ),
            (self.company_id, self.env._("the public body")),
            (self.unit_id, self.env._("the unit kerja")),
            (self.place, self.env._("the place of the decision")),
            (self.date, self.env._("the date of the decision")),
        ]
        missing += [label for value, label in header if not value]
        company = self.company_id
        signers = company._ppid_decree_signers()
        official = self.ppid_official_id
        if official and official not in signers:
            missing.append(
                self.env._(
                    "the PPID official of the body as the official who sets it "
                    "(%(name)s is not)",
                    name=official.name,
                )
            )
        elif not official:
            missing.append(self.env._("the PPID official who sets it, as a user"))
        if company.ppid_decree_signature_required and not self._signature_holds():
            missing.append(
                self.env._(
                    "the signature of %(name)s, the official who sets it",
                    name=official.name or "-",
                )
            )
        if not self.line_ids:
            missing.append(self.env._("the information it classifies"))
        head_approves = approver.has_group(HEAD_GROUP)
        labels = self.env["ppid.exempted.information"]._state_labels()
        for line in self.line_ids:
            line_missing = line._missing_classification(self.date)
            if line.legal_basis_id.head_sets_period and not head_approves:
                line_missing.append(
                    self.env._(
                        "a period set by the head of the body (PP 61/2010 Pasal 7)"
                    )
                )
            if line.information_id.state != "approval":
                line_missing.append(
                    self.env._(
                        "an item awaiting approval (it is %(state)s)",
                        state=labels[line.information_id.state],
                    )
                )
            if line_missing:
                missing.append(
                    self.env._(
                        "%(item)s: %(missing)s",
                        item=line.information_id.display_name,
                        missing=", ".join(line_missing),
                    )
                )
        return missing

    def _approve(self):
        """The head of the body approves: the decree is numbered, the approval is
        recorded (rule 7) and every item becomes exempted."""
        user = self.env.user
        if not self.env.su and not user.has_group(HEAD_GROUP):
            raise AccessError(
                self.env._(
                    "Only the head of the body approves a classification decree."
                )
            )
        # Two heads approving at once: the second waits here, and Odoo retries
        # it once the first committed, so it reads the decree approved.
        self.env.cr.execute(
            "SELECT id FROM ppid_classification_decree WHERE id IN %s FOR UPDATE",
            [tuple(self.ids)],
        )
        self.invalidate_recordset(["state"])
        self._check_draft()
        for decree in self:
            problem = decree._date_problem()
            if problem:
                raise ValidationError(problem)
            missing = decree._missing_for_issue(user)
            if missing:
                raise ValidationError(
                    self.env._(
                        "%(decree)s cannot be issued yet. Missing:\n- %(missing)s",
                        decree=decree.display_name,
                        missing="\n- ".join(missing),
                    )
                )
        items = self.line_ids.information_id
        # The head's right was checked above; the move is the decree's.
        items._as_system(DECREE)._check_state_transition({"state": "exempted"})
        now = fields.Datetime.now()
        for decree in self:
            number = decree.name or self.env["ir.sequence"].with_company(
                decree.company_id
            ).next_by_code("ppid.classification.decree")
            # The approval fields are refused by write(): only this method sets them.
            decree._audited_write(
                {
                    "name": number,
                    "state": "approved",
                    "approved_by_id": user.id,
                    "approved_datetime": now,
                }
            )
        self.line_ids._snapshot_identity()
        items._apply_decree_lines(self.line_ids)
        for decree in self:
            decree.message_post(
                body=self.env._(
                    "Approved by %(user)s: %(count)s item(s) exempted.",
                    user=user.name,
                    count=len(decree.line_ids),
                )
            )
        return True

    @api.model
    def _prepare_values(self, company, unit, line_commands, test=False):
        return {
            "company_id": company.id,
            "unit_id": unit.id,
            "ppid_official_id": company.ppid_official_id.id,
            "ppid_official_position": company.ppid_official_position,
            "ppid_official_nip": company.ppid_official_nip,
            "place": self._default_place(company),
            "date": company._ppid_today(),
            "test_id": test.id if test else False,
            "line_ids": line_commands,
        }

    def _clean(self):
        """Without the caller's defaults (a kanban grouped by state has some)."""
        return self.with_context(clean_context(self.env.context))

    @api.model
    def _create_for_test_lines(self, test_lines):
        """The draft decree proposed by a completed consequence test."""
        test = test_lines.test_id
        company = test.company_id
        return self._clean().create(
            self._prepare_values(
                company,
                self._default_unit(company) or test_lines.unit_id[:1],
                [Command.create(line._decree_line_values()) for line in test_lines],
                test=test,
            )
        )

    @api.model
    def _create_for_items(self, items):
        """A decree for items that have none yet (one per body and unit): each
        line adopts the item's pending consequence test, with its analysis;
        an item classified again without one keeps its own classification."""
        decrees = self.browse()
        groups = items.grouped(lambda item: (item.company_id, item.unit_id))
        for (company, unit), group in groups.items():
            lines = []
            tests = self.env["ppid.consequence.test"]
            for item in group:
                test_line = item._last_test_line()
                tests |= test_line.test_id
                values = (
                    test_line._decree_line_values()
                    if test_line
                    else {"information_id": item.id, **item._classification_values()}
                )
                lines.append(Command.create(values))
            created = (
                self._clean()
                .sudo()
                .with_context(**{FROM_ITEM_KEY: True})
                .create(
                    self._prepare_values(
                        company,
                        self._default_unit(company) or unit,
                        lines,
                        test=tests if len(tests) == 1 else False,
                    )
                )
            )
            # Approved as the caller, never as the superuser.
            decrees |= self.browse(created.ids)
        return decrees

    def _split_off(self, lines):
        """Move `lines` of this draft decree to a new decree with the same header."""
        self.ensure_one()
        new = self._clean().copy()
        lines.write({"decree_id": new.id})
        self.message_post(
            body=self.env._(
                "%(items)s moved to %(decree)s to be approved on their own.",
                items=", ".join(lines.information_id.mapped("display_name")),
                decree=new.display_name,
            )
        )
        return new
