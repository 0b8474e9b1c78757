# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Records whose every change goes to the append-only audit log."""

from odoo import models


class PpidAuditedMixin(models.AbstractModel):
    """Tests, participants, decrees and their lines: each write is audited."""

    _name = "ppid.audited.mixin"
    _description = "Audited PPID Record"

    def write(self, vals):
        """Every change, after the model's own guards, goes to the audit log."""
        Audit = self.env["ppid.audit.log"]
        names = Audit._audited_names(self, list(vals))
        before = Audit._snapshot(self, names)
        result = super().write(vals)
        Audit._log_changes(self, before, names)
        return result

    def _audited_write(self, vals):
        """Write and audit past the model's own guards: for the code of a step
        (approval, completion, signing) that has checked who may write."""
        return PpidAuditedMixin.write(self, vals)
