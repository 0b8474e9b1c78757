# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models
from odoo.exceptions import AccessError

from .ppid_vault_policy import PpidVaultAccessError

__all__ = ["IrBinary", "PpidVaultAccessError"]


class IrBinary(models.AbstractModel):
    """Every file stream (/web/content, /web/image, the chatter's zip, image
    shapes...) is built by `_record_to_stream`. For a vault document it asks
    the vault policy, as the user behind the request even when the record was
    found through an access token or the public flag (which return it as
    superuser), whether the file may be handed out (access and a fresh
    integrity check), and logs the download or the refusal."""

    _inherit = "ir.binary"

    def _find_record(
        self,
        xmlid=None,
        res_model="ir.attachment",
        res_id=None,
        access_token=None,
        field=None,
    ):
        try:
            return super()._find_record(
                xmlid=xmlid,
                res_model=res_model,
                res_id=res_id,
                access_token=access_token,
                field=field,
            )
        except AccessError as error:
            if xmlid:
                record = self.env.ref(xmlid, raise_if_not_found=False)
            else:
                record = self.env[res_model].browse(res_id)
            policy = self.env["ppid.vault.policy"]
            documents = policy._documents_of(record.sudo().exists(), field or "raw")
            if not documents:
                raise
            policy._log_refusal(documents)
            raise PpidVaultAccessError(error.args[0]) from error

    def _record_to_stream(self, record, field_name):
        policy = self.env["ppid.vault.policy"]
        documents = policy._documents_of(record, field_name)
        policy._check_download(documents)
        stream = super()._record_to_stream(record, field_name)
        if documents:
            channel = None if field_name in ("raw", "datas") else field_name
            documents._log_event("download", channel=channel)
        return stream
