# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models
from odoo.tools import html2plaintext

from .ppid_vault_policy import VAULT_MODEL


class MailMail(models.Model):
    """Vault documents never leave by e-mail: when a message carrying them is
    notified by e-mail, they are left out of the e-mail (they stay in the
    chatter for those who may read them). An e-mail about an item, or one
    that carried vault documents, says only where to look: no text of the
    message, no file, no link to a file (the vault policy words it)."""

    _inherit = "mail.mail"

    def _prepare_outgoing_list(self, mail_server=False, doc_to_followers=None):
        results = super(
            MailMail, self.with_context(ppid_vault_no_email=True)
        )._prepare_outgoing_list(
            mail_server=mail_server, doc_to_followers=doc_to_followers
        )
        policy = self.env["ppid.vault.policy"]
        if self.model == VAULT_MODEL or policy._vault_attachments(self.attachment_ids):
            body = policy._neutral_email_body(self)
            for email in results:
                email["body"] = body
                email["body_alternative"] = html2plaintext(body)
                if self.model == VAULT_MODEL:
                    email["attachments"] = []
        return results
