# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import logging

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import request

from odoo.addons.mail.controllers.attachment import AttachmentController
from odoo.addons.web.controllers.binary import Binary

from ..models.ppid_vault_policy import (
    VAULT_MODEL,
    PpidVaultAccessError,
    PpidVaultIntegrityError,
)

_logger = logging.getLogger(__name__)


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
    """Answer a refused vault download without rolling back the transaction,
    so that the refusal stays in the access log: 404 to a user who may not
    read the file, 409 (with the reason) when the file failed its integrity
    check."""
    cause = error.__cause__
    if isinstance(cause, PpidVaultIntegrityError):
        _logger.info("PPID vault: refused a tampered file: %s", cause.args[0])
        return request.make_response(
            cause.args[0],
            headers=[("Content-Type", "text/plain; charset=utf-8")],
            status=409,
        )
    if isinstance(cause, PpidVaultAccessError):
        return error.get_response()
    raise error


def _check_download(documents):
    """The vault policy's verdict on handing out `documents`, as a response
    to send instead of the file (None when the file may go)."""
    try:
        request.env["ppid.vault.policy"]._check_download(documents)
    except PpidVaultAccessError:
        return NotFound().get_response()
    except PpidVaultIntegrityError as error:
        return request.make_response(
            error.args[0],
            headers=[("Content-Type", "text/plain; charset=utf-8")],
            status=409,
        )
    return None


def _check_files_may_join(thread_id):
    try:
        item_id = int(thread_id)
    except (TypeError, ValueError):
        raise NotFound() from None
    request.env["ppid.vault.policy"]._check_may_add_files({item_id})


class PpidVaultBinary(Binary):
    @http.route(readonly=_readonly_unless_vault)
    def content_common(self, *args, **kwargs):
        try:
            return super().content_common(*args, **kwargs)
        except NotFound as error:
            return _refusal_response(error)

    @http.route(readonly=_readonly_unless_vault)
    def content_image(self, *args, **kwargs):
        try:
            return super().content_image(*args, **kwargs)
        except NotFound as error:
            return _refusal_response(error)


class PpidVaultAttachmentController(AttachmentController):
    # The chatter's upload and post run as the superuser in Odoo (mail's
    # controllers), past the vault's rule on who adds files to an item: the
    # rule is asked here, for the user of the request.
    @http.route()
    def mail_attachment_upload(
        self, ufile, thread_id, thread_model, is_pending=False, **kwargs
    ):
        # a pending upload joins the item only with its message (below)
        if thread_model == VAULT_MODEL and not (is_pending and is_pending != "false"):
            try:
                _check_files_may_join(thread_id)
            except AccessError as error:
                return request.make_json_response({"error": error.args[0]})
        return super().mail_attachment_upload(
            ufile, thread_id, thread_model, is_pending=is_pending, **kwargs
        )

    @http.route()
    def mail_message_post(
        self, thread_model, thread_id, post_data, context=None, **kwargs
    ):
        if thread_model == VAULT_MODEL and post_data.get("attachment_ids"):
            _check_files_may_join(thread_id)
        return super().mail_message_post(
            thread_model, thread_id, post_data, context=context, **kwargs
        )

    @http.route(readonly=_readonly_unless_vault)
    def mail_attachment_pdf_first_page(self, *args, **kwargs):
        return super().mail_attachment_pdf_first_page(*args, **kwargs)

    def _get_pdf_first_page_response(self, attachment):
        documents = request.env["ppid.vault.policy"]._documents_of(attachment, "raw")
        if documents:
            refusal = _check_download(documents)
            if refusal:
                return refusal
            documents._log_event("download", channel="pdf first page")
        return super()._get_pdf_first_page_response(attachment)

    def _make_zip(self, name, attachments):
        documents = request.env["ppid.vault.policy"]._documents_of(attachments, "raw")
        if documents:
            refusal = _check_download(documents)
            if refusal:
                return refusal
        return super()._make_zip(name, attachments)
