# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .ppid_classification_mixin import CLASSIFICATION_FIELDS

# What the signed test analysed; the decree only sets the period (PP 61/2010
# Pasal 4(2)(d)) and, for huruf c-f, the head of the body sets it (Pasal 7).
TESTED_FIELDS = frozenset(CLASSIFICATION_FIELDS) - {
    "period_type",
    "period_end_event",
    "period_end_date",
    "period_end_condition",
    "period_basis",
    "review_date",
}
# Which analysis a line is: fixed when the line is created.
LINK_FIELDS = ("information_id", "test_line_id")
# The item as approved (PP 61/2010 Pasal 4(2)): written by the approval only,
# so that the approved decree reprints what was approved.
SNAPSHOT_FIELDS = {
    "approved_information_ref": "name",
    "approved_title": "title",
    "approved_description": "description",
    "approved_source_document": "source_document",
}
SNAPSHOT_UNIT_FIELD = "approved_unit_name"
# Set only by the decree's own code when it issues a decree for an item that
# is classified again without a pending test (checked together with sudo).
FROM_ITEM_KEY = "ppid_decree_line_from_item"


class PpidClassificationDecreeLine(models.Model):
    """One item of information classified by a decree, with its period and its
    reasons as decided (PP 61/2010 Pasal 4(2) d and e).

    A line is the analysis of its consequence-test line (Perki 1/2017 Pasal 4;
    PP 61/2010 Pasal 3): it keeps its test link, its legal content is the
    test's, and at approval it keeps the item's identity as approved.
    """

    _name = "ppid.classification.decree.line"
    _description = "Classification Decree Line"
    _inherit = ["ppid.classification.mixin", "ppid.audited.mixin"]
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
        domain="[('information_id', '=', information_id), ('conclusion', '=', "
        "'exempted'), ('test_id.state', '=', 'done')]",
        help="The consequence test whose analysis this decision adopts.",
    )
    approved_information_ref = fields.Char(
        string="Reference as Approved", readonly=True, copy=False
    )
    approved_title = fields.Char(string="Title as Approved", readonly=True, copy=False)
    approved_unit_name = fields.Char(
        string="Unit as Approved", readonly=True, copy=False
    )
    approved_description = fields.Text(
        string="Description as Approved", readonly=True, copy=False
    )
    approved_source_document = fields.Char(
        string="Source Document as Approved", readonly=True, copy=False
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
        adopted = self.sudo().search_count(
            [
                ("test_line_id", "in", self.test_line_id.ids),
                ("decree_id.state", "=", "approved"),
                ("id", "not in", self.ids),
            ]
        )
        if adopted:
            raise ValidationError(
                self.env._(
                    "This consequence test has already been decided by an approved "
                    "decree: a new classification needs a new consequence test."
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
    # CRUD: an approved decree never changes; a line is its test's analysis
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        decrees = self.env["ppid.classification.decree"].browse(
            {vals.get("decree_id") for vals in vals_list if vals.get("decree_id")}
        )
        decrees._check_draft()
        for vals in vals_list:
            self._check_snapshot_untouched(vals)
            self._check_created_as_tested(vals)
        lines = super().create(vals_list)
        self.env["ppid.audit.log"]._log_creation(lines)
        return lines

    def write(self, vals):
        self._check_snapshot_untouched(vals)
        self.decree_id._check_draft()
        self._check_link_kept(vals)
        self._check_tested_fields(vals)
        if "decree_id" in vals:
            self.env["ppid.classification.decree"].browse(
                vals["decree_id"]
            )._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_drafts(self):
        self.decree_id._check_draft()

    def unlink(self):
        self.env["ppid.audit.log"]._log_deletion(self)
        return super().unlink()

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _check_snapshot_untouched(self, vals):
        if {*SNAPSHOT_FIELDS, SNAPSHOT_UNIT_FIELD}.intersection(vals):
            raise AccessError(
                self.env._(
                    "The item as approved is recorded by the approval of the "
                    "decree; it is never written by hand."
                )
            )

    def _check_link_kept(self, vals):
        """A line stays the analysis of the test line it was created from,
        whoever writes (the superuser included): the law, not a permission."""
        changed = [
            name
            for name in LINK_FIELDS
            if name in vals
            for line in self
            if line._fields[name].convert_to_write(line[name], line) != vals[name]
        ]
        if changed:
            raise UserError(
                self.env._(
                    "A decree line is the analysis of its consequence test: its "
                    "item and its test line cannot be changed or removed. Remove "
                    "the line and add the test line that concluded the item "
                    "exempted instead."
                )
            )

    def _check_created_as_tested(self, vals):
        """A new line adopts a completed test line that concluded its item
        exempted, with that line's content (PP 61/2010 Pasal 3; Perki 1/2017
        Pasal 4(1)); only the period is the decree's."""
        test_line = self.env["ppid.consequence.test.line"].browse(
            vals.get("test_line_id") or []
        )
        if test_line:
            source = test_line.sudo()
        elif self.env.su and self.env.context.get(FROM_ITEM_KEY):
            # The decree issued for an item classified again without a pending
            # test carries the item's own classification, unchanged.
            source = (
                self.env["ppid.exempted.information"]
                .sudo()
                .browse(vals.get("information_id"))
            )
        else:
            raise UserError(
                self.env._(
                    "A decree line adopts the consequence test that analysed its "
                    "item: choose the test line that concluded it exempted."
                )
            )
        changed = [
            name
            for name in TESTED_FIELDS.intersection(vals)
            if not self._same_value(name, vals[name], source)
        ]
        if changed:
            raise UserError(self._tested_fields_message(changed))

    def _same_value(self, name, value, source):
        field = self._fields[name]
        empty = self.browse()
        new = field.convert_to_record(field.convert_to_cache(value, empty), empty)
        old = source[name]
        if not new and not old:
            return True
        return new == old

    def _tested_fields_message(self, names):
        return self.env._(
            "%(fields)s come from the signed consequence test; a decree cannot "
            "change them. Test the information again instead.",
            fields=", ".join(
                self._fields[name]._description_string(self.env)
                for name in sorted(set(names))
            ),
        )

    def _check_tested_fields(self, vals):
        """The decree decides on what the signed test analysed: the legal basis
        and the analysis stay the test's, whoever writes; the period is the
        decree's (rule 3)."""
        changed = [
            name
            for name in TESTED_FIELDS.intersection(vals)
            for line in self
            if not line._same_value(name, vals[name], line._classification_source())
        ]
        if changed:
            raise UserError(self._tested_fields_message(changed))

    def _snapshot_identity(self):
        """At approval: the item as the head approved it, to be reprinted."""
        for line in self:
            item = line.information_id.sudo()
            line._audited_write(
                {
                    **{name: item[source] for name, source in SNAPSHOT_FIELDS.items()},
                    SNAPSHOT_UNIT_FIELD: item.unit_id.complete_name,
                }
            )

    def _printed_identity(self):
        """What the decree prints about the item: as approved once approved."""
        self.ensure_one()
        if self.decree_id.state == "approved" and self.approved_information_ref:
            return {
                "reference": self.approved_information_ref,
                "title": self.approved_title or "",
                "unit": self.approved_unit_name or "",
                "description": self.approved_description or "",
                "source_document": self.approved_source_document or "",
            }
        item = self.information_id.sudo()
        return {
            "reference": item.name,
            "title": item.title or "",
            "unit": item.unit_id.complete_name or "",
            "description": item.description or "",
            "source_document": item.source_document or "",
        }

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
