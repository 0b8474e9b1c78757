# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models

from .ppid_vault_policy import VAULT_MODEL


class MailFollowers(models.Model):
    """Only users who may read an item follow it (the vault policy checks):
    a follower receives its notes and files, so following is reading."""

    _inherit = "mail.followers"

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.su:
            # Subscriptions the system makes on its own (authors, assignees,
            # tracked users): those who may not read the item are left out.
            refused = self.env["ppid.vault.policy"]._follows_refused(
                [
                    (vals["res_id"], vals["partner_id"])
                    for vals in vals_list
                    if vals.get("res_model") == VAULT_MODEL
                    and vals.get("res_id")
                    and vals.get("partner_id")
                ]
            )
            vals_list = [
                vals
                for vals in vals_list
                if vals.get("res_model") != VAULT_MODEL
                or (vals.get("res_id"), vals.get("partner_id")) not in refused
            ]
        else:
            self._ppid_check_item_followers(
                [
                    (vals.get("res_model"), vals.get("res_id"), vals.get("partner_id"))
                    for vals in vals_list
                ]
            )
        return super().create(vals_list)

    def write(self, vals):
        if {"res_model", "res_id", "partner_id"} & vals.keys():
            self._ppid_check_item_followers(
                [
                    (
                        vals.get("res_model", follower.res_model),
                        vals.get("res_id", follower.res_id),
                        vals.get("partner_id", follower.partner_id.id),
                    )
                    for follower in self
                ]
            )
        return super().write(vals)

    @api.model
    def _ppid_check_item_followers(self, triples):
        policy = self.env["ppid.vault.policy"]
        for res_model, res_id, partner_id in triples:
            if res_model == VAULT_MODEL and res_id and partner_id:
                policy._check_followers(
                    self.env[VAULT_MODEL].browse(res_id), [partner_id]
                )
