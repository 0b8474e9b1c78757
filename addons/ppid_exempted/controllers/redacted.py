# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64

from werkzeug.http import is_resource_modified

from odoo import http
from odoo.http import Response, request

from .publication import CACHE_CONTROL, HTML, PUBLIC_ROUTE

PDF = "application/pdf"
CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *"


class PpidRedactedCopyController(http.Controller):
    """The published redacted copies (UU 14/2008 Pasal 22(7)(e)): the copy's
    PDF and a page with its title and the reason of each redaction, never the
    passages removed. Only a copy the documentation officer or the PPID
    published, of the body in the URL; the original in the vault is never
    served here (the copy is its own file)."""

    @http.route("/ppid/<int:company_id>/copy/<int:copy_id>.pdf", **PUBLIC_ROUTE)
    def copy_pdf(self, company_id, copy_id, **kwargs):
        copy = request.env["ppid.redacted.copy"]._published_copy(company_id, copy_id)
        if not copy:
            return self._not_found()
        etag = copy.copy_sha256
        if not is_resource_modified(request.httprequest.environ, etag=etag):
            response = Response(status=304)
        else:
            response = Response(
                base64.b64decode(copy.copy_file),
                headers=[
                    ("Content-Type", PDF),
                    (
                        "Content-Disposition",
                        f'inline; filename="salinan-tersamar-{copy.id}.pdf"',
                    ),
                    ("X-Content-Type-Options", "nosniff"),
                ],
            )
        response.set_etag(etag)
        response.headers["Cache-Control"] = CACHE_CONTROL
        return response

    @http.route("/ppid/<int:company_id>/copy/<int:copy_id>", **PUBLIC_ROUTE)
    def copy_page(self, company_id, copy_id, **kwargs):
        copy = request.env["ppid.redacted.copy"]._published_copy(company_id, copy_id)
        if not copy:
            return self._not_found()
        body = request.env["ir.qweb"]._render(
            "ppid_exempted.public_redacted_copy_page",
            {
                "copy": copy,
                "company_name": copy.company_id.name,
                "pdf_url": f"/ppid/{company_id}/copy/{copy.id}.pdf",
                "reasons": [
                    {
                        "basis": line.legal_basis_id.label or "",
                        "reason": line.reason,
                        "count": line.occurrences,
                    }
                    for line in copy.line_ids
                ],
            },
        )
        return Response(
            str(body),
            headers=[("Content-Type", HTML), ("Content-Security-Policy", CSP)],
        )

    def _not_found(self):
        """Not published, withdrawn, of another body, or no such copy: 404,
        in the language of the public."""
        body = request.env["ir.qweb"]._render(
            "ppid_exempted.public_not_found_page", {"company_name": "", "base_url": ""}
        )
        return Response(str(body), status=404, headers=[("Content-Type", HTML)])
