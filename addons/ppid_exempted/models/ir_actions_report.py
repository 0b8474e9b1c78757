# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models


class IrActionsReport(models.Model):
    """A report PDF stored on an exempted item is a vault document: printing
    the report again returns it only to a user the vault policy lets read it,
    and logs it."""

    _inherit = "ir.actions.report"

    def retrieve_attachment(self, record):
        attachment = super().retrieve_attachment(record)
        if attachment:
            policy = self.env["ppid.vault.policy"].with_env(self.env(su=False))
            documents = policy._documents_of(attachment, "raw")
            if documents:
                policy._check_download(documents)
                documents._log_event("download", channel="report")
        return attachment
