# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models


class IrActionsServer(models.Model):
    """Python code in a server action can do anything, the vault's rules
    included (it may call sudo()). Odoo lets only its system administrators
    write such code; every run of it by a user is recorded in the document
    access log, with the code that ran (Permenkoinfra 39(4): what happens to
    exempted information is recorded). The scheduler's own runs, as the
    system, are not."""

    _inherit = "ir.actions.server"

    def run(self):
        if not self.env.su:
            self._ppid_log_code_runs()
        return super().run()

    def _ppid_log_code_runs(self):
        actions = self.sudo()
        code = actions.browse()
        while actions:
            code |= actions.filtered(lambda a: a.state == "code")
            actions = actions.filtered(lambda a: a.state == "multi").child_ids - code
        if not code:
            return
        context = self.env.context
        records = context.get("active_ids") or [context.get("active_id")]
        self.env["ppid.vault.log"]._append(
            [
                {
                    "event": "code",
                    "channel": self.env._(
                        "Server action %(name)s (#%(id)s)",
                        name=action.name,
                        id=action.id,
                    ),
                    "information_id": False,
                    "file_name": action.model_id.model,
                    "detail": self.env._(
                        "Records: %(records)s\n\n%(code)s",
                        records=", ".join(str(r) for r in records if r) or "-",
                        code=action.code,
                    ),
                }
                for action in code
            ]
        )
