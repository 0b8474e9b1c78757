# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The legal content of a classification, declared once: the fields of the
legal basis (UU 14/2008 Ps 17 and the statute behind it), the consequences,
the scope and the period (PP 61/2010 Ps 5-9), with one set of labels and
help, and the checks about that content itself. The register item inherits
it directly; the consequence-test line and the decree line through
ppid.classification.mixin, which fills the same fields from the item."""

import re

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import ValidationError

from .ppid_legal_basis import HURUF_SELECTION

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


class PpidClassificationContentMixin(models.AbstractModel):
    """The legal content of the classification of one item of information.

    What the register item carries, what a consequence-test line proposes and
    what a decree line decides: the same fields, labels and checks.
    """

    _name = "ppid.classification.content.mixin"
    _description = "Legal Content of a Classification"

    # Legal basis (UU 14/2008 Pasal 17 and the statute that protects it)
    legal_basis_id = fields.Many2one(
        comodel_name="ppid.legal.basis",
        string="Pasal 17 Huruf",
        domain="[('angka', '=', 0)]",
        ondelete="restrict",
    )
    legal_subpoint_id = fields.Many2one(
        comodel_name="ppid.legal.basis",
        string="Angka",
        domain="[('parent_id', '=', legal_basis_id)]",
        ondelete="restrict",
    )
    # Follows the legal basis, never written on its own.
    huruf = fields.Selection(
        selection=HURUF_SELECTION,
        compute="_compute_huruf",
        store=True,
    )
    statute_name = fields.Char(
        string="Statute",
        help="The law, other than UU 14/2008, that protects the information.",
    )
    statute_number = fields.Char()
    statute_article = fields.Char()

    # Consequences and public interest
    harm_if_opened = fields.Text()
    interest_if_closed = fields.Text(string="Interest Protected if Closed")
    public_interest_note = fields.Text(string="Public-Interest Weighing")

    # Scope (domain rule 19)
    exemption_scope = fields.Selection(
        selection=[("part", "Part of the document"), ("whole", "Whole document")],
    )
    exempt_part = fields.Text(
        string="Exempted Part",
        help="Which part of the document is exempted, and why it is blacked out.",
    )
    whole_document_justification = fields.Text()

    # Period (domain rules 8, 10, 11, 12)
    period_type = fields.Selection(
        selection=[("date", "Until a date"), ("condition", "Until a condition")],
    )
    period_end_date = fields.Date(
        help="The end of the exemption period. For a period until a condition: "
        "the latest end, should the condition not be fulfilled before it.",
    )
    period_end_event = fields.Selection(
        selection=list(PERIOD_END_EVENTS),
        string="Kind of End Condition",
    )
    period_end_condition = fields.Char()
    period_basis = fields.Text(help="The rule or regulation the period rests on.")
    review_date = fields.Date(string="Next Review")

    @api.depends("legal_basis_id.huruf")
    def _compute_huruf(self):
        for record in self:
            record.huruf = record.legal_basis_id.huruf

    @api.constrains("legal_basis_id", "legal_subpoint_id")
    def _check_subpoint_belongs_to_huruf(self):
        for item in self:
            if item.legal_basis_id.angka:
                raise ValidationError(
                    self.env._(
                        "Choose a huruf of Pasal 17 as the legal basis, and its angka "
                        "below it."
                    )
                )
            subpoint = item.legal_subpoint_id
            if subpoint and subpoint.parent_id != item.legal_basis_id:
                raise ValidationError(
                    self.env._(
                        "%(angka)s does not belong to %(huruf)s.",
                        angka=subpoint.label,
                        huruf=item.legal_basis_id.label or "-",
                    )
                )

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _today(self):
        """Today for the body; the scheduler may run for a given day, nobody else
        chooses it."""
        scheduler = self.env.uid == SUPERUSER_ID
        return (scheduler and self.env.context.get("ppid_today")) or (
            self.company_id[:1]._ppid_today()
        )

    def _period_start(self):
        """The day the period is counted from when no decree date is given."""
        return self._today()

    def _classification_values(self):
        """The legal content, as values to write on another record."""
        self.ensure_one()
        return self._convert_to_write(
            {name: self[name] for name in CLASSIFICATION_FIELDS}
        )

    def _missing_analysis(self):
        required = [
            (self.harm_if_opened, self.env._("the harm if opened")),
            (self.interest_if_closed, self.env._("the interest protected if closed")),
            (self.public_interest_note, self.env._("the public-interest weighing")),
        ]
        return [label for value, label in required if not value]

    def _missing_scope(self):
        """Rule 19: the part exempted, or why the whole document is."""
        missing = []
        if not self.exemption_scope:
            missing.append(self.env._("the scope of the exemption"))
        if self.exemption_scope == "part" and not self.exempt_part:
            missing.append(
                self.env._("which part of the document is exempted, and why")
            )
        if self.exemption_scope == "whole" and not self.whole_document_justification:
            missing.append(
                self.env._("the justification that the whole document is exempted")
            )
        return missing

    def _missing_legal_basis(self):
        """Rule 1: a huruf; an angka for a/c/e/f/h; the statute for j."""
        basis = self.legal_basis_id
        if not basis:
            return [self.env._("the legal basis (Pasal 17 huruf)")]
        missing = []
        if basis.requires_angka and not self.legal_subpoint_id:
            missing.append(self.env._("the angka of %(huruf)s", huruf=basis.label))
        if basis.requires_statute and not (
            self.statute_name and self.statute_number and self.statute_article
        ):
            missing.append(
                self.env._("the prohibiting statute (name, number and article)")
            )
        return missing

    def _missing_period(self, start=False):
        """UU 14/2008 Ps 20 and PP 61/2010 Ps 5-9: a definite period (a date, or
        a condition of a known kind; for huruf a-f always a latest end date),
        its basis, and a review date; the end counted from `start` (the decree
        date) or else from _period_start()."""
        basis = self.legal_basis_id
        missing = []
        if not self.period_type:
            missing.append(self.env._("the exemption period"))
        if self.period_type == "date" and not self.period_end_date:
            missing.append(self.env._("the end date of the exemption period"))
        if self.period_type == "condition":
            if not (self.period_end_event and self.period_end_condition):
                missing.append(
                    self.env._("the end condition of the exemption period and its kind")
                )
            if basis.forbids_unlimited_period and not self.period_end_date:
                missing.append(
                    self.env._(
                        "a definite period: %(huruf)s cannot be exempted without "
                        "limit; give the latest end date, should the condition not "
                        "be fulfilled before it",
                        huruf=basis.label,
                    )
                )
        if not self.period_basis:
            missing.append(self.env._("the basis of the period"))
        elif basis.requires_period_regulation and not re.search(
            r"\b(UU|PP|Perpres|Permen\w*|Perda|Perkada|Undang|Peraturan|Perki)\b",
            self.period_basis,
            re.IGNORECASE,
        ):
            missing.append(
                self.env._("the regulation the period rests on (PP 61/2010)")
            )
        missing += self._missing_period_bounds(
            start or self._period_start(), self.env._("of the decree")
        )
        if not self.review_date:
            missing.append(self.env._("the next review date"))
        return missing

    def _missing_period_bounds(self, start, start_label):
        """The end date within the huruf's maximum from `start` (PP 61/2010
        Ps 5(1): huruf a at most 30 years)."""
        basis = self.legal_basis_id
        end = self.period_end_date
        if not (basis.max_period_years and end):
            return []
        if end <= start + relativedelta(years=basis.max_period_years):
            return []
        return [
            self.env._(
                "an end date within %(years)s years %(start)s",
                years=basis.max_period_years,
                start=start_label,
            )
        ]

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
