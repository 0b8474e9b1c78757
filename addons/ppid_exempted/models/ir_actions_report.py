# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models


class IrActionsReport(models.Model):
    """A report PDF stored on an exempted item is a vault document: printing
    the report again returns it only to a user who may read it, and logs it."""

    _inherit = "ir.actions.report"

    def retrieve_attachment(self, record):
        attachment = super().retrieve_attachment(record)
        if attachment:
            documents = self.env["ir.binary"]._ppid_vault_documents_of(
                attachment, "raw"
            )
            if documents:
                self.env["ir.binary"].with_env(
                    self.env(su=False)
                )._ppid_check_vault_access(documents)
                documents._log_event("download", channel="report")
        return attachment
