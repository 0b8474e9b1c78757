# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models


class MailMail(models.Model):
    """Vault documents never leave by e-mail: when a message carrying them is
    notified by e-mail, they are left out of the e-mail (they stay in the
    chatter for those who may read them)."""

    _inherit = "mail.mail"

    def _prepare_outgoing_list(self, mail_server=False, doc_to_followers=None):
        return super(
            MailMail, self.with_context(ppid_vault_no_email=True)
        )._prepare_outgoing_list(
            mail_server=mail_server, doc_to_followers=doc_to_followers
        )
