# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PpidUnit(models.Model):
    """A PPID unit of a public body: the PPID Utama or a PPID Pelaksana."""

    _name = "ppid.unit"
    _description = "PPID Unit"
    _parent_store = True
    _order = "complete_name"
    _rec_name = "complete_name"
    _rec_names_search = ["complete_name", "code"]
    _check_company_auto = True

    name = fields.Char(required=True, translate=False, index="trigram")
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True
    )
    code = fields.Char()
    unit_type = fields.Selection(
        selection=[
            ("utama", "PPID Utama"),
            ("pelaksana", "PPID Pelaksana / Pembantu"),
        ],
        required=True,
        default="pelaksana",
    )
    organization_type = fields.Selection(
        selection=[
            ("opd", "Regional agency (OPD)"),
            ("bumd", "Regional enterprise (BUMD)"),
            ("other", "Other"),
        ],
        default="opd",
    )
    parent_id = fields.Many2one(
        comodel_name="ppid.unit", index=True, ondelete="restrict", check_company=True
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many(comodel_name="ppid.unit", inverse_name="parent_id")
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        string="Public Body",
    )
    head_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Atasan PPID Pelaksana",
        check_company=True,
        help="The head of the unit, who acknowledges (mengetahui) each hand-over "
        "of its exempted information in the system (Kukar SOP step 2). Needs "
        "no PPID role: the hand-overs of the unit are readable to this user.",
    )
    user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="ppid_unit_res_users_rel",
        column1="unit_id",
        column2="user_id",
        string="Officers",
        check_company=True,
    )
    active = fields.Boolean(default=True)

    _code_company_uniq = models.Constraint(
        "UNIQUE(code, company_id)",
        "The unit code must be unique within a public body.",
    )

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for unit in self:
            if unit.parent_id:
                unit.complete_name = f"{unit.parent_id.complete_name} / {unit.name}"
            else:
                unit.complete_name = unit.name

    @api.depends("name", "parent_id.name", "parent_id.code")
    def _compute_display_name(self):
        """The unit's own name, as a reader of a form or a chart legend knows
        it ("Dinas Kesehatan"); the parent (its code, else its name) is added
        only where two units of the body carry the same name."""
        names = [name for name in self.mapped("name") if name]
        counts = Counter()
        if names:
            groups = (
                self.sudo()
                .with_context(active_test=False)
                ._read_group(
                    [("name", "in", names)], ["name", "company_id"], ["__count"]
                )
            )
            counts = Counter(
                {(name, company.id): count for name, company, count in groups}
            )
        for unit in self:
            label = unit.name or ""
            if unit.parent_id and counts[(unit.name, unit.company_id.id)] > 1:
                parent = unit.parent_id.sudo()
                label = f"{label} ({parent.code or parent.name})"
            unit.display_name = label

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A unit cannot be its own parent."))

    def action_view_service_levels(self):
        """How long each step took in this unit, against the SOP standard."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ppid_exempted.ppid_service_level_report_action"
        )
        action["domain"] = [("unit_id", "child_of", self.id)]
        return action
