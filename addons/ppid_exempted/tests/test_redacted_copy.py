# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
import io
import re
import zlib

from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger
from odoo.tools import pdf as odoo_pdf

from ..utils import pdf_redaction
from .common import ROLES, PpidCase

SECRET = "Budi Santoso"
ADDRESS = "Jalan Melati Nomor 7"
KEPT = "Kesimpulan pemeriksaan tetap terbuka untuk umum"


def _text_pdf():
    """A two-page PDF with the passages in two standard fonts, in a drawn
    string, a text object and a word-by-word line."""
    output = io.BytesIO()
    pdf = canvas.Canvas(output)
    pdf.setTitle(f"Berita acara {SECRET}")
    pdf.setAuthor(SECRET)
    pdf.drawString(72, 720, f"Nama saksi: {SECRET}, alamat {ADDRESS}.")
    pdf.drawString(72, 700, f"{KEPT}.")
    text = pdf.beginText(72, 680)
    text.setFont("Times-Roman", 12)
    text.textLine(f"Saksi kedua {SECRET.upper()} hadir.")
    pdf.drawText(text)
    x = 72
    for word in ("Ditandatangani", "oleh", *SECRET.split()):
        pdf.drawString(x, 660, word)
        x += pdf.stringWidth(word + " ")
    pdf.bookmarkPage("p1")
    pdf.addOutlineEntry(f"Keterangan {SECRET}", "p1")
    pdf.showPage()
    pdf.drawString(72, 720, f"Halaman kedua menyebut {SECRET} sekali lagi.")
    pdf.showPage()
    pdf.save()
    return output.getvalue()


def _image_pdf():
    """A scan: the passage is only pixels of an image."""
    image = Image.new("RGB", (600, 120), "white")
    ImageDraw.Draw(image).text((10, 40), f"Nama saksi: {SECRET}", fill="black")
    output = io.BytesIO()
    pdf = canvas.Canvas(output)
    pdf.drawImage(ImageReader(image), 72, 600, width=450, height=90)
    pdf.showPage()
    pdf.save()
    return output.getvalue()


def _ocr_pdf():
    """A scan with its OCR text layer: invisible text over the image."""
    image = Image.new("RGB", (600, 120), "white")
    ImageDraw.Draw(image).text((10, 40), f"Nama saksi: {SECRET}", fill="black")
    output = io.BytesIO()
    pdf = canvas.Canvas(output)
    pdf.drawImage(ImageReader(image), 72, 600, width=450, height=90)
    text = pdf.beginText(80, 640)
    text.setTextRenderMode(3)
    text.textLine(f"Nama saksi: {SECRET}")
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return output.getvalue()


def _streams(data):
    """Every stream of a PDF, decompressed where it is Flate-encoded: a check
    independent of the PDF library."""
    blobs = [data]
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            blobs.append(zlib.decompress(raw))
        except zlib.error:
            blobs.append(raw)
    return blobs


def _extracted(data):
    reader = odoo_pdf.PdfReader(io.BytesIO(data))
    return " ".join(page.extract_text() for page in reader.pages)


