# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import re

from odoo.tests import TransactionCase, tagged

# UU 14/2008 Pasal 17 huruf a-j and their angka, in the statute's own words.
PASAL_17 = {
    "a": "Menghambat proses penegakan hukum",
    "a_1": "Menghambat proses penyelidikan dan penyidikan suatu tindak pidana",
    "a_2": (
        "Mengungkapkan identitas informan, pelapor, saksi, dan/atau korban yang"
        " mengetahui adanya tindak pidana"
    ),
    "a_3": (
        "Mengungkapkan data intelijen kriminal dan rencana-rencana yang "
        "berhubungan dengan pencegahan dan penanganan segala bentuk kejahatan "
        "transnasional"
    ),
    "a_4": "Membahayakan keselamatan dan kehidupan penegak hukum dan/atau keluarganya",
    "a_5": "Membahayakan keamanan peralatan, sarana, dan/atau prasarana penegak hukum",
    "b": (
        "Mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan "
        "perlindungan dari persaingan usaha tidak sehat"
    ),
    "c": "Membahayakan pertahanan dan keamanan negara",
    "c_1": (
        "Informasi tentang strategi, intelijen, operasi, taktik dan teknik yang"
        " berkaitan dengan penyelenggaraan sistem pertahanan dan keamanan "
        "negara"
    ),
    "c_2": (
        "Dokumen yang memuat tentang strategi, intelijen, operasi, teknik dan "
        "taktik yang berkaitan dengan penyelenggaraan sistem pertahanan dan "
        "keamanan negara"
    ),
    "c_3": (
        "Jumlah, komposisi, disposisi, atau dislokasi kekuatan dan kemampuan "
        "dalam penyelenggaraan sistem pertahanan dan keamanan negara serta "
        "rencana pengembangannya"
    ),
    "c_4": (
        "Gambar dan data tentang situasi dan keadaan pangkalan dan/atau "
        "instalasi militer"
    ),
    "c_5": (
        "Data perkiraan kemampuan militer dan pertahanan negara lain dan/atau "
        "data terkait kerja sama militer dengan negara lain yang disepakati "
        "sebagai rahasia atau sangat rahasia"
    ),
    "c_6": "Sistem persandian negara",
    "c_7": "Sistem intelijen negara",
    "d": "Mengungkapkan kekayaan alam Indonesia",
    "e": "Merugikan ketahanan ekonomi nasional",
    "e_1": (
        "Rencana awal pembelian dan penjualan mata uang nasional atau asing, "
        "saham dan aset vital milik negara"
    ),
    "e_2": (
        "Rencana awal perubahan nilai tukar, suku bunga, dan model operasi "
        "institusi keuangan"
    ),
    "e_3": (
        "Rencana awal perubahan suku bunga bank, pinjaman pemerintah, perubahan"
        " pajak, tarif, atau pendapatan negara/daerah lainnya"
    ),
    "e_4": "Rencana awal penjualan atau pembelian tanah atau properti",
    "e_5": "Rencana awal investasi asing",
    "e_6": (
        "Proses dan hasil pengawasan perbankan, asuransi, atau lembaga keuangan lainnya"
    ),
    "e_7": "Hal-hal yang berkaitan dengan proses pencetakan uang",
    "f": "Merugikan kepentingan hubungan luar negeri",
    "f_1": (
        "Posisi, daya tawar dan strategi yang akan dan telah diambil oleh "
        "negara dalam hubungannya dengan negosiasi internasional"
    ),
    "f_2": "Korespondensi diplomatik antarnegara",
    "f_3": (
        "Sistem komunikasi dan persandian yang dipergunakan dalam menjalankan "
        "hubungan internasional"
    ),
    "f_4": (
        "Perlindungan dan pengamanan infrastruktur strategis Indonesia di luar negeri"
    ),
    "g": (
        "Mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan "
        "terakhir ataupun wasiat seseorang"
    ),
    "h": "Mengungkap rahasia pribadi",
    "h_1": "Riwayat dan kondisi anggota keluarga",
    "h_2": (
        "Riwayat, kondisi dan perawatan, pengobatan kesehatan fisik, dan psikis"
        " seseorang"
    ),
    "h_3": "Kondisi keuangan, aset, pendapatan, dan rekening bank seseorang",
    "h_4": (
        "Hasil-hasil evaluasi sehubungan dengan kapabilitas, intelektualitas, "
        "dan rekomendasi kemampuan seseorang"
    ),
    "h_5": (
        "Catatan yang menyangkut pribadi seseorang yang berkaitan dengan "
        "kegiatan satuan pendidikan formal dan satuan pendidikan nonformal"
    ),
    "i": (
        "Memorandum atau surat-surat antar Badan Publik atau intra Badan "
        "Publik, yang menurut sifatnya dirahasiakan kecuali atas putusan Komisi"
        " Informasi atau pengadilan"
    ),
    "j": "Informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang",
}

