# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResCompany(models.Model):
    """How the body's papers and its public register present it."""

    _inherit = "res.company"  # pylint: disable=R8180

    ppid_letterhead_office = fields.Char(
        string="Letterhead Office",
        help="Second line of the letterhead (kop surat), under the body's name: "
        "the office that runs the PPID, e.g. DINAS KOMUNIKASI DAN INFORMATIKA.",
    )
    ppid_receipt_number_pattern = fields.Char(
        string="Receipt Number Pattern",
        default="TT/{seq}/{unit}/{year}",
        help="Number printed on a tanda terima. {seq} is the number of the first "
        "item received, {unit} the code of the unit, {year} and {month} the "
        "date of receipt; e.g. 188.45/{seq}/DISKOMINFO/{year}.",
    )
    ppid_request_url = fields.Char(
        string="Information Request Link",
        help="Where a citizen requests information (permohonan informasi); shown "
        "on the public register.",
    )
    ppid_objection_url = fields.Char(
        string="Objection Link",
        help="Where a citizen files an objection (keberatan); shown on the public "
        "register.",
    )

    def _ppid_receipt_number(self, unit, items):
        """The tanda terima's number from the body's pattern; the same paper
        printed twice carries the same number."""
        self.ensure_one()
        first = items.sorted("name")[:1]
        received = first.received_datetime and self._ppid_to_local(
            first.received_datetime
        )
        values = {
            "seq": (first.name or "").rsplit("/", 1)[-1],
            "unit": unit.code or "",
            "year": received.year if received else "",
            "month": f"{received.month:02d}" if received else "",
        }
        pattern = self.ppid_receipt_number_pattern or "TT/{seq}/{unit}/{year}"
        try:
            return pattern.format(**values)
        except (AttributeError, KeyError, IndexError, ValueError):
            return pattern
