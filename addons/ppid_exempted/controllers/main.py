# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.mail.controllers.attachment import AttachmentController
from odoo.addons.web.controllers.binary import Binary

from ..models.ir_binary import PpidVaultAccessError
from ..models.ppid_vault_document import VAULT_MODEL


def _targets_vault(args):
    """Whether a file request asks for a document of the vault."""
    params = {**request.httprequest.args.to_dict(), **args}
    model = params.get("model") or "ir.attachment"
    if model == VAULT_MODEL:
        return True
    if model != "ir.attachment":
        return False
    attachment_id = params.get("id") or params.get("attachment_id")
    if not attachment_id and params.get("xmlid"):
        record = request.env.ref(params["xmlid"], raise_if_not_found=False)
        attachment_id = record.id if record and record._name == model else False
    try:
        attachment_id = int(attachment_id)
    except (TypeError, ValueError):
        return False
    attachment = request.env["ir.attachment"].sudo().browse(attachment_id).exists()
    return attachment.res_model == VAULT_MODEL


def _readonly_unless_vault(controller, rule, args):
    """File routes run on a read-only cursor, except for vault documents: their
    downloads and refusals are written to the access log."""
    return not _targets_vault(args)


def _refusal_response(error):
    """Answer 404 to a refused vault download, without rolling back the
    transaction, so that the refusal stays in the access log."""
    if isinstance(error.__cause__, PpidVaultAccessError):
        return error.get_response()
    raise error


class PpidVaultBinary(Binary):
    @http.route(readonly=_readonly_unless_vault)
    def content_common(self, *args, **kwargs):
        try:
            return super().content_common(*args, **kwargs)
        except NotFound as error:
            return _refusal_response(error)

    @http.route(readonly=_readonly_unless_vault)
    def content_image(self, *args, **kwargs):
        return super().content_image(*args, **kwargs)


class PpidVaultAttachmentController(AttachmentController):
    @http.route(readonly=_readonly_unless_vault)
    def mail_attachment_pdf_first_page(self, *args, **kwargs):
        return super().mail_attachment_pdf_first_page(*args, **kwargs)

    def _get_pdf_first_page_response(self, attachment):
        binary = request.env["ir.binary"]
        documents = binary._ppid_vault_documents_of(attachment, "raw")
        if documents:
            try:
                binary._ppid_check_vault_access(documents)
            except PpidVaultAccessError:
                return NotFound().get_response()
            documents._log_event("download", channel="pdf first page")
        return super()._get_pdf_first_page_response(attachment)

    def _make_zip(self, name, attachments):
        binary = request.env["ir.binary"]
        documents = binary._ppid_vault_documents_of(attachments, "raw")
        if documents:
            try:
                binary._ppid_check_vault_access(documents)
            except PpidVaultAccessError:
                return NotFound().get_response()
        return super()._make_zip(name, attachments)
