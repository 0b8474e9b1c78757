# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models


class ReportHandover(models.AbstractModel):
    """Berita acara serah terima (Kukar SOP step 2): the items a unit handed
    over, signed by the PPID and acknowledged by the unit's Atasan PPID
    Pelaksana, each with the time of the signature given in the system."""

    _name = "report.ppid_exempted.report_handover"
    _description = "Hand-over of Exempted Information"
    _inherit = ["ppid.report.mixin"]

    @api.model
    def _get_report_values(self, docids, data=None):
        handovers = self.env["ppid.handover"].browse(docids)
        # Whoever may read the hand-over reads its paper: the Atasan PPID
        # Pelaksana may hold no PPID role, and reads the list it acknowledges.
        handovers.check_access("read")
        return {
            **self._report_helpers(),
            "doc_ids": handovers.ids,
            "doc_model": "ppid.handover",
            "docs": handovers.sudo(),
        }
