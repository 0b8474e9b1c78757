# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models


class ReportClassificationDecree(models.AbstractModel):
    """Surat Penetapan Klasifikasi, with the table of the items it classifies."""

    _name = "report.ppid_exempted.report_classification_decree"
    _description = "Classification Decree"
    _inherit = ["ppid.report.mixin"]

    @api.model
    def _get_report_values(self, docids, data=None):
        decrees = self.env["ppid.classification.decree"].browse(docids)
        return {
            **self._report_helpers(),
            "legal_basis_citation": self._legal_basis_citation,
            "doc_ids": decrees.ids,
            "doc_model": "ppid.classification.decree",
            "docs": decrees,
        }
