# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Permendagri 83/2022 Pasal 3(5): archive classification codes are numbers.
# Main classes have three digits (000-900); lower levels add dot-separated
# numbers (e.g. 000.1, 000.1.2).
CODE_PATTERN = re.compile(r"^\d{3}(\.\d+)*$")


class PpidArchiveClassification(models.Model):
    """An archive classification code (kode klasifikasi arsip, Permendagri
    83/2022), loaded as reference data and extended by the administrator.

    The hierarchy is the code itself: 000.1.2 sits under 000.1, under 000.
    """

    _name = "ppid.archive.classification"
    _description = "Archive Classification Code"
    _order = "code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True)
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "Each archive classification code appears once."
    )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for classification in self:
            classification.display_name = (
                f"{classification.code} {classification.name or ''}".strip()
            )

    @api.constrains("code")
    def _check_code_is_numeric(self):
        for classification in self:
            if not CODE_PATTERN.match(classification.code or ""):
                raise ValidationError(
                    self.env._(
                        "%(code)s is not an archive classification code: codes are "
                        "numbers, three digits for a main class followed by "
                        "dot-separated numbers (e.g. 000.1.2).",
                        code=classification.code,
                    )
                )
