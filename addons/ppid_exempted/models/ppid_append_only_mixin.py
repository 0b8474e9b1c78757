# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models
from odoo.exceptions import UserError


class PpidAppendOnlyMixin(models.AbstractModel):
    """Rows written by the system only, and never changed or deleted by anyone
    (the audit, access and custody logs; rule 27)."""

    _name = "ppid.append.only.mixin"
    _description = "Append-only Log"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "%(log)s is written by the system only.", log=self._log_name()
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if self:
            raise UserError(
                self.env._("%(log)s cannot be changed.", log=self._log_name())
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if self - self._deletable():
            raise UserError(
                self.env._("%(log)s cannot be deleted.", log=self._log_name())
            )

    def _log_name(self):
        return self.env["ir.model"]._get(self._name).name  # translated

    def _deletable(self):
        """Rows that may go with what they log; none by default."""
        return self.browse()
