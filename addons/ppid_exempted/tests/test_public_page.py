# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64

from lxml import html

from odoo.tests import HttpCase, tagged
from odoo.tools import file_open

from .register_common import RegisterCase


@tagged("post_install", "-at_install")
class TestPublicRegisterPage(HttpCase, RegisterCase):
    """A citizen reads the body's name and logo, when the register was last
    updated, and where to request information or file an objection."""

    def test_public_page_names_the_body_and_its_services(self):
        with file_open("ppid_exempted/static/img/demo_body_logo.png", "rb") as logo:
            self.company.logo = base64.b64encode(logo.read())
        self.company.write(
            {
                "name": "Pemerintah Kabupaten Kutai Kartanegara",
                "ppid_request_url": "https://ppid.example.go.id/permohonan",
                "ppid_objection_url": "https://ppid.example.go.id/keberatan",
            }
        )
        item = self._create_item(
            "exempted",
            is_published=True,
            published_harm_summary="Menghambat penyidikan.",
            published_interest_summary="Kelancaran penegakan hukum.",
        )
        self.env.flush_all()
        response = self.url_open(f"/ppid/{self.company.id}/dik")
        self.assertEqual(response.status_code, 200, response.text[:300])
        page = html.fromstring(response.content)
        (name,) = page.xpath("//header[@class='ppid-body']/div")
        self.assertEqual(name.text_content(), "Pemerintah Kabupaten Kutai Kartanegara")
        (logo,) = page.xpath("//header[@class='ppid-body']/img")
        self.assertTrue(logo.get("src").startswith("data:image/png;base64,"))
        self.assertEqual(
            page.xpath("//a[@class='ppid-request']/@href"),
            ["https://ppid.example.go.id/permohonan"],
        )
        self.assertEqual(
            page.xpath("//a[@class='ppid-objection']/@href"),
            ["https://ppid.example.go.id/keberatan"],
        )
        (updated,) = page.xpath("//span[@class='ppid-last-updated']/time")
        self.assertEqual(updated.get("datetime"), str(item.write_date)[:10])
        self.assertIn("Terakhir diperbarui", response.text)

    def test_not_found_page_speaks_indonesian(self):
        content = str(
            self.env["ir.qweb"]._render(
                "ppid_exempted.public_not_found_page",
                {"company_name": "Pemerintah Kabupaten Kutai Kartanegara"},
            )
        )
        page = html.fromstring(content)
        self.assertEqual(page.get("lang"), "id")
        self.assertEqual(page.findtext(".//h1"), "Halaman tidak ditemukan (404)")
        self.assertIn("Pemerintah Kabupaten Kutai Kartanegara", content)
