# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models
from odoo.exceptions import UserError


class ReportReceipt(models.AbstractModel):
    """Tanda terima (SOP step 3): one receipt per handing-over unit, listing every
    item received from it among those printed."""

    _name = "report.ppid_exempted.report_receipt"
    _description = "Receipt of Exempted Information"
    _inherit = ["ppid.report.mixin"]

    @api.model
    def _get_report_values(self, docids, data=None):
        items = self.env["ppid.exempted.information"].browse(docids)
        not_received = items.filtered(lambda item: not item.received_datetime)
        if not_received:
            raise UserError(
                self.env._(
                    "No receipt for what has not been received: %(items)s.",
                    items=", ".join(not_received.mapped("display_name")),
                )
            )
        items = items.sorted(lambda item: (item.unit_id.complete_name, item.name))
        return {
            **self._report_helpers(),
            "doc_ids": items.ids,
            "doc_model": "ppid.exempted.information",
            "docs": items,
            "receipts": items.grouped("unit_id"),
            # The number of the stored receipt (ppid.receipt), when it prints
            # its own copy or a receipt issued for these items exists; else the
            # number from the body's pattern.
            "receipt_number": (data or {}).get("receipt_number"),
            "stored_numbers": self._stored_receipt_numbers(items),
        }

    def _stored_receipt_numbers(self, items):
        """{unit id: number of the latest issued receipt listing every one of
        the unit's items printed}: a receipt printed again from the items
        carries the number the service officer issued."""
        receipts = (
            self.env["ppid.receipt"]
            .sudo()
            .search(
                [("information_ids", "in", items.ids), ("issued_datetime", "!=", False)]
            )
        )
        numbers = {}
        for unit, unit_items in items.grouped("unit_id").items():
            covering = receipts.filtered(
                lambda receipt, wanted=unit_items: wanted <= receipt.information_ids
            )
            if covering:
                numbers[unit.id] = covering[0].name
        return numbers
