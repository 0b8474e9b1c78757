# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models
from odoo.fields import Domain

from .ppid_vault_policy import VAULT_MODEL


class MailMessage(models.Model):
    """The chatter of an item is part of the item: its messages (internal
    notes above all) are read only by those who may read the item, whatever
    else would let Odoo show them (being notified, mentioned or a follower).
    The vault policy says who may read which item."""

    _inherit = "mail.message"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        if not (self.env.su or kwargs.get("bypass_access")):
            policy = self.env["ppid.vault.policy"]
            domain = Domain(domain) & (
                Domain("model", "!=", VAULT_MODEL)
                | Domain("res_id", "in", policy._readable_items_query())
            )
        return super()._search(domain, offset, limit, order, **kwargs)

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        if operation != "read" or self.env.su:
            return forbidden
        on_items = (self - forbidden).sudo().filtered(lambda m: m.model == VAULT_MODEL)
        if not on_items:
            return forbidden
        items = self.env[VAULT_MODEL].browse(on_items.mapped("res_id"))
        readable = set(
            items.with_context(active_test=False)._filtered_access("read")._ids
        )
        refused = on_items.filtered(lambda m: m.res_id not in readable)
        return forbidden + self.browse(refused._ids)