# What the activity menu and the chatter show, as a user with id_ID reads it.
ACTIVITY_TYPES = {
    "mail_activity_type_ppid_receipt": (
        "Terima penyerahan",
        "Terima penyerahan dan terbitkan tanda terima",
    ),
    "mail_activity_type_ppid_documentation": (
        "Dokumentasikan informasi yang dikecualikan",
        "Simpan salinan lunak (softcopy) dan salinan fisik (hardcopy)",
    ),
    "mail_activity_type_ppid_expiry": (
        "Putuskan pengecualian yang akan berakhir",
        "Buka informasi dengan persetujuan pimpinan, atau uji kembali",
    ),
    "mail_activity_type_ppid_review": (
        "Tinjau pengecualian",
        "Peninjauan berkala atas pengecualian",
    ),
    "mail_activity_type_ppid_handover": (
        "Serahkan informasi yang dikecualikan",
        "Serahkan informasi yang dikecualikan milik unit kepada PPID",
    ),
    "mail_activity_type_ppid_handover_sign": (
        "Tandatangani serah terima",
        "Tandatangani berita acara serah terima informasi yang dikecualikan dari unit",
    ),
    "mail_activity_type_vault_integrity": (
        "Peringatan Integritas Brankas",
        "Dokumen informasi yang dikecualikan yang tersimpan telah berubah atau hilang",
    ),
}

# Words of English that no Indonesian label of the catalogue contains.
ENGLISH = re.compile(
    r"\b(the|and|of|or|with|for|to|by|is|as|its|which|when|set|laws?|"
    r"information|exempted|exemption|period|state|personal|receive|hand)\b",
    re.IGNORECASE,
)


@tagged("post_install", "-at_install")
class TestIndonesianData(TransactionCase):
    """A body installed with id_ID reads its catalogue and its activities in
    Bahasa Indonesia: the Pasal 17 labels are the statute's own words."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"]._load_module_terms(
            ["ppid_exempted"], ["id_ID"], overwrite=True
        )
        cls.env_id = cls.env(context=dict(cls.env.context, lang="id_ID"))

    def _assert_indonesian(self, text, label):
        self.assertTrue(text, label)
        self.assertFalse(ENGLISH.search(text), f"{label} reads in English: {text}")

    def test_pasal_17_labels_are_the_statute_words(self):
        catalogue = self.env_id["ppid.legal.basis"].search([])
        self.assertEqual(len(catalogue), len(PASAL_17))
        for key, words in PASAL_17.items():
            basis = self.env_id.ref(f"ppid_exempted.legal_basis_{key}")
            self.assertEqual(basis.name, words, key)
            self._assert_indonesian(basis.name, key)
            if basis.period_rule:
                self._assert_indonesian(basis.period_rule, f"{key} period rule")
        self.assertEqual(
            self.env_id.ref("ppid_exempted.legal_basis_h_2").display_name,
            "Pasal 17 huruf h angka 2 - " + PASAL_17["h_2"],
        )

    def test_activity_types_read_in_indonesian(self):
        for xmlid, (name, summary) in ACTIVITY_TYPES.items():
            activity_type = self.env_id.ref(f"ppid_exempted.{xmlid}")
            self.assertEqual(activity_type.name, name, xmlid)
            self.assertEqual(activity_type.summary, summary, xmlid)
        ours = self.env_id["mail.activity.type"].search(
            [("res_model", "like", "ppid.")]
        )
        for activity_type in ours:
            self._assert_indonesian(activity_type.name, activity_type.name)
            self._assert_indonesian(activity_type.summary or "-", activity_type.name)

    def test_sequences_crons_and_chatter_read_in_indonesian(self):
        sequences = self.env_id["ir.sequence"].search([("code", "like", "ppid.")])
        self.assertEqual(len(sequences), 8)  # with the hand-overs (PPID/BAST/)
        crons = self.env_id["ir.cron"].search(
            [("ir_actions_server_id.model_id.model", "like", "ppid.")]
        )
        self.assertTrue(crons)
        for name in sequences.mapped("name") + crons.mapped("name"):
            self._assert_indonesian(name, name)
        # "<model> created" in the chatter names the model in Indonesian.
        model = self.env_id["ir.model"]._get("ppid.exempted.information")
        self._assert_indonesian(model.name, "model name")
