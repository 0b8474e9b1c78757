# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The line part of a classification: a consequence-test line or a decree
line about one register item, whose legal content (the fields and checks of
ppid.classification.content.mixin) starts from what its source already says
and can be edited from there."""

from odoo import api, fields, models

from .ppid_classification_content_mixin import (  # noqa: F401 (read from here)
    CLASSIFICATION_FIELDS,
    PERIOD_END_EVENT_WORDS,
    PERIOD_END_EVENTS,
    period_end_event_of,
)

# How a line holds the legal content: filled from its source, then edited.
FROM_SOURCE = {
    "compute": "_compute_classification",
    "store": True,
    "readonly": False,
    "precompute": True,
}


class PpidClassificationMixin(models.AbstractModel):
    """The legal content of a classification, as a line about an item.

    Shared by the consequence-test line (the proposal) and the decree line (the
    decision). The fields, labels and checks are those of the register item
    (ppid.classification.content.mixin), so that the law is written down once.
    """

    _name = "ppid.classification.mixin"
    _inherit = ["ppid.classification.content.mixin"]
    _description = "Classification of an Item of Exempted Information"

    information_id = fields.Many2one(
        comodel_name="ppid.exempted.information",
        required=True,
        index=True,
        ondelete="restrict",
    )

    # The legal content (ppid.classification.content.mixin), from the source.
    legal_basis_id = fields.Many2one(**FROM_SOURCE)
    legal_subpoint_id = fields.Many2one(**FROM_SOURCE)
    statute_name = fields.Char(**FROM_SOURCE)
    statute_number = fields.Char(**FROM_SOURCE)
    statute_article = fields.Char(**FROM_SOURCE)
    harm_if_opened = fields.Text(**FROM_SOURCE)
    interest_if_closed = fields.Text(**FROM_SOURCE)
    public_interest_note = fields.Text(**FROM_SOURCE)
    exemption_scope = fields.Selection(**FROM_SOURCE)
    exempt_part = fields.Text(**FROM_SOURCE)
    whole_document_justification = fields.Text(**FROM_SOURCE)
    period_type = fields.Selection(**FROM_SOURCE)
    period_end_date = fields.Date(**FROM_SOURCE)
    period_end_event = fields.Selection(**FROM_SOURCE)
    period_end_condition = fields.Char(**FROM_SOURCE)
    period_basis = fields.Text(**FROM_SOURCE)
    review_date = fields.Date(**FROM_SOURCE)

    @api.depends("information_id")
    def _compute_classification(self):
        """Start from what the source (the register item) already says."""
        for record in self:
            source = record._classification_source()
            for name in CLASSIFICATION_FIELDS:
                record[name] = source[name] if source else False

    def _classification_source(self):
        return self.information_id

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _missing_classification(self, decree_date=False):
        """What an exemption may not lack (rules 1, 8, 10, 12, 19), with the
        decree date as the start of the period when it is known (rule 8)."""
        self.ensure_one()
        missing = self._missing_legal_basis()
        missing += self._missing_analysis()
        missing += self._missing_scope()
        missing += self._missing_period(decree_date)
        return missing
