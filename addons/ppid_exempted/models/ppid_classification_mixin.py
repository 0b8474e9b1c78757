# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The legal content of a classification: what a consequence-test line proposes,
# what a decree line decides and what the register item carries (same names).
CLASSIFICATION_FIELDS = (
    "legal_basis_id",
    "legal_subpoint_id",
    "statute_name",
    "statute_number",
    "statute_article",
    "harm_if_opened",
    "interest_if_closed",
    "public_interest_note",
    "exemption_scope",
    "exempt_part",
    "whole_document_justification",
    "period_type",
    "period_end_event",
    "period_end_date",
    "period_end_condition",
    "period_basis",
    "review_date",
)

# The kinds of end condition a period may have instead of (or before) a date
# (UU 14/2008 Ps 20; PP 61/2010 Ps 5-9). The wording of the condition is free;
# its kind is one of these, so "tidak dibatasi" cannot pass for a condition.
PERIOD_END_EVENTS = (
    ("decision_adopted", "A decision or regulation is adopted or enacted"),
    ("process_completed", "A procurement, negotiation or examination is completed"),
    ("case_closed", "The investigation, prosecution or court case is closed"),
    ("retention_ended", "The archive retention period ends"),
    ("consent_given", "The person concerned consents in writing"),
    ("protection_ended", "The protected interest no longer exists"),
)

# Words by which a condition written in a DIK table names its kind (for the
# import of existing tables); the first kind whose words appear wins.
PERIOD_END_EVENT_WORDS = (
    ("retention_ended", ("retensi", "masa penyimpanan", "dimusnahkan")),
    ("consent_given", ("persetujuan tertulis",)),
    ("case_closed", ("putusan", "penyidikan", "penuntutan", "perkara")),
    (
        "decision_adopted",
        (
            "keputusan",
            "peraturan",
            "ditetapkan",
            "diundangkan",
            "diumumkan",
            "dinyatakan",
        ),
    ),
    ("process_completed", ("selesai", "pengadaan", "perundingan", "pemeriksaan")),
)


def period_end_event_of(wording):
    """The kind of end condition `wording` names, or False."""
    text = (wording or "").lower()
    return next(
        (
            kind
            for kind, words in PERIOD_END_EVENT_WORDS
            if any(w in text for w in words)
        ),
        False,
    )


class PpidClassificationMixin(models.AbstractModel):
    """The legal content of the classification of one item of information.

    Shared by the consequence-test line (the proposal) and the decree line (the
    decision). The checks are those of the register item, run on an in-memory
    item holding these values, so that the law is written down once.
    """

    _name = "ppid.classification.mixin"
    _description = "Classification of an Item of Exempted Information"

    information_id = fields.Many2one(
        comodel_name="ppid.exempted.information",
        required=True,
        index=True,
        ondelete="restrict",
    )

    # Legal basis (UU 14/2008 Pasal 17 and the statute that protects it)
    legal_basis_id = fields.Many2one(
        comodel_name="ppid.legal.basis",
        string="Pasal 17 Huruf",
        domain="[('angka', '=', 0)]",
        ondelete="restrict",
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )
    legal_subpoint_id = fields.Many2one(
        comodel_name="ppid.legal.basis",
        string="Angka",
        domain="[('parent_id', '=', legal_basis_id)]",
        ondelete="restrict",
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )
    huruf = fields.Selection(related="legal_basis_id.huruf", store=True)
    statute_name = fields.Char(
        string="Statute",
        help="The law, other than UU 14/2008, that protects the information.",
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )
    statute_number = fields.Char(
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )
    statute_article = fields.Char(
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )

    # Consequences and public interest
    harm_if_opened = fields.Text(
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )
    interest_if_closed = fields.Text(
        string="Interest Protected if Closed",
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )
    public_interest_note = fields.Text(
        string="Public-Interest Weighing",
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )

    # Scope (rule 19)
    exemption_scope = fields.Selection(
        selection=[("part", "Part of the document"), ("whole", "Whole document")],
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )
    exempt_part = fields.Text(
        string="Exempted Part",
        help="Which part of the document is exempted, and why it is blacked out.",
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )
    whole_document_justification = fields.Text(
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )

    # Period (rules 8, 10, 11, 12)
    period_type = fields.Selection(
        selection=[("date", "Until a date"), ("condition", "Until a condition")],
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )
    period_end_date = fields.Date(
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )
    period_end_event = fields.Selection(
        selection=list(PERIOD_END_EVENTS),
        string="Kind of End Condition",
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )
    period_end_condition = fields.Char(
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )
    period_basis = fields.Text(
        help="The rule or regulation the period rests on.",
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )
    review_date = fields.Date(
        string="Next Review",
        compute="_compute_classification",
        store=True,
        readonly=False,
        precompute=True,
    )

    @api.depends("information_id")
    def _compute_classification(self):
        """Start from what the source (the register item) already says."""
        for record in self:
            source = record._classification_source()
            for name in CLASSIFICATION_FIELDS:
                record[name] = source[name] if source else False

    def _classification_source(self):
        return self.information_id

    @api.constrains("legal_basis_id", "legal_subpoint_id")
    def _check_subpoint_belongs_to_huruf(self):
        for record in self:
            subpoint = record.legal_subpoint_id
            if subpoint and subpoint.parent_id != record.legal_basis_id:
                raise ValidationError(
                    self.env._(
                        "%(angka)s does not belong to %(huruf)s.",
                        angka=subpoint.label,
                        huruf=record.legal_basis_id.label or "-",
                    )
                )

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _classification_values(self):
        """The values to write on the register item."""
        self.ensure_one()
        return self._convert_to_write(
            {name: self[name] for name in CLASSIFICATION_FIELDS}
        )

    def _virtual_item(self, decree_date=False):
        """An in-memory register item holding these values, to run its checks."""
        self.ensure_one()
        values = self._classification_values()
        values["decree_date"] = decree_date
        return self.env["ppid.exempted.information"].new(values)

    def _missing_analysis(self):
        required = [
            (self.harm_if_opened, self.env._("the harm if opened")),
            (self.interest_if_closed, self.env._("the interest protected if closed")),
            (self.public_interest_note, self.env._("the public-interest weighing")),
        ]
        return [label for value, label in required if not value]

    def _missing_classification(self, decree_date=False):
        """What an exemption may not lack (rules 1, 8, 10, 12, 19), with the
        decree date as the start of the period when it is known (rule 8)."""
        self.ensure_one()
        item = self._virtual_item(decree_date)
        missing = item._missing_legal_basis()
        missing += self._missing_analysis()
        missing += item._missing_scope()
        missing += item._missing_period()
        return missing

    def _legal_basis_text(self):
        """Pasal 17 huruf/angka and the statute, as printed."""
        self.ensure_one()
        parts = [(self.legal_subpoint_id or self.legal_basis_id).label or ""]
        statute = " ".join(
            part
            for part in (self.statute_name, self.statute_number, self.statute_article)
            if part
        )
        if statute:
            parts.append(statute)
        return "; ".join(part for part in parts if part)
