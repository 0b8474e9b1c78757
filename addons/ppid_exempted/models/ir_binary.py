# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models
from odoo.exceptions import AccessError
from odoo.http import request

from .ppid_exempted_information_safeguard import DOCUMENT_FIELDS
from .ppid_vault_document import VAULT_MODEL


class PpidVaultAccessError(AccessError):
    """A vault document was refused to the user asking for it."""


class IrBinary(models.AbstractModel):
    """Every file stream (/web/content, /web/image, the chatter's zip, image
    shapes...) is built by `_record_to_stream`. For a vault document it checks
    the access of the user behind the request even when the record was found
    through an access token or the public flag (which return it as
    superuser), and logs the download or the refusal."""

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
            documents = self._ppid_vault_documents_of(
                record.sudo().exists(), field or "raw"
            )
            if not documents:
                raise
            self._ppid_log_refusal(documents)
            raise PpidVaultAccessError(error.args[0]) from error

    def _record_to_stream(self, record, field_name):
        documents = self._ppid_vault_documents_of(record, field_name)
        if documents:
            self._ppid_check_vault_access(documents)
        stream = super()._record_to_stream(record, field_name)
        if documents:
            channel = None if field_name in ("raw", "datas") else field_name
            documents._log_event("download", channel=channel)
        return stream

    def _ppid_vault_documents_of(self, record, field_name):
        """The vault documents that streaming `field_name` of `record` reveals."""
        Document = self.env["ppid.vault.document"].sudo()
        if record._name == "ir.attachment":
            attachments = record.sudo().filtered(lambda a: a.res_model == VAULT_MODEL)
            if not attachments:
                return Document
            documents = Document.search([("attachment_id", "in", attachments.ids)])
            if len(documents) < len(attachments):
                # Not fingerprinted (stored before this addon): register it now.
                documents = Document._register_stored(attachments, "upload")
            return documents
        if record._name == VAULT_MODEL and field_name in DOCUMENT_FIELDS:
            return Document.search(
                [
                    ("information_id", "in", record.ids),
                    ("attachment_id.res_field", "=", field_name),
                ]
            )
        return Document

    def _ppid_check_vault_access(self, documents):
        """Check as the user of the request, whatever `record` was found as."""
        if self.env.su:
            return
        attachments = documents.attachment_id.with_env(self.env(su=False))
        if attachments.has_access("read"):
            return
        self._ppid_log_refusal(documents)
        raise PpidVaultAccessError(
            self.env._("You are not allowed to read this exempted document.")
        )

    def _ppid_log_refusal(self, documents):
        """Log a refused download; image previews that the chatter requests
        on its own (and answers with a placeholder) are not downloads."""
        if request and request.httprequest.path.startswith("/web/image"):
            return
        documents._log_event("denied")
