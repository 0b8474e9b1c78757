# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .ppid_rulebook import CONSEQUENCE_TEST

# States from which an item can be (re)tested: received for a first test;
# testing when the item was moved there by hand; classified for a re-test or a
# reclassification (PP 61/2010 Pasal 10).
TESTABLE_STATES = ("received", "testing", "exempted", "documented", "expiring")

# UU 14/2008 itself, however it is written: rule 2 asks for the law behind it.
KIP_PATTERN = re.compile(
    r"(undang[-\s]undang|\bUU\b)?\s*(nomor|no\.?)?\s*14\s*(/|tahun)\s*2008"
    r"(\s*tentang)?|keterbukaan\s+informasi\s+publik|\bKIP\b",
    re.IGNORECASE,
)
# What is left names another regulation when it has a number or a law's name.
OTHER_LAW_PATTERN = re.compile(r"\d|undang|peraturan|kitab|\bKUH", re.IGNORECASE)


class PpidConsequenceTestLine(models.Model):
    """One item of information put through a consequence test."""

    _name = "ppid.consequence.test.line"
    _description = "Consequence Test Line"
    _inherit = ["ppid.classification.mixin", "ppid.audited.mixin"]
    _order = "test_id, sequence, id"
    _check_company_auto = True

    test_id = fields.Many2one(
        comodel_name="ppid.consequence.test",
        string="Consequence Test",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        related="test_id.company_id", store=True, string="Public Body"
    )
    test_state = fields.Selection(related="test_id.state", string="Session Status")
    information_id = fields.Many2one(
        domain=[("state", "in", TESTABLE_STATES)], check_company=True
    )
    information_name = fields.Char(related="information_id.name", string="Reference")
    information_title = fields.Char(related="information_id.title", string="Title")
    information_state = fields.Selection(
        related="information_id.state", string="Item Status"
    )
    unit_id = fields.Many2one(related="information_id.unit_id", store=True)
    description = fields.Text(
        help="The information, described clearly and precisely.",
        compute="_compute_identification",
        store=True,
        readonly=False,
        precompute=True,
    )
    source_document = fields.Char(
        compute="_compute_identification",
        store=True,
        readonly=False,
        precompute=True,
    )
    conclusion = fields.Selection(
        selection=[("exempted", "Exempted (dikecualikan)"), ("open", "Open (terbuka)")],
    )
    basis_warning = fields.Char(
        compute="_compute_basis_warning",
        help="Citing only UU 14/2008 is weak: name the law that protects the "
        "information (Perki 1/2021 Pasal 49).",
    )

    _test_information_uniq = models.Constraint(
        "UNIQUE(test_id, information_id)",
        "An item is tested once per consequence-test session.",
    )

    @api.depends("information_id")
    def _compute_identification(self):
        for line in self:
            line.description = line.information_id.description
            line.source_document = line.information_id.source_document

    @api.depends("statute_name", "statute_number", "statute_article")
    def _compute_basis_warning(self):
        for line in self:
            statute = " ".join(
                part for part in (line.statute_name, line.statute_number) if part
            )
            if OTHER_LAW_PATTERN.search(KIP_PATTERN.sub(" ", statute)):
                line.basis_warning = False
            else:
                line.basis_warning = self.env._(
                    "Only UU 14/2008 is cited: name the law that protects this "
                    "information."
                )

    @api.constrains("information_id", "test_id")
    def _check_one_open_session_per_item(self):
        for line in self.filtered(lambda line: line.test_id.state == "draft"):
            if line.information_id.state not in TESTABLE_STATES:
                raise ValidationError(
                    self.env._(
                        "%(item)s cannot be tested while it is %(state)s.",
                        item=line.information_id.display_name,
                        state=line.information_id._state_labels()[
                            line.information_id.state
                        ],
                    )
                )
        others = self.sudo().search_count(
            [
                ("information_id", "in", self.information_id.ids),
                ("test_id.state", "=", "draft"),
                ("id", "not in", self.ids),
            ]
        )
        if others:
            raise ValidationError(
                self.env._(
                    "An item can be in only one consequence-test session in "
                    "progress at a time."
                )
            )

    # ------------------------------------------------------------------
    # CRUD: the lines are the content the participants sign
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        tests = self.env["ppid.consequence.test"].browse(
            {vals.get("test_id") for vals in vals_list if vals.get("test_id")}
        )
        tests._check_content_editable()
        lines = super().create(vals_list)
        self.env["ppid.audit.log"]._log_creation(lines)
        return lines

    def write(self, vals):
        self.test_id._check_content_editable()
        if "test_id" in vals:
            self.env["ppid.consequence.test"].browse(
                vals["test_id"]
            )._check_content_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_unsigned_drafts(self):
        self.test_id._check_content_editable()

    def unlink(self):
        self.env["ppid.audit.log"]._log_deletion(self)
        return super().unlink()

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _missing_for_completion(self):
        """Rule 5, for one line: what the test must record before it completes."""
        self.ensure_one()
        missing = []
        if not self.source_document:
            missing.append(self.env._("the source document"))
        if not self.description:
            missing.append(self.env._("the description of the information"))
        if not self.conclusion:
            missing.append(self.env._("the conclusion (exempted or open)"))
        if self.conclusion == "exempted":
            missing += self._missing_classification()
        else:
            if not self.legal_basis_id:
                missing.append(self.env._("the legal basis (Pasal 17 huruf) tested"))
            missing += self._missing_analysis()
        if self.information_id.state not in TESTABLE_STATES:
            missing.append(
                self.env._(
                    "an item that can be tested (it is %(state)s)",
                    state=self.information_id._state_labels()[
                        self.information_id.state
                    ],
                )
            )
        return missing

    def _conclusion_note(self):
        self.ensure_one()
        return self.env._(
            "Consequence test %(test)s of %(date)s: %(reasoning)s",
            test=self.test_id.name,
            date=self.test_id.date,
            reasoning=self.public_interest_note or "",
        )

    def _apply_to_items(self):
        """Move the items through the transition table as the current user:
        into the test all at once, then each with its own conclusion."""
        self.information_id.filtered(lambda item: item.state != "testing").write(
            {"state": "testing"}
        )
        for line in self:
            line._apply_conclusion()

    def _apply_conclusion(self):
        """The session, completed by the committee, concludes for its items: the
        only door out of the test (a system transition of the item)."""
        self.ensure_one()
        item = self.information_id._as_system(CONSEQUENCE_TEST)
        if self.conclusion == "exempted" and item.approved_datetime:
            # A re-test proposes; the new classification takes effect only
            # when the head approves its decree (rule 17).
            item.write({"state": "approval"})
        elif self.conclusion == "exempted":
            item.write(
                {
                    **self._classification_values(),
                    "description": self.description,
                    "source_document": self.source_document,
                    "state": "approval",
                }
            )
        elif item.approved_datetime:
            # Opening classified information is the head's decision (PP 61/2010
            # Pasal 10 and 11): the test proposes it.
            item.write(
                {
                    "state": "approval",
                    "opening_proposed": True,
                    "open_note": self._conclusion_note(),
                }
            )
        else:
            item.write(
                {
                    "state": "opened",
                    "open_reason": "test_open",
                    "open_note": self._conclusion_note(),
                }
            )

    def _decree_line_values(self):
        self.ensure_one()
        return {
            "information_id": self.information_id.id,
            "test_line_id": self.id,
            **self._classification_values(),
        }

    def action_open_information(self):
        self.ensure_one()
        if not self.information_id.has_access("read"):
            raise UserError(self.env._("You cannot open this item."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "ppid.exempted.information",
            "res_id": self.information_id.id,
            "view_mode": "form",
        }
