# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from lxml import html as lxml_html

from odoo.tests import tagged

from .common_classification import ClassificationCase

KESEHATAN = (
    "Pasal 17 huruf h angka 2 Undang-Undang Nomor 14 Tahun 2008; "
    "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan, Pasal 4 ayat (1) huruf i"
)


@tagged("post_install", "-at_install")
class TestCitationOnPapers(ClassificationCase):
    """The test sheet and the decree cite the statute as regulations cite
    each other, and the decree names the head of the body with the NIP."""

    def _render(self, report_ref, records):
        content, _type = self.env["ir.actions.report"]._render_qweb_html(
            report_ref, records.ids
        )
        return lxml_html.fromstring(content)

    def _health_item(self):
        return self._create_item(
            "received",
            title="Rekam medis pasien",
            legal_basis_id=self.basis_h.id,
            legal_subpoint_id=self.basis_h2.id,
            period_type="condition",
            period_end_condition="Sampai pasien memberikan persetujuan tertulis",
            period_end_event="consent_given",
            period_basis="PP 61/2010 Pasal 8 ayat (2) dan (3)",
        )

    def _cited(self, page):
        return [
            " ".join(node.text_content().split())
            for node in page.xpath("//*[contains(@class, 'o_ppid_legal_basis')]")
        ]

    def test_the_statute_reads_as_a_citation(self):
        # the parts as the demo types them, and as the first demo typed them
        for statute_name, statute_number in (
            ("Undang-Undang tentang Kesehatan", "17 Tahun 2023"),
            ("Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan", "17/2023"),
        ):
            with self.subTest(statute_name=statute_name):
                test = self._completed(
                    self._health_item(),
                    line_values={
                        "legal_basis_id": self.basis_h.id,
                        "legal_subpoint_id": self.basis_h2.id,
                        "statute_name": statute_name,
                        "statute_number": statute_number,
                        "statute_article": "Pasal 4 ayat (1) huruf i",
                    },
                )
                sheet = self._render(
                    "ppid_exempted.action_report_consequence_test", test
                )
                self.assertEqual(self._cited(sheet), [KESEHATAN])
                period = " ".join(sheet.text_content().split())
                self.assertIn("Sampai pasien memberikan persetujuan tertulis", period)
                self.assertNotIn("sampai Sampai", period)
                decree = self._render(
                    "ppid_exempted.action_report_classification_decree",
                    test.decree_ids,
                )
                self.assertEqual(self._cited(decree), [KESEHATAN])

    def test_the_decree_names_the_head_with_the_nip(self):
        self.head.ppid_nip = "196807151994031006"
        self.company.ppid_head_user_id = self.head
        decree = self._completed(self._health_item()).decree_ids
        page = self._render("ppid_exempted.action_report_classification_decree", decree)
        (nip,) = page.xpath("//*[contains(@class, 'o_ppid_head_nip')]")
        self.assertEqual(" ".join(nip.text_content().split()), "NIP 196807151994031006")
        decree.with_user(self.head).action_approve()
        page = self._render("ppid_exempted.action_report_classification_decree", decree)
        (approval,) = page.xpath("//*[contains(@class, 'o_ppid_approval')]")
        self.assertIn(self.head.name, approval.text_content())
        self.assertIn(
            "NIP 196807151994031006", " ".join(approval.text_content().split())
        )