class RedactedCopyCase(PpidCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.basis_a2 = cls.env.ref("ppid_exempted.legal_basis_a_2")
        cls.original = _text_pdf()
        cls.item = cls._create_item(
            "documented",
            softcopy_file=base64.b64encode(cls.original),
            softcopy_filename="bap_saksi.pdf",
        )
        cls.document = cls.env["ppid.vault.document"].search(
            [("information_id", "=", cls.item.id), ("kind", "=", "softcopy_file")]
        )

    @classmethod
    def _copy_values(cls, item=None, document=None, passages=(SECRET, ADDRESS)):
        item = item or cls.item
        return {
            "name": "Berita acara pemeriksaan (salinan tersamar)",
            "information_id": item.id,
            "vault_document_id": (document or cls.document).id,
            "line_ids": [
                (
                    0,
                    0,
                    {
                        "passage": passage,
                        "legal_basis_id": cls.basis_a1.id,
                        "reason": "Identitas saksi dalam penyidikan (Pasal 17 huruf a "
                        "angka 2).",
                    },
                )
                for passage in passages
            ],
        }

    def _new_copy(self, role="documentation", **kwargs):
        Copy = self.env["ppid.redacted.copy"].with_user(self.users[role])
        return Copy.create(self._copy_values(**kwargs))

    def _vault_pdf(self, data, name):
        """Another PDF in the vault of the item, as a chatter file."""
        self.item.with_user(self.users["documentation"]).message_post(
            body="Dokumen", attachments=[(name, data)]
        )
        return self.env["ppid.vault.document"].search(
            [("information_id", "=", self.item.id), ("name", "=", name)]
        )


@tagged("post_install", "-at_install")
class TestRedactedCopy(RedactedCopyCase):
    """The copy is made by deleting the passages, never by covering them; a
    document that cannot be redacted safely is refused."""

    def test_passages_are_deleted_from_text_and_streams(self):
        self.assertIn(SECRET.encode(), b"".join(_streams(self.original)))
        self.assertIn(SECRET, _extracted(self.original))
        copy = self._new_copy()
        copy.with_user(self.users["documentation"]).action_generate()
        self.assertEqual(copy.state, "generated")
        data = base64.b64decode(copy.copy_file)
        self.assertNotEqual(data, self.original)
        text = _extracted(data)
        squeezed = re.sub(r"\s+", "", text).casefold()
        for passage in (SECRET, ADDRESS):
            self.assertNotIn(re.sub(r"\s+", "", passage).casefold(), squeezed)
            for blob in _streams(data):
                for variant in (passage, passage.upper()):
                    self.assertNotIn(variant.encode(), blob)
        # Each word of the passage too: the space-separated line is gone.
        self.assertNotIn("Santoso", text)
        self.assertIn(KEPT, text)
        self.assertIn("Nama saksi:", text)
        self.assertIn("Halaman kedua menyebut", text)
        self.assertEqual(copy.page_count, 2)
        # A drawn string, a text object, a word-by-word line, page two; the
        # address once.
        self.assertEqual(copy.line_ids.mapped("occurrences"), [4, 1])
        self.assertEqual(copy.removed_count, 5)

    def test_copy_carries_no_metadata_outline_or_attachments(self):
        copy = self._new_copy()
        copy.with_user(self.users["documentation"]).action_generate()
        reader = odoo_pdf.PdfReader(io.BytesIO(base64.b64decode(copy.copy_file)))
        root = reader.trailer["/Root"].get_object()
        for key in ("/Outlines", "/Names", "/AcroForm", "/OpenAction", "/Metadata"):
            self.assertNotIn(key, root)
        info = reader.trailer.get("/Info")
        info = info.get_object() if info else {}
        self.assertNotIn("/Author", info)
        self.assertNotIn("/Title", info)
        for page in reader.pages:
            self.assertNotIn("/Annots", page)

    def test_report_engine_pdf_is_redacted(self):
        """A PDF from Odoo's own report engine (wkhtmltopdf: embedded
        subset fonts, glyph codes and a ToUnicode map)."""
        html = (
            "<html><head><meta charset='utf-8'/></head><body>"
            f"<h2>Berita Acara</h2><p>Nama saksi: {SECRET}, alamat {ADDRESS}.</p>"
            f"<p>{KEPT}.</p></body></html>"
        )
        original = self.env["ir.actions.report"]._run_wkhtmltopdf([html])
        self.assertIn("BudiSantoso", re.sub(r"\s+", "", _extracted(original)))
        data, counts = pdf_redaction.redact(original, [SECRET, ADDRESS])
        self.assertEqual(counts, {SECRET: 1, ADDRESS: 1})
        self.assertEqual(pdf_redaction.verify(data, [SECRET, ADDRESS]), [])
        text = _extracted(data)
        self.assertNotIn("Santoso", text)
        self.assertNotIn("Melati", text)
        self.assertIn("Kesimpulan", text)

    def test_kerned_text_is_redacted(self):
        """Text shown by TJ arrays with fractional adjustments (as Chromium
        and word processors write it, and as the copies themselves do)."""
        output = io.BytesIO()
        pdf = canvas.Canvas(output)
        pdf.drawString(
            72, 720, f"Nama saksi: {SECRET}, alamat {ADDRESS}.", charSpace=0.37
        )
        pdf.showPage()
        pdf.save()
        data, _counts = pdf_redaction.redact(output.getvalue(), [SECRET])
        self.assertRegex(b"".join(_streams(data)).decode("latin-1"), r"-\d+\.\d+")
        again, counts = pdf_redaction.redact(data, [ADDRESS])
        self.assertEqual(counts, {ADDRESS: 1})
        self.assertEqual(pdf_redaction.verify(again, [SECRET, ADDRESS]), [])
        self.assertIn("alamat", _extracted(again))

    def test_scan_is_refused(self):
        document = self._vault_pdf(_image_pdf(), "pindaian.pdf")
        copy = self._new_copy(document=document, passages=(SECRET,))
        with self.assertRefused(UserError, "not found in the text of the document"):
            copy.with_user(self.users["documentation"]).action_generate()
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.copy_file)

    def test_scan_with_ocr_layer_is_refused(self):
        """Deleting the OCR text would leave the passage in the image."""
        data = _ocr_pdf()
        self.assertIn(SECRET, _extracted(data))
        document = self._vault_pdf(data, "pindaian_ocr.pdf")
        copy = self._new_copy(document=document, passages=(SECRET,))
        with self.assertRefused(UserError, "scanned image still shows them"):
            copy.with_user(self.users["documentation"]).action_generate()
        self.assertFalse(copy.copy_file)

    def test_passage_not_removable_is_refused(self):
        """A passage the decoder cannot reach (in the document's metadata
        only) is never reported as removed."""
        copy = self._new_copy(passages=("Tidak ada di dokumen",))
        with self.assertRefused(UserError, "No copy was stored"):
            copy.with_user(self.users["documentation"]).action_generate()
        self.assertFalse(copy.copy_file)

    def test_verify_reports_a_surviving_passage(self):
        """The last check catches a copy where the text is still there."""
        self.assertEqual(pdf_redaction.verify(self.original, [SECRET]), [SECRET])
        # Only covered, not removed: the text is still in the stream.
        reader = odoo_pdf.PdfReader(io.BytesIO(self.original))
        writer = odoo_pdf.PdfWriter()
        for page in reader.pages:
            writer.add_page(page)
        output = io.BytesIO()
        writer.write(output)
        self.assertEqual(pdf_redaction.verify(output.getvalue(), [SECRET]), [SECRET])

    def test_not_a_pdf_and_not_partial(self):
        with self.assertRefused(pdf_redaction.RedactionError, "unreadable"):
            pdf_redaction.redact(b"%PDF-1.4 rusak", [SECRET])
        whole = self._create_item(
            "documented",
            exemption_scope="whole",
            exempt_part=False,
            whole_document_justification="Seluruh isi berkas penyidikan.",
            softcopy_file=base64.b64encode(self.original),
            softcopy_filename="utuh.pdf",
        )
        document = self.env["ppid.vault.document"].search(
            [("information_id", "=", whole.id), ("kind", "=", "softcopy_file")]
        )
        with self.assertRefused(ValidationError, "not partially exempted"):
            self._new_copy(item=whole, document=document)
        with self.assertRefused(ValidationError, "same item"):
            self._new_copy(document=document)

    def test_line_rules(self):
        copy = self._new_copy(passages=(SECRET,))
        Line = self.env["ppid.redacted.copy.line"].with_user(
            self.users["documentation"]
        )
        values = {
            "copy_id": copy.id,
            "passage": "ab",
            "legal_basis_id": self.basis_a1.id,
            "reason": "Identitas.",
        }
        with self.assertRefused(ValidationError, "at least 3"):
            Line.create(values)
        with self.assertRefused(ValidationError, "Pasal 17 letter"):
            Line.create(dict(values, passage="Nomor 9", legal_basis_id=self.basis_h.id))
        with self.assertRefused(ValidationError, "must not repeat"):
            Line.create(dict(values, passage="Nomor 9", reason="Nomor 9 dihapus."))

    def test_generated_copy_is_frozen_until_back_to_draft(self):
        documentation = self.users["documentation"]
        copy = self._new_copy().with_user(documentation)
        copy.action_generate()
        with self.assertRefused(UserError, "set it back to draft"):
            copy.line_ids[0].passage = "Nama lain"
        with self.assertRefused(UserError, "set it back to draft"):
            copy.write({"vault_document_id": self.document.id})
        with self.assertRefused(UserError, "recorded by the actions"):
            copy.write({"copy_file": base64.b64encode(self.original)})
        with self.assertRefused(UserError, "recorded by the actions"):
            copy.write({"is_published": True})
        with self.assertRefused(UserError, "is kept"):
            copy.unlink()
        copy.action_reset_draft()
        self.assertFalse(copy.copy_file)
        copy.line_ids[1].unlink()
        copy.action_generate()
        self.assertEqual(copy.removed_count, 4)
        copy.action_publish()
        with self.assertRefused(UserError, "Withdraw"):
            copy.action_reset_draft()
        copy.action_unpublish()
        copy.action_reset_draft()
        with self.assertRefused(UserError, "never deleted"):
            copy.unlink()

    def test_published_only_once_the_exemption_is_set(self):
        for state, allowed in (
            ("draft", False),
            ("testing", False),
            ("approval", False),
            ("exempted", True),
            ("documented", True),
            ("expiring", True),
        ):
            with self.subTest(state=state):
                item = self._create_item(
                    state,
                    softcopy_file=base64.b64encode(self.original),
                    softcopy_filename=f"bap_{state}.pdf",
                )
                document = self.env["ppid.vault.document"].search(
                    [("information_id", "=", item.id), ("kind", "=", "softcopy_file")]
                )
                copy = self._new_copy(item=item, document=document)
                copy = copy.with_user(self.users["documentation"])
                copy.action_generate()
                if allowed:
                    copy.action_publish()
                    self.assertTrue(copy.is_published)
                else:
                    with self.assertRefused(UserError, "once the exemption is set"):
                        copy.action_publish()

    def test_duplicate_is_a_new_draft(self):
        copy = self._new_copy().with_user(self.users["documentation"])
        copy.action_generate()
        copy.action_publish()
        duplicate = copy.copy()
        self.assertEqual(duplicate.state, "draft")
        self.assertFalse(duplicate.is_published or duplicate.published_by_id)
        self.assertFalse(duplicate.copy_file)
        self.assertEqual(duplicate.line_ids.mapped("passage"), [SECRET, ADDRESS])
        self.assertEqual(duplicate.line_ids.mapped("occurrences"), [0, 0])
        with self.assertRaises(AccessError):
            copy.with_user(self.users["head"]).copy()

    def test_who_prepares_and_publishes(self):
        """Expected table, by role: create, generate and publish."""
        expected = {
            "pelaksana": False,
            "service": False,
            "committee": True,  # the body's PPID official (see PpidCase)
            "documentation": True,
            "head": False,
            "auditor": False,
            "manager": False,
        }
        self.assertEqual(set(expected), set(ROLES))
        prepared = self._new_copy()
        prepared.action_generate()
        for role, allowed in expected.items():
            with self.subTest(role=role):
                user = self.users[role]
                Copy = self.env["ppid.redacted.copy"].with_user(user)
                if allowed:
                    copy = Copy.create(self._copy_values())
                    copy.action_generate()
                    copy.action_publish()
                    self.assertEqual(copy.published_by_id, user)
                    self.assertTrue(copy.published_datetime)
                    copy.action_unpublish()
                    self.assertEqual(copy.unpublished_by_id, user)
                    audit = self.env["ppid.audit.log"].search(
                        [
                            ("res_model", "=", "ppid.redacted.copy"),
                            ("res_id", "=", copy.id),
                            ("field_name", "=", "is_published"),
                        ]
                    )
                    self.assertEqual(audit.mapped("user_id"), user)
                    self.assertEqual(len(audit), 2)
                    continue
                with self.assertRaises(AccessError):
                    Copy.create(self._copy_values())
                with self.assertRaises(AccessError):
                    Copy.create(dict(self._copy_values(), line_ids=[]))
                with self.assertRaises(AccessError):
                    prepared.with_user(user).action_publish()
                with self.assertRaises(AccessError):
                    prepared.with_user(user).write({"name": "Judul lain"})
                with self.assertRaises(AccessError):
                    self.env["ppid.redacted.copy.line"].with_user(user).create(
                        {
                            "copy_id": prepared.id,
                            "passage": "Nomor 9",
                            "legal_basis_id": self.basis_a1.id,
                            "reason": "Identitas.",
                        }
                    )
        self.assertFalse(prepared.is_published)

    def test_who_reads_the_passages(self):
        """The passages are exempted information: the roles that read the
        vault read them, a unit officer only for its own units."""
        copy = self._new_copy()
        readers = {"pelaksana", "committee", "documentation", "head"}
        for role in ROLES:
            with self.subTest(role=role):
                lines = self.env["ppid.redacted.copy.line"].with_user(self.users[role])
                if role in readers:
                    self.assertEqual(
                        lines.search([("copy_id", "=", copy.id)]), copy.line_ids
                    )
                else:
                    with self.assertRaises(AccessError):
                        lines.search([("copy_id", "=", copy.id)])
        other = self.env["ppid.unit"].create({"name": "Dinas Lain", "code": "LAIN"})
        self.users["pelaksana"].ppid_unit_ids = other
        self.assertFalse(
            self.env["ppid.redacted.copy"]
            .with_user(self.users["pelaksana"])
            .search([("id", "=", copy.id)])
        )

    def test_reading_the_original_is_logged(self):
        copy = self._new_copy()
        copy.with_user(self.users["documentation"]).action_generate()
        log = self.env["ppid.vault.log"].search(
            [("document_id", "=", self.document.id), ("event", "=", "download")]
        )
        self.assertEqual(log.channel, "redacted copy")
        self.assertEqual(log.user_id, self.users["documentation"])
        # The audit trail (read by the auditor) never carries a passage.
        copy.with_user(self.users["documentation"]).action_publish()
        audit = self.env["ppid.audit.log"].search(
            [("res_model", "in", ["ppid.redacted.copy", "ppid.redacted.copy.line"])]
        )
        self.assertTrue(audit)
        for row in audit:
            for value in (row.old_value, row.new_value, row.record_ref, row.reason):
                self.assertNotIn(SECRET, value or "")


