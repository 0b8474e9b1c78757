# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .ppid_classification_mixin import CLASSIFICATION_FIELDS

# What the signed test analysed; the decree only sets the period.
TESTED_FIELDS = frozenset(CLASSIFICATION_FIELDS) - {
    "period_type",
    "period_end_event",
    "period_end_date",
    "period_end_condition",
    "period_basis",
    "review_date",
}


class PpidClassificationDecreeLine(models.Model):
    """One item of information classified by a decree, with its period and its
    reasons as decided (PP 61/2010 Pasal 4(2) d and e)."""

    _name = "ppid.classification.decree.line"
    _description = "Classification Decree Line"
    _inherit = ["ppid.classification.mixin"]
    _order = "decree_id, sequence, id"
    _check_company_auto = True

    decree_id = fields.Many2one(
        comodel_name="ppid.classification.decree",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        related="decree_id.company_id", store=True, string="Public Body"
    )
    decree_state = fields.Selection(related="decree_id.state", string="Decree Status")
    information_id = fields.Many2one(
        domain=[("state", "=", "approval")], check_company=True
    )
    information_name = fields.Char(related="information_id.name", string="Reference")
    information_title = fields.Char(related="information_id.title", string="Title")
    unit_id = fields.Many2one(related="information_id.unit_id", store=True)
    test_line_id = fields.Many2one(
        comodel_name="ppid.consequence.test.line",
        string="Consequence Test Line",
        ondelete="restrict",
        index="btree_not_null",
        help="The consequence test whose analysis this decision adopts.",
    )

    _decree_information_uniq = models.Constraint(
        "UNIQUE(decree_id, information_id)", "An item appears once in a decree."
    )

    @api.depends("information_id", "test_line_id")
    def _compute_classification(self):
        return super()._compute_classification()

    def _classification_source(self):
        return self.test_line_id or self.information_id

    @api.constrains("information_id", "test_line_id")
    def _check_test_line_concluded_exempted(self):
        for line in self.filtered("test_line_id"):
            test_line = line.test_line_id
            if (
                test_line.information_id != line.information_id
                or test_line.test_id.state != "done"
                or test_line.conclusion != "exempted"
            ):
                raise ValidationError(
                    self.env._(
                        "A decree adopts a completed consequence test that concluded "
                        "%(item)s exempted.",
                        item=line.information_id.display_name,
                    )
                )

    @api.constrains("information_id", "decree_id")
    def _check_one_draft_decree_per_item(self):
        duplicates = self.sudo().search_count(
            [
                ("information_id", "in", self.information_id.ids),
                ("decree_id.state", "=", "draft"),
                ("id", "not in", self.ids),
            ]
        )
        if duplicates:
            raise ValidationError(
                self.env._("An item can be in only one draft decree at a time.")
            )

    # ------------------------------------------------------------------
    # CRUD: an approved decree never changes
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        decrees = self.env["ppid.classification.decree"].browse(
            {vals.get("decree_id") for vals in vals_list if vals.get("decree_id")}
        )
        decrees._check_draft()
        return super().create(vals_list)

    def write(self, vals):
        self.decree_id._check_draft()
        self._check_tested_fields(vals)
        if "decree_id" in vals:
            self.env["ppid.classification.decree"].browse(
                vals["decree_id"]
            )._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_drafts(self):
        self.decree_id._check_draft()

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _check_tested_fields(self, vals):
        """The decree decides on what the signed test analysed: the legal basis
        and the analysis stay the test's; the period is the decree's (rule 3)."""
        if self.env.su:
            return
        changed = [
            name
            for name in TESTED_FIELDS.intersection(vals)
            for line in self.filtered("test_line_id")
            if line._fields[name].convert_to_write(line[name], line) != vals[name]
        ]
        if changed:
            raise UserError(
                self.env._(
                    "%(fields)s come from the signed consequence test; a decree "
                    "cannot change them. Test the information again instead.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(set(changed))
                    ),
                )
            )

    def _item_values(self):
        """What the approved decree writes on its item: the register row."""
        self.ensure_one()
        decree = self.decree_id
        return {
            **self._classification_values(),
            "decree_reference": decree.name,
            "decree_date": decree.date,
            "approved_by_id": decree.approved_by_id.id,
            "approved_datetime": decree.approved_datetime,
        }
