# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models


class ReportConsequenceTest(models.AbstractModel):
    """Lembar pengujian konsekuensi, signed by every participant."""

    _name = "report.ppid_exempted.report_consequence_test"
    _description = "Consequence Test Sheet"
    _inherit = ["ppid.report.mixin"]

    @api.model
    def _get_report_values(self, docids, data=None):
        tests = self.env["ppid.consequence.test"].browse(docids)
        return {
            **self._report_helpers(),
            "legal_basis_citation": self._legal_basis_citation,
            "doc_ids": tests.ids,
            "doc_model": "ppid.consequence.test",
            "docs": tests,
        }