@tagged("post_install", "-at_install")
class TestRedactedCopyHttp(HttpCase, RedactedCopyCase):
    """Through the real server: the public address serves the copy only while
    it is published, never the original; the wrong role is refused over
    RPC."""

    def _rpc(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def test_public_address(self):
        copy = self._new_copy()
        company = self.company.id
        pdf_url = f"/ppid/{company}/copy/{copy.id}.pdf"
        page_url = f"/ppid/{company}/copy/{copy.id}"
        for url in (pdf_url, page_url):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 404, url)
            self.assertIn("Halaman tidak ditemukan", response.text)
        copy.with_user(self.users["documentation"]).action_generate()
        self.assertEqual(self.url_open(pdf_url).status_code, 404)
        copy.with_user(self.users["documentation"]).action_publish()
        response = self.url_open(pdf_url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertEqual(response.content, base64.b64decode(copy.copy_file))
        self.assertNotEqual(response.content, self.original)
        self.assertNotIn(SECRET, _extracted(response.content))
        for blob in _streams(response.content):
            self.assertNotIn(SECRET.encode(), blob)
        page = self.url_open(page_url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Identitas saksi dalam penyidikan", page.text)
        self.assertIn(self.basis_a1.label, page.text)
        self.assertNotIn(SECRET, page.text)
        self.assertNotIn(ADDRESS, page.text)
        self.assertIn(pdf_url, page.text)
        # Another body, another id, another method: nothing.
        self.assertEqual(
            self.url_open(f"/ppid/{company + 999}/copy/{copy.id}.pdf").status_code, 404
        )
        self.assertEqual(
            self.url_open(f"/ppid/{company}/copy/{copy.id + 999}.pdf").status_code, 404
        )
        self.assertNotEqual(self.url_open(pdf_url, data={"x": "1"}).status_code, 200)
        # The original is never public, not even by its attachment.
        original = self.document.attachment_id
        response = self.url_open(f"/web/content/{original.id}")
        self.assertNotEqual(response.content, self.original)
        copy.with_user(self.users["committee"]).action_unpublish()
        self.assertEqual(self.url_open(pdf_url).status_code, 404)
        self.assertEqual(self.url_open(page_url).status_code, 404)

    @mute_logger("odoo.http")
    def test_wrong_role_refused_over_rpc(self):
        copy = self._new_copy()
        copy.with_user(self.users["documentation"]).action_generate()
        self.authenticate("ppid_head", "ppid_head")
        values = self._copy_values()
        for call in (
            lambda: self._rpc("ppid.redacted.copy", "create", [values]),
            lambda: self._rpc("ppid.redacted.copy", "write", [copy.id], {"name": "X"}),
            lambda: self._rpc("ppid.redacted.copy", "action_publish", [copy.id]),
            lambda: self._rpc("ppid.redacted.copy", "action_generate", [copy.id]),
        ):
            with self.assertRaises(JsonRpcException) as caught:
                call()
            self.assertIn("AccessError", str(caught.exception.args))
        self.authenticate("ppid_documentation", "ppid_documentation")
        with self.assertRaises(JsonRpcException):
            self._rpc("ppid.redacted.copy", "write", [copy.id], {"is_published": True})
        self._rpc("ppid.redacted.copy", "action_publish", [copy.id])
        copy.invalidate_recordset()
        self.assertTrue(copy.is_published)
        self.assertEqual(copy.published_by_id, self.users["documentation"])
        self.assertEqual(
            self.url_open(f"/ppid/{self.company.id}/copy/{copy.id}.pdf").status_code,
            200,
        )

    def test_documentation_officer_redacts_from_the_form(self):
        """In a real browser: the passage, its Pasal 17 point and reason are
        entered on the form, then the copy is generated."""
        officer = self.users["documentation"]
        officer.password = officer.login  # start_tour logs in with the login
        values = dict(self._copy_values(), line_ids=[])
        copy = self.env["ppid.redacted.copy"].with_user(officer).create(values)
        self.start_tour(
            f"/odoo/ppid-redacted-copies/{copy.id}",
            "ppid_exempted_redacted_copy",
            login=officer.login,
        )
        copy.invalidate_recordset()
        self.assertEqual(copy.state, "generated")
        self.assertEqual(copy.line_ids.legal_basis_id, self.basis_a2)
        self.assertEqual(copy.generated_by_id, officer)
        self.assertNotIn(SECRET, _extracted(base64.b64decode(copy.copy_file)))
