# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from lxml import html

from .common import PpidCase


class TestPapers(PpidCase):
    """The body's papers in tata naskah dinas form (Permendagri 1/2023): kop
    surat, number, place and date, signature blocks with name, position and
    NIP; the register repeats its header row and ends with a signature."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "name": "Pemerintah Kabupaten Kutai Kartanegara",
                "city": "Tenggarong",
                "ppid_letterhead_office": "Dinas Komunikasi dan Informatika",
                "ppid_receipt_number_pattern": "188.45/{seq}/{unit}/{year}",
            }
        )
        cls.users["pelaksana"].ppid_nip = "198405122009022003"
        cls.users["service"].ppid_nip = "199003172015032002"
        cls.unit.user_ids = cls.users["pelaksana"]
        cls.unit.head_user_id = cls.users["head"]
        cls.users["head"].ppid_nip = "196807151994031006"

    def _render(self, report, ids, data=None):
        content, _kind = self.env["ir.actions.report"]._render_qweb_html(
            report, ids, data=data
        )
        return html.fromstring(content)

    def _texts(self, tree, css_class):
        return [
            " ".join(node.text_content().split())
            for node in tree.xpath(f"//*[contains(@class, '{css_class}')]")
        ]

    def _assert_letterhead(self, tree):
        head = self._texts(tree, "o_ppid_letterhead")
        self.assertEqual(len(head), 1)
        self.assertIn("Pemerintah Kabupaten Kutai Kartanegara", head[0])
        self.assertIn("Dinas Komunikasi dan Informatika", head[0])

    def test_receipt(self):
        item = self._create_item("draft", user_id=self.users["pelaksana"].id)
        item.with_user(self.users["pelaksana"]).action_submit()
        item.with_user(self.users["service"]).action_receive()
        tree = self._render("ppid_exempted.action_report_receipt", item.ids)
        self._assert_letterhead(tree)
        year = self.company._ppid_to_local(item.received_datetime).year
        seq = item.name.rsplit("/", 1)[-1]
        self.assertEqual(
            self._texts(tree, "o_ppid_receipt_number"),
            [f"Nomor: 188.45/{seq}/DINKES/{year}"],
        )
        (place_date,) = self._texts(tree, "o_ppid_place_date")
        self.assertRegex(place_date, rf"^Tenggarong, \d+ \w+ {year}$")
        blocks = self._texts(tree, "o_ppid_signature_block")
        self.assertEqual(len(blocks), 3)
        self.assertIn("NIP 198405122009022003", blocks[0])
        self.assertIn(self.users["pelaksana"].name, blocks[0])
        self.assertIn("NIP 199003172015032002", blocks[1])
        self.assertIn("Mengetahui", blocks[2])
        self.assertIn("NIP 196807151994031006", blocks[2])

    def test_notification_letter(self):
        tree = self._render(
            "ppid_exempted.action_report_notification_letter",
            self.unit.ids,
            data={"letter_number": "188.45/012/DISKOMINFO/2026"},
        )
        self._assert_letterhead(tree)
        text = " ".join(tree.text_content().split())
        for words in (
            "Nomor : 188.45/012/DISKOMINFO/2026",
            "Sifat : Penting",
            "Lampiran : 1 (satu) berkas",
            "Hal : Penyerahan Informasi yang Dikecualikan",
            "Tenggarong, ",
            "NIP 197001011990031001",
        ):
            self.assertIn(words, text)

    def test_register_repeats_its_header_and_is_signed(self):
        self._create_item("exempted")
        tree = self._render(
            "ppid_exempted.ppid_register_report",
            None,
            data={"company_id": self.company.id, "date": str(self.today)},
        )
        self._assert_letterhead(tree)
        style = " ".join(" ".join(node.itertext()) for node in tree.iter("style"))
        self.assertIn(
            ".o_ppid_register_table thead { display: table-header-group; }", style
        )
        self.assertIn(".o_ppid_register_table tr { page-break-inside: avoid; }", style)
        (signature,) = self._texts(tree, "o_ppid_register_signature")
        self.assertRegex(signature, r"^Tenggarong, \d+ \w+ \d{4} ")
        self.assertIn("Kepala Dinas Kominfo selaku PPID Utama", signature)
        self.assertIn("NIP 197001011990031001", signature)
