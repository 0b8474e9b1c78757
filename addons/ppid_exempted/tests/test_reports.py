# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..utils.indonesian_dates import tanggal
from .common_classification import ClassificationCase


@tagged("post_install", "-at_install")
class TestPrintedDocuments(ClassificationCase):
    """The papers the SOPs name, rendered as HTML (wkhtmltopdf may be absent)."""

    def _render(self, report_ref, records, data=None):
        html, report_type = self.env["ir.actions.report"]._render_qweb_html(
            report_ref, records.ids, data=data
        )
        self.assertEqual(report_type, "html")
        return html.decode()

    def test_report_actions_are_a4_pdf_bound_to_their_model(self):
        expected = {
            "action_report_notification_letter": "ppid.unit",
            "action_report_receipt": "ppid.exempted.information",
            "action_report_consequence_test": "ppid.consequence.test",
            "action_report_classification_decree": "ppid.classification.decree",
        }
        for xmlid, model in expected.items():
            report = self.env.ref(f"ppid_exempted.{xmlid}")
            self.assertEqual(report.report_type, "qweb-pdf")
            self.assertEqual(report.binding_model_id.model, model)
            self.assertEqual(report.paperformat_id.format, "A4")

    def test_notification_letter_to_a_pelaksana_unit(self):
        self.unit.head_user_id = self.users["head"]
        self._create_item("draft", title="Daftar pasien rawat inap")
        self._create_item("submitted", title="Sudah diserahkan")
        html = self._render(
            "ppid_exempted.action_report_notification_letter", self.unit
        )
        self.assertIn("Penyerahan Informasi yang Dikecualikan", html)
        self.assertIn("Dinas Kesehatan", html)
        self.assertIn("selaku PPID Pelaksana", html)
        self.assertIn(self.users["head"].name, html)
        self.assertIn("Daftar pasien rawat inap", html)
        self.assertNotIn("Sudah diserahkan", html)
        self.assertIn("Kepala Dinas Kominfo selaku PPID Utama", html)
        self.assertIn(self.committee.name, html)
        self.assertIn("lembar pengujian konsekuensi", html)
        self.assertIn(self.company.name, html)  # the letterhead

        # A collection round prints its own number, date and deadline.
        html = self._render(
            "ppid_exempted.action_report_notification_letter",
            self.unit | self.other_unit,
            data={
                "letter_number": "045/123/PPID/2026",
                "letter_date": "2026-03-02",
                "deadline": "2026-03-03",
            },
        )
        self.assertIn("045/123/PPID/2026", html)
        self.assertIn("2 Maret 2026", html)
        self.assertIn("3 Maret 2026", html)
        self.assertIn("Dinas Pendidikan", html)
        self.assertEqual(html.count("o_ppid_notification_letter"), 2)

    def test_notification_letter_deadline_is_the_rounds(self):
        html = self._render(
            "ppid_exempted.action_report_notification_letter",
            self.unit,
            data={"letter_date": "2026-03-20"},  # Friday, cuti bersama Idul Fitri
        )
        # The round's rule: notification + hand-over (1 + 1 working days) on the
        # body's calendar, after 21-24 March (holidays, weekend, cuti bersama).
        self.assertIn(tanggal(date(2026, 3, 26)), html)

    def test_receipt_for_several_items_one_per_unit(self):
        first = self._create_item("received", title="Berkas satu")
        second = self._create_item("received", title="Berkas dua")
        other = self._create_item(
            "received", title="Berkas unit lain", unit_id=self.other_unit.id
        )
        (first | second | other).write(
            {
                "received_by_id": self.users["service"].id,
                "received_datetime": "2026-03-02 02:30:00",
                "submitted_datetime": "2026-03-02 01:00:00",
            }
        )
        html = self._render(
            "ppid_exempted.action_report_receipt", first | second | other
        )
        self.assertEqual(html.count('o_ppid_receipt"'), 2)
        self.assertEqual(html.count("o_ppid_receipt_item"), 3)
        for text in ("TANDA TERIMA", "Berkas satu", "Berkas dua", "Berkas unit lain"):
            self.assertIn(text, html)
        self.assertIn(self.users["service"].name, html)
        self.assertIn("2 Maret 2026", html)
        self.assertIn("Pasal 17 huruf a angka 1", html)

        draft = self._create_item("submitted")
        with self.assertRefused(UserError, "not been received"):
            self._render("ppid_exempted.action_report_receipt", first | draft)

    def test_consequence_test_sheet_has_every_participant(self):
        item = self._create_item("received", title="Berkas penyidikan")
        test = self._session(
            item,
            participants=[
                {"user_id": self.committee.id, "capacity": "ppid"},
                {"user_id": self.users["pelaksana"].id, "capacity": "unit"},
                {
                    "external_name": "Dr. Rina Wulandari, S.H.",
                    "position": "Pakar hukum",
                    "capacity": "expert",
                },
            ],
            trigger="on_request",
            request_reference="REQ/2026/017",
        )
        test.with_user(self.committee).action_sign()
        html = self._render("ppid_exempted.action_report_consequence_test", test)
        self.assertIn("LEMBAR PENGUJIAN KONSEKUENSI", html)
        self.assertIn(test.name, html)
        self.assertIn("REQ/2026/017", html)
        self.assertIn("On a request", html)
        self.assertIn("Berkas penyidikan", html)
        self.assertIn(item.harm_if_opened, html)
        self.assertIn(item.interest_if_closed, html)
        self.assertIn("Hukum Acara Pidana", html)
        self.assertIn("Exempted (dikecualikan)", html)
        self.assertIn("sidang pengadilan yang terbuka untuk umum", html)  # huruf a
        self.assertEqual(html.count('class="o_ppid_signature"'), 3)
        self.assertIn("Dr. Rina Wulandari, S.H.", html)
        self.assertIn("Pakar hukum", html)
        self.assertEqual(html.count("Ditandatangani secara elektronik"), 1)

    def test_decree_with_its_table_of_items(self):
        first = self._create_item("received", title="Berkas penyidikan satu")
        second = self._create_item("received", title="Identitas saksi pelapor")
        decree = self._completed(first | second).decree_ids
        html = self._render("ppid_exempted.action_report_classification_decree", decree)
        self.assertIn("SURAT PENETAPAN KLASIFIKASI", html)
        self.assertIn("DRAF", html)
        self.assertEqual(html.count('class="o_ppid_decree_item"'), 2)
        for text in (
            "Berkas penyidikan satu",
            "Identitas saksi pelapor",
            "Pasal 17 huruf a angka 1",
            "Kepala Dinas Kominfo selaku PPID Utama",
            self.committee.name,
            "197001011990031001",
            self.company.name,
            "PPID Utama",
            "Tenggarong",
            tanggal(decree.date),
            tanggal(first.period_end_date),
            first.harm_if_opened,
            "PP 61/2010 Pasal 5 ayat (1)",
            decree.test_id.name,
        ):
            self.assertIn(text, html)

        decree.with_user(self.head).action_approve()
        html = self._render("ppid_exempted.action_report_classification_decree", decree)
        self.assertNotIn("DRAF", html)
        self.assertIn(decree.name, html)
        self.assertIn(self.head.name, html)
        self.assertIn("Disetujui secara elektronik", html)
