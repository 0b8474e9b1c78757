# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

# The huruf of UU 14/2008 Pasal 17 with a short reminder of what each protects,
# so that a chart axis or a group reads "h. Personal secrets", not "h".
HURUF_SELECTION = [
    ("a", "a. Law enforcement"),
    ("b", "b. Intellectual property and fair competition"),
    ("c", "c. State defence and security"),
    ("d", "d. Natural resources of Indonesia"),
    ("e", "e. National economic resilience"),
    ("f", "f. Foreign relations"),
    ("g", "g. Authentic deeds and wills"),
    ("h", "h. Personal secrets"),
    ("i", "i. Memoranda between or within public bodies"),
    ("j", "j. Withheld by statute"),
]

# What the law says (UU 14/2008 Pasal 17; PP 61/2010 Pasal 5-9): set by the
# module's data file, never by a user at runtime, the superuser included. The
# labels (name, period rule text) stay editable by the PPID administrator.
RULE_FIELDS = (
    "huruf",
    "angka",
    "parent_id",
    "requires_angka",
    "requires_statute",
    "requires_period_regulation",
    "head_sets_period",
    "forbids_unlimited_period",
    "openable_by_consent",
    "max_period_years",
)


class PpidLegalBasis(models.Model):
    """UU 14/2008 Pasal 17: one record per huruf and one per angka below it.

    The exemption-period rule of PP 61/2010 is carried by the huruf record. The
    catalogue is the law: its records and rule flags come from
    data/ppid_legal_basis_data.xml and change only when the module is
    installed or updated; every change is in the audit log.
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

    # ------------------------------------------------------------------
    # CRUD: the law changes by a module update, and every change is audited
    # ------------------------------------------------------------------

    def _is_module_loading(self):
        """True only while Odoo loads the module's data files (install or
        update): the registry is not ready yet and the loader marked the
        context. An RPC caller can set a context key, never the registry."""
        return not self.pool.ready and bool(self.env.context.get("install_mode"))

    def _check_law_unchanged(self):
        if not self._is_module_loading():
            raise UserError(self._law_message())

    def _law_message(self):
        return self.env._(
            "The legal basis catalogue is the law (UU 14/2008 Pasal 17 and PP "
            "61/2010): its huruf, angka and rules change only with an update of "
            "the module, never by hand."
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_law_unchanged()
        records = super().create(vals_list)
        self.env["ppid.audit.log"]._log_creation(records)
        return records

    def write(self, vals):
        Audit = self.env["ppid.audit.log"]
        rules = [
            name
            for name in RULE_FIELDS
            if name in vals
            and any(
                record._fields[name].convert_to_write(record[name], record)
                != vals[name]
                for record in self
            )
        ]
        if rules:
            self._check_law_unchanged()
        names = Audit._audited_names(self, list(vals))
        before = Audit._snapshot(self, names)
        result = super().write(vals)
        Audit._log_changes(self, before, names)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_never_at_runtime(self):
        # The loader removes records dropped from the data file at an update.
        if self.pool.ready:
            raise UserError(self._law_message())

    def unlink(self):
        self.env["ppid.audit.log"]._log_deletion(self)
        return super().unlink()
