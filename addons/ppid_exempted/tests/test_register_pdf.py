# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import HttpCase, tagged

from .register_common import RegisterCase


@tagged("post_install", "-at_install")
class TestRegisterPdf(HttpCase, RegisterCase):
    """The printed register is a real PDF with its text as text: wkhtmltopdf
    embeds the font instead of drawing every glyph as a path (which made the
    register of 1,000 rows a 254 MiB file that took 44 s to print)."""

    def test_the_register_pdf_embeds_its_font(self):
        for number in range(20):
            self._create_item("exempted", title=f"Berkas perkara nomor {number}")
        reader = self.users["documentation"]
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(reader)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "ppid_exempted.ppid_register_report",
                res_ids=None,
                data={"company_id": self.company.id, "date": str(self.today)},
            )
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        # an embedded TrueType font (Arial, or its metric twin on the server)
        self.assertTrue(b"/FontFile2" in pdf, "no embedded font: text drawn as paths")
        # 20 rows: tens of KiB as text; drawn as paths they took 5 MiB
        self.assertLess(len(pdf), 500 * 1024)
