# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.fields import Domain

HURUF_SELECTION = [
    ("a", "a"),
    ("b", "b"),
    ("c", "c"),
    ("d", "d"),
    ("e", "e"),
    ("f", "f"),
    ("g", "g"),
    ("h", "h"),
    ("i", "i"),
    ("j", "j"),
]


class PpidLegalBasis(models.Model):
    """UU 14/2008 Pasal 17: one record per huruf and one per angka below it.

    The exemption-period rule of PP 61/2010 is carried by the huruf record.
    """

    _name = "ppid.legal.basis"
    _description = "Legal Basis of Exemption (UU 14/2008 Pasal 17)"
    _order = "huruf, angka"
    _rec_name = "label"

    name = fields.Char(required=True, translate=True)
    huruf = fields.Selection(selection=HURUF_SELECTION, required=True)
    angka = fields.Integer(
        help="Sub-point (angka) of the huruf; 0 for the huruf itself."
    )
    parent_id = fields.Many2one(
        comodel_name="ppid.legal.basis",
        string="Parent Huruf",
        ondelete="restrict",
        domain="[('angka', '=', 0)]",
    )
    child_ids = fields.One2many(
        comodel_name="ppid.legal.basis", inverse_name="parent_id", string="Sub-points"
    )
    label = fields.Char(compute="_compute_label", store=True)
    requires_angka = fields.Boolean(
        help="An angka must be chosen for this huruf (domain rule 1)."
    )
    requires_statute = fields.Boolean(
        help="The prohibiting statute must be named (huruf j, domain rule 1)."
    )
    requires_period_regulation = fields.Boolean(
        help="The period basis must cite a regulation (PP 61/2010 Pasal 6, 8(1), 9)."
    )
    head_sets_period = fields.Boolean(
        help="The period is set by the head of the body (PP 61/2010 Pasal 7)."
    )
    forbids_unlimited_period = fields.Boolean(
        help="An unlimited period is not allowed (UU 14/2008 Pasal 20(1))."
    )
    openable_by_consent = fields.Boolean(
        help="Opens with written consent or when it concerns a public office "
        "(UU 14/2008 Pasal 18(2); PP 61/2010 Pasal 8(3))."
    )
    max_period_years = fields.Integer(
        help="Longest exemption period in years; 0 for no numeric cap."
    )
    period_rule = fields.Text(
        translate=True, help="Exemption-period rule of PP 61/2010."
    )
    period_rule_reference = fields.Char()

    _huruf_angka_uniq = models.Constraint(
        "UNIQUE(huruf, angka)", "Each huruf and angka appears once in the catalogue."
    )

    @api.depends("huruf", "angka")
    def _compute_label(self):
        for basis in self:
            label = f"Pasal 17 huruf {basis.huruf}"
            if basis.angka:
                label += f" angka {basis.angka}"
            basis.label = label

    @api.depends("label", "name")
    def _compute_display_name(self):
        for basis in self:
            basis.display_name = f"{basis.label} - {basis.name}"

    @api.model
    def _search_display_name(self, operator, value):
        if operator == "ilike" and value:
            return Domain("label", "ilike", value) | Domain("name", "ilike", value)
        return super()._search_display_name(operator, value)
