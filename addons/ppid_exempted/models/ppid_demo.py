# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
import csv
import io
import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Command, Domain
from odoo.tools.safe_eval import datetime, safe_eval

_logger = logging.getLogger(__name__)

PREFIX = "ppid_exempted.ppid_exempted_information_"

# The story of each demo item (the key is its XML id between PREFIX and "_demo").
# Drafts that stay with their unit; one of them was handed over and returned.
DRAFTS = ("dinkes_odhiv", "bpkad_tanah_tpa", "bpkad_rekening_hibah")
RETURNED = "dinkes_ppns_obat"
# Handed over, waiting for the receipt of the service officer.
SUBMITTED = ("dinkes_stunting", "dindik_rapor", "satpolpp_ppns")
# Received, not tested yet.
RECEIVED = ("bpkad_njop", "perumdam_mata_air", "rsud_rekam_medis")
# In a session that is still being signed.
IN_SESSION = ("dpmptsp_formula", "inspektorat_wbs", "bkpsdm_asesmen")
# Tested and concluded exempted; their decree awaits the head of the body.
AWAITING_DECREE = (
    "diskominfo_sandi",
    "inspektorat_kkp",
    "perumdam_tarif",
    "bkpsdm_akta",
    "dinkes_peserta_jkn",
)
# Two completed sessions whose decrees the head approved.
FIRST_SESSION = (
    "satpolpp_gudang",
    "dpmptsp_pma",
    "rsud_ppt_anak",
    "bpkad_tapd",
    "inspektorat_investigasi",
    "dinkes_tbc_ro",
    "dindik_dapodik",
    "dindik_bos",
)
SECOND_SESSION = (
    "perumdam_kpbu",
    "dpmptsp_sister_city",
    "bpkad_divestasi",
    "bpkad_tanah_pasar",
    "bkpsdm_ijazah",
    "dindik_nota_ppdb",
)
# The line of the first session that the Tim Pertimbangan concluded open.
CONCLUDED_OPEN = {
    "dindik_bos": "Dana BOSP adalah uang negara: laporan penggunaannya wajib "
    "diumumkan di papan informasi sekolah dan laman resmi (UU 14/2008 Pasal 9). "
    "Rahasia keuangan yang dilindungi Pasal 17 huruf h angka 3 adalah keuangan "
    "pribadi, bukan keuangan satuan pendidikan; kepentingan publik atas "
    "keterbukaan lebih besar. Informasi masuk Daftar Informasi Publik.",
}

# What the documentation officer records: softcopy file name, hardcopy folder,
# archive classification code, retention (active, inactive) and disposition.
JRA = (
    "Peraturan Bupati Kutai Kartanegara Nomor 27 Tahun 2021 tentang Jadwal "
    "Retensi Arsip (persetujuan ANRI Nomor B-1234/KA/2021)"
)
DOCUMENTATION = {
    "inspektorat_investigasi": (
        "laporan_hasil_audit_investigasi_dana_desa_2026.pdf",
        "l2_r3_b14_m5",
        "700",
        (1, 9, "permanen"),
    ),
    "dinkes_tbc_ro": (
        "register_pasien_tbc_resisten_obat_2026.pdf",
        "l2_r1_b03_m2",
        "400",
        (2, 23, "musnah"),
    ),
    "dindik_dapodik": (
        "ekspor_dapodik_data_pribadi_peserta_didik_2026.pdf",
        "l1_r2_b07_m11",
        "400",
        (1, 4, "musnah"),
    ),
    "perumdam_kpbu": (
        "kajian_prastudi_kelayakan_kpbu_spam_regional.pdf",
        "l3_r1_b09_m1",
        "600",
        (2, 8, "dinilai_kembali"),
    ),
    "dpmptsp_sister_city": (
        "posisi_runding_kerja_sama_sister_city_2026.pdf",
        "l2_r4_b16_m3",
        "100",
        (2, 8, "permanen"),
    ),
    "bpkad_divestasi": (
        "kajian_divestasi_saham_bpr_daerah.pdf",
        "l1_r4_b02_m8",
        "500",
        (2, 8, "permanen"),
    ),
    "bpkad_tanah_pasar": (
        "kajian_awal_pengadaan_tanah_pasar_induk.pdf",
        "l1_r1_b05_m4",
        "500",
        (2, 8, "dinilai_kembali"),
    ),
    "bkpsdm_ijazah": (
        "berkas_seleksi_terbuka_jpt_pratama_ijazah_transkrip.pdf",
        "l2_r1_b03_m2",
        "800",
        (2, 8, "musnah"),
    ),
    "dindik_nota_ppdb": (
        "nota_dinas_evaluasi_ppdb_zonasi.pdf",
        "l1_r2_b07_m11",
        "400",
        (2, 3, "musnah"),
    ),
}

# Published on the public register (metadata and summaries only).
PUBLISHED = {
    "satpolpp_gudang": (
        "Membuka berkas dapat menghambat penyidikan dan membahayakan saksi.",
        "Kelancaran penegakan hukum dan keselamatan saksi.",
    ),
    "dpmptsp_pma": (
        "Membuka rencana investasi sebelum perjanjian ditandatangani dapat "
        "menggagalkan penanaman modal.",
        "Iklim investasi dan kepentingan ekonomi daerah.",
    ),
    "inspektorat_investigasi": (
        "Membuka hasil audit sebelum diserahkan kepada penyidik dapat menghambat "
        "penegakan hukum.",
        "Kelancaran penanganan dugaan tindak pidana korupsi.",
    ),
    "dinkes_tbc_ro": (
        "Membuka identitas pasien menimbulkan stigma dan mengganggu pengobatan.",
        "Rahasia kondisi kesehatan pribadi pasien.",
    ),
    "perumdam_kpbu": (
        "Membuka rincian kajian dapat merugikan posisi daerah dalam lelang KPBU.",
        "Nilai terbaik bagi daerah dalam kerja sama penyediaan air minum.",
    ),
    "bpkad_divestasi": (
        "Membuka kajian sebelum keputusan dapat memengaruhi nilai saham daerah.",
        "Kekayaan daerah dan kewajaran nilai divestasi.",
    ),
}

# A table the Dinas Kesehatan kept before the register existed (DIK import).
IMPORTED_DIK = [
    (
        "Judul Informasi",
        "Uraian Informasi",
        "Dokumen Sumber",
        "Unit Pengelola",
        "Dasar Hukum Pengecualian",
        "Nama Undang-Undang",
        "Nomor Undang-Undang",
        "Pasal Undang-Undang",
        "Akibat bila Dibuka",
        "Akibat bila Ditutup",
        "Kepentingan Publik",
        "Jangka Waktu Pengecualian",
        "Dasar Jangka Waktu",
    ),
    (
        "Hasil skrining kesehatan jiwa pelajar SMP dan SMA per individu",
        "Nama, sekolah, skor instrumen skrining dan rujukan setiap pelajar yang "
        "mengikuti skrining kesehatan jiwa remaja.",
        "Laporan skrining kesehatan jiwa remaja, Bidang Pencegahan dan "
        "Pengendalian Penyakit",
        "DINKESKAB",
        "Pasal 17 huruf h angka 2",
        "Undang-Undang tentang Kesehatan",
        "17 Tahun 2023",
        "Pasal 4 ayat (1) huruf i",
        "Pelajar yang terjaring skrining dapat mengalami stigma dan perundungan.",
        "Rahasia kondisi kesehatan jiwa anak dan kepentingan terbaik anak.",
        "Rekapitulasi hasil skrining per kecamatan tetap diumumkan.",
        "Sampai pelajar berusia 18 tahun dan memberikan persetujuan tertulis",
        "PP 61/2010 Pasal 8 ayat (2) dan (3)",
    ),
    (
        "Daftar nama korban kejadian luar biasa keracunan pangan",
        "Identitas, alamat dan hasil pemeriksaan laboratorium korban keracunan "
        "pangan pada kejadian luar biasa di dua kecamatan.",
        "Laporan penyelidikan epidemiologi KLB keracunan pangan",
        "DINKESKAB",
        "Pasal 17 huruf h angka 2",
        "Undang-Undang tentang Kesehatan",
        "17 Tahun 2023",
        "Pasal 4 ayat (1) huruf i",
        "Korban dan keluarganya dapat dikucilkan dan dirugikan secara ekonomi.",
        "Rahasia kondisi kesehatan pribadi korban.",
        "Kronologi, penyebab dan jumlah korban KLB tetap diumumkan.",
        "Sampai korban memberikan persetujuan tertulis",
        "PP 61/2010 Pasal 8 ayat (2) dan (3)",
    ),
]

# The demo users who walk the app, one per role.
ROLE_USERS = ("pelaksana", "layanan", "pertimbangan", "pengelola", "atasan", "auditor")
# Default filters that only time fills: a step becomes overdue one working hour
# after the hand-over (the receipt standard of the SOP).
TIME_FILTERS = {"overdue"}

# The softcopy that the documentation officer publishes as a redacted copy
# (UU 14/2008 Ps 22(7)(e)): the patient's identity is removed from it.
REDACTED_ITEM = "dinkes_tbc_ro"
REDACTED_PASSAGE = "Siti Aminah, NIK 6402015508900001"
REDACTED_LINE = f"Pasien Puskesmas Tenggarong: {REDACTED_PASSAGE}; status: pengobatan"

# The minimal one-page PDF of the demo files (their content is a placeholder).
PDF_TEMPLATE = (
    "BT /F1 11 Tf 56 780 Td 14 TL ({title}) ' ({line}) ' "
    "(Contoh data demo, bukan dokumen asli.) ' ET"
)


class PpidDemo(models.AbstractModel):
    """Builds the demo body's history through the product's own methods, each
    step as the demo user who owns it (SOP PPID Kabupaten Kutai Kartanegara)."""

    _name = "ppid.demo"
    _description = "PPID Demo Builder"

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    @api.model
    def _demo_user(self, name):
        return self.env.ref(f"ppid_exempted.user_ppid_{name}_demo")

    @api.model
    def _demo_items(self, keys):
        Item = self.env["ppid.exempted.information"]
        for key in keys:
            Item |= self.env.ref(f"{PREFIX}{key}_demo")
        return Item

    @api.model
    def _demo_pdf(self, title, line):
        """A small valid PDF with two lines of text, as base64."""

        def escape(text):
            text = text.encode("latin-1", "replace").decode("latin-1")
            return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

        stream = PDF_TEMPLATE.format(title=escape(title[:90]), line=escape(line[:90]))
        objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            f"<< /Length {len(stream.encode('latin-1'))} >>\n"
            f"stream\n{stream}\nendstream",
        ]
        out = "%PDF-1.4\n"
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out.encode("latin-1")))
            out += f"{number} 0 obj\n{body}\nendobj\n"
        xref = len(out.encode("latin-1"))
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
        out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
        out += (
            f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n"
        )
        return base64.b64encode(out.encode("latin-1"))

    @api.model
    def _demo_officer(self, item):
        """The PPID Pelaksana officer who holds the item's unit."""
        return self._demo_officer_of(item.unit_id)

    @api.model
    def _demo_officer_of(self, unit):
        """The unit's own officer: of its officers, the one of fewest units."""
        officers = unit.user_ids.filtered(
            lambda user: user.has_group("ppid_exempted.group_ppid_pelaksana")
        )
        return officers.sorted(lambda user: (len(user.ppid_unit_ids), user.id))[:1]

    # ------------------------------------------------------------------
    # The story
    # ------------------------------------------------------------------

    @api.model
    def _ppid_demo_build(self):
        """Run once when the demo data is installed, in the language of the
        body (its notes and announcements are kept as written)."""
        if self.env["ppid.consequence.test"].search_count([], limit=1):
            return False  # history already there (an update of the module)
        lang = self.env.ref("base.main_company").partner_id.lang
        if lang and self.env["res.lang"]._lang_get(lang):
            # Every demo user speaks the body's language, the officers too.
            users = self._demo_all_records("res.users")
            users.filtered(lambda user: user.lang != lang).write({"lang": lang})
        else:
            lang = self.env.lang
        self.with_context(lang=lang)._demo_story()
        for problem in self._ppid_demo_problems():
            _logger.warning("PPID demo data: %s", problem)
        return True

    @api.model
    def _demo_story(self):
        every = (
            DRAFTS
            + (RETURNED,)
            + SUBMITTED
            + RECEIVED
            + IN_SESSION
            + AWAITING_DECREE
            + FIRST_SESSION
            + SECOND_SESSION
        )
        items = self._demo_items(every)
        collection = self._demo_collection_round()
        self._demo_compile_and_hand_over(items, collection)
        self._demo_receive()
        self._demo_session_in_progress()
        self._demo_completed_session(AWAITING_DECREE, "Aula Kantor Diskominfo")
        first = self._demo_completed_session(
            FIRST_SESSION, "Ruang Rapat Sekretariat Daerah"
        )
        second = self._demo_completed_session(SECOND_SESSION, "Ruang Rapat Diskominfo")
        head = self._demo_user("atasan")
        (first | second).decree_ids.with_user(head).action_approve()
        self._demo_document()
        self._demo_publish()
        self._demo_redacted_copy()
        self._demo_custody()
        self._demo_downloads()
        self._demo_open()
        # The daily scheduler, for the day of the install: the exemptions ending
        # within 30 working days become "expiring" with their activities.
        self.env["ppid.exempted.information"]._cron_expiry()
        self._demo_issue_register()
        self._demo_import_dik()

    @api.model
    def _demo_collection_round(self):
        """The service officer opens the year's collection round: every PPID
        Pelaksana unit is notified and gets its hand-over activity."""
        service = self._demo_user("layanan")
        year = fields.Date.context_today(self).year
        collection = (
            self.env["ppid.collection.round"]
            .with_user(service)
            .create(
                {
                    "name": "Penghimpunan Daftar Informasi yang Dikecualikan "
                    f"Tahun {year}",
                }
            )
        )
        collection.action_open()
        return collection

    @api.model
    def _demo_compile_and_hand_over(self, items, collection):
        """Each unit officer attaches the unit's test sheet to its drafts and
        hands over all but the drafts it is still working on."""
        for item in items:
            officer = self._demo_officer(item)
            item.with_user(officer).write(
                {
                    "collection_round_id": collection.id,
                    "unit_test_sheet": self._demo_pdf(
                        "LEMBAR PENGUJIAN KONSEKUENSI PPID PELAKSANA",
                        item.title,
                    ),
                    "unit_test_sheet_name": item.unit_test_sheet_name
                    or f"lembar_uji_konsekuensi_{item.unit_id.code.lower()}.pdf",
                }
            )
        # As between two clicks: the hand-over reads the files back from the
        # database (the cache of another user's write is per context).
        self.env.flush_all()
        self.env.invalidate_all()
        for item in items - self._demo_items(DRAFTS):
            item.with_user(self._demo_officer(item)).action_submit()
        # The berita acara of each hand-over: signed by the PPID official and
        # acknowledged by the unit's Atasan PPID Pelaksana (Kukar SOP step 2).
        for handover in collection.handover_ids:
            if handover.ppid_user_id:
                handover.with_user(handover.ppid_user_id).action_sign_ppid()
            if handover.atasan_user_id:
                handover.with_user(handover.atasan_user_id).action_sign_atasan()

    @api.model
    def _demo_receive(self):
        """The service officer returns one hand-over with a reason and receives
        the others (the receipt, tanda terima), except the newest ones."""
        service = self._demo_user("layanan")
        returned = self._demo_items([RETURNED]).with_user(service)
        returned.action_return(
            "Lembar pengujian konsekuensi belum ditandatangani Kepala Dinas "
            "Kesehatan selaku atasan PPID Pelaksana, dan nomor berkas perkara pada "
            "kolom sumber dokumen berbeda dengan lampiran. Mohon diperbaiki lalu "
            "diserahkan kembali."
        )
        to_receive = self._demo_items(
            RECEIVED + IN_SESSION + AWAITING_DECREE + FIRST_SESSION + SECOND_SESSION
        )
        to_receive.with_user(service).action_receive()
        # The tanda terima of each unit's hand-over, numbered and stored.
        self.env["ppid.receipt"].with_user(service).create(
            [
                {"unit_id": unit.id, "information_ids": [Command.set(items.ids)]}
                for unit, items in to_receive.grouped("unit_id").items()
            ]
        )

    @api.model
    def _demo_session(self, items, place, conclusions=None):
        """A lawful session, created by the PPID (the chair): the PPID, the
        officer of each unit whose items are tested and a member of the Tim
        Pertimbangan (Perki 1/2021 Pasal 49)."""
        conclusions = conclusions or {}
        ppid = self._demo_user("pertimbangan")
        member = self._demo_user("pertimbangan_hukum")
        officers = {}
        for unit in items.unit_id:
            officers.setdefault(self._demo_officer_of(unit), unit)
        participants = [
            {
                "user_id": ppid.id,
                "capacity": "ppid",
                "position": ppid.company_id.ppid_official_position or False,
            },
        ]
        for officer, unit in officers.items():
            participant = {
                "user_id": officer.id,
                "capacity": "unit",
                "position": f"PPID Pelaksana {unit.name}",
            }
            participant["unit_id"] = unit.id  # the unit the officer represents
            participants.append(participant)
        participants += [
            {
                "user_id": member.id,
                "capacity": "committee",
                "position": "Kepala Bagian Hukum Sekretariat Daerah, anggota Tim "
                "Pertimbangan",
            },
        ]
        lines = []
        for item in items:
            reasoning = conclusions.get(item)
            line = {"information_id": item.id, "conclusion": "exempted"}
            if reasoning:
                line.update(conclusion="open", public_interest_note=reasoning)
            lines.append(Command.create(line))
        return (
            self.env["ppid.consequence.test"]
            .with_user(ppid)
            .create(
                {
                    "trigger": "before_request",
                    "place": place,
                    "participant_ids": [Command.create(p) for p in participants],
                    "line_ids": lines,
                }
            )
        )

    @api.model
    def _demo_sign(self, test, users=None):
        for participant in test.participant_ids:
            if users is None or participant.user_id in users:
                test.with_user(participant.user_id).action_sign()

    @api.model
    def _demo_completed_session(self, keys, place, conclusions=None):
        """Every participant signs for themself; the PPID completes the session
        as a member of the Tim Pertimbangan, and the draft decree follows."""
        items = self._demo_items(keys)
        if conclusions is None:
            conclusions = {
                self.env.ref(f"{PREFIX}{key}_demo"): note
                for key, note in CONCLUDED_OPEN.items()
                if key in keys
            }
        test = self._demo_session(items, place, conclusions)
        self._demo_sign(test)
        test.with_user(self._demo_user("pertimbangan")).action_complete()
        return test

    @api.model
    def _demo_session_in_progress(self):
        """The committee starts testing three items; the PPID and the Tim
        Pertimbangan have signed, the units' officers not yet."""
        items = self._demo_items(IN_SESSION)
        ppid = self._demo_user("pertimbangan")
        items.with_user(ppid).action_start_test()
        test = self._demo_session(items, "Ruang Rapat Diskominfo")
        self._demo_sign(test, ppid | self._demo_user("pertimbangan_hukum"))
        return test

    @api.model
    def _demo_document(self):
        """The documentation officer stores the softcopy and records the
        hardcopy, its archive code and its retention (rules 23, 24)."""
        documentation = self._demo_user("pengelola")
        for key, (filename, folder, code, retention) in DOCUMENTATION.items():
            item = self._demo_items([key]).with_user(documentation)
            active, inactive, disposition = retention
            item.write(
                {
                    "softcopy_file": self._demo_pdf(
                        "SALINAN INFORMASI YANG DIKECUALIKAN",
                        REDACTED_LINE if key == REDACTED_ITEM else item.title,
                    ),
                    "softcopy_filename": filename,
                    "hardcopy_location_id": self.env.ref(
                        f"ppid_exempted.ppid_archive_location_{folder}_demo"
                    ).id,
                    "hardcopy_holder_user_id": documentation.id,
                    "archive_classification_id": self.env.ref(
                        f"ppid_exempted.archive_classification_{code}"
                    ).id,
                    "retention_active_years": active,
                    "retention_inactive_years": inactive,
                    "final_disposition": disposition,
                    "jra_reference": JRA,
                }
            )
            self.env.flush_all()
            self.env.invalidate_all()
            item.action_document()

    @api.model
    def _demo_publish(self):
        """The service officer lists some classified items on the website."""
        service = self._demo_user("layanan")
        for key, (harm, interest) in PUBLISHED.items():
            self._demo_items([key]).with_user(service).write(
                {
                    "is_published": True,
                    "published_harm_summary": harm,
                    "published_interest_summary": interest,
                }
            )

    @api.model
    def _demo_redacted_copy(self):
        """The documentation officer removes a patient's identity from a
        softcopy and publishes the redacted copy with its reason."""
        documentation = self._demo_user("pengelola")
        item = self._demo_items([REDACTED_ITEM])
        original = self.env["ppid.vault.document"].search(
            [("information_id", "=", item.id), ("kind", "=", "softcopy_file")],
            limit=1,
        )
        copy = (
            self.env["ppid.redacted.copy"]
            .with_user(documentation)
            .create(
                {
                    "name": f"{item.title} (salinan tersamar)",
                    "information_id": item.id,
                    "vault_document_id": original.id,
                    "line_ids": [
                        Command.create(
                            {
                                "passage": REDACTED_PASSAGE,
                                "legal_basis_id": (
                                    item.legal_subpoint_id or item.legal_basis_id
                                ).id,
                                "reason": "Identitas pasien adalah rahasia pribadi "
                                "(riwayat kesehatan); data agregat tetap terbuka.",
                            }
                        )
                    ],
                }
            )
        )
        copy.action_generate()
        copy.action_publish()

    @api.model
    def _demo_custody(self):
        """The paper moves: one file lent to the public prosecutor against a
        receipt, another moved to a new folder."""
        service = self._demo_user("layanan")
        documentation = self._demo_user("pengelola")
        lent = self._demo_items(["inspektorat_investigasi"]).with_user(service)
        lent._transfer_custody(
            lent.hardcopy_location_id,
            self.env["res.users"],
            self.env.ref("ppid_exempted.res_partner_kejari_demo"),
            "Dipinjamkan kepada Kejaksaan Negeri Kutai Kartanegara untuk penyidikan, "
            "dengan berita acara peminjaman arsip.",
        )
        moved = self._demo_items(["perumdam_kpbu"]).with_user(documentation)
        moved._transfer_custody(
            self.env.ref("ppid_exempted.ppid_archive_location_l1_r4_b02_m8_demo"),
            documentation,
            self.env["res.partner"],
            "Dipindahkan ke Lemari 1 Rak 4 karena Boks 09 penuh.",
        )

    @api.model
    def _demo_downloads(self):
        """Logged downloads: the documentation officer opens a softcopy and the
        head the unit's test sheet of an item awaiting the decree. The file
        route checks the user's access and logs the download; the stream itself
        needs an HTTP request, which an install has not."""
        for login, key, field_name in (
            ("pengelola", "inspektorat_investigasi", "softcopy_file"),
            ("atasan", "diskominfo_sandi", "unit_test_sheet"),
        ):
            user = self._demo_user(login)
            item = self._demo_items([key]).with_user(user)
            documents = (
                self.env["ppid.vault.document"]
                .with_user(user)
                .search([("information_id", "=", item.id), ("kind", "=", field_name)])
            )
            documents.attachment_id.check_access("read")
            documents._log_event("download", channel=field_name)

    @api.model
    def _demo_open(self):
        """Three classified items become public, each on its lawful ground, and
        join the list of public information with an announcement."""
        head = self._demo_user("atasan")
        # A public office: the certificate is a requirement of the office
        # (UU 14/2008 Pasal 18(2)(b); PP 61/2010 Pasal 8(3)).
        ijazah = self._demo_items(["bkpsdm_ijazah"]).with_user(head)
        ijazah.write(
            {
                "public_office": True,
                "consent_evidence": "Keputusan Bupati tentang pengangkatan yang "
                "bersangkutan dalam jabatan pimpinan tinggi pratama; ijazah "
                "merupakan syarat jabatan dalam pengumuman seleksi terbuka.",
            }
        )
        ijazah.action_open(
            "public_office",
            "Ijazah berkaitan dengan jabatan publik yang bersangkutan; transkrip "
            "nilai tetap hanya diberikan atas permohonan.",
        )
        # A Komisi Informasi decision (UU 14/2008 Pasal 11(2)).
        nota = self._demo_items(["dindik_nota_ppdb"]).with_user(head)
        nota.action_open(
            "komisi_informasi",
            "Sengketa informasi yang diajukan forum orang tua murid: petunjuk teknis "
            "telah ditetapkan dan kepentingan publik lebih besar.",
            "Putusan Komisi Informasi Provinsi Kalimantan Timur Nomor "
            "012/PTS/KI-KALTIM/2026",
        )
        # A new test concluded that the information is open now (PP 61/2010
        # Pasal 10): the head approves the opening.
        pasar = self._demo_items(["bpkad_tanah_pasar"])
        self._demo_completed_session(
            ["bpkad_tanah_pasar"],
            "Ruang Rapat Diskominfo",
            {
                pasar: "Keputusan Bupati tentang penetapan lokasi pengadaan tanah "
                "pasar induk telah diumumkan: syarat berakhirnya pengecualian "
                "terpenuhi dan spekulasi tanah tidak lagi dapat terjadi. Kajian "
                "masuk Daftar Informasi Publik."
            },
        )
        pasar.with_user(head).action_approve()

    @api.model
    def _demo_issue_register(self):
        """The documentation officer compiles the register as of today; the
        head of the body approves it where the register goes to the leadership
        first (Bontang SOP step 5), else the officer issues it."""
        documentation = self._demo_user("pengelola")
        today = fields.Date.context_today(self.with_user(documentation))
        issue = (
            self.env["ppid.register.issue"]
            .with_user(documentation)
            .create(
                {
                    "date": today,
                    "decree_reference": f"188.45/215/DISKOMINFO/{today.year}",
                    "decree_date": today,
                    "note": "Daftar Informasi yang Dikecualikan hasil penghimpunan "
                    f"tahun {today.year}.",
                }
            )
        )
        issue.action_submit()
        issue = issue.with_user(self._demo_user("atasan"))
        issue.action_issue()
        return issue

    @api.model
    def _demo_import_dik(self):
        """The unit officer brings in the table its unit kept before, as drafts
        (where the register can import an existing DIK)."""
        text = io.StringIO()
        csv.writer(text).writerows(IMPORTED_DIK)
        officer = self._demo_user("pelaksana")
        dik_import = (
            self.env["ppid.dik.import"]
            .with_user(officer)
            .create(
                {
                    "file": base64.b64encode(text.getvalue().encode()),
                    "file_name": "dik_dinas_kesehatan_2025.csv",
                }
            )
        )
        dik_import.action_import()
        return dik_import

    # ------------------------------------------------------------------
    # What the demo must show (checked at install and by the tests)
    # ------------------------------------------------------------------

    @api.model
    def _ppid_demo_problems(self):
        """What the demo lacks: a classified item without its completed test
        and approved decree, or a menu of the PPID app that shows no record to
        a demo user of a role that sees it."""
        return self._demo_unbacked_items() + self._demo_empty_menus()

    @api.model
    def _demo_unbacked_items(self):
        problems = []
        items = self.env["ppid.exempted.information"].search(
            [
                ("id", "in", self._demo_all_items().ids),
                ("approved_datetime", "!=", False),
            ]
        )
        for item in items:
            tests = item.consequence_test_line_ids.filtered(
                lambda line: (
                    line.test_id.state == "done" and line.conclusion == "exempted"
                )
            )
            decrees = item.decree_line_ids.filtered(
                lambda line, tests=tests: (
                    line.decree_id.state == "approved" and line.test_line_id in tests
                )
            )
            if not decrees:
                problems.append(
                    f"{item.name} is classified without a completed test and an "
                    "approved decree"
                )
        return problems

    @api.model
    def _demo_all_items(self):
        return self._demo_all_records("ppid.exempted.information")

    @api.model
    def _demo_all_records(self, model):
        data = self.env["ir.model.data"].search(
            [("module", "=", "ppid_exempted"), ("model", "=", model)]
        )
        return self.env[model].browse(data.mapped("res_id"))

    @api.model
    def _demo_empty_menus(self):
        root = self.env.ref("ppid_exempted.ppid_menu_root")
        menus = self.env["ir.ui.menu"].search([("id", "child_of", root.id)])
        problems = []
        for login in ROLE_USERS:
            user = self._demo_user(login)
            for menu in menus.with_user(user)._filter_visible_menus().sudo():
                action = menu.action
                if not action or action._name != "ir.actions.act_window":
                    continue
                Model = self.env[action.res_model].with_user(user)
                if Model._transient:
                    continue
                if not Model.search_count(self._demo_action_domain(action, user)):
                    problems.append(
                        f"the menu {menu.complete_name} shows no record to {user.login}"
                    )
        return problems

    @api.model
    def _demo_action_domain(self, action, user):
        """The action's domain and default filters, as the user opens it."""
        context = {
            "uid": user.id,
            "context_today": lambda: fields.Date.context_today(self.with_user(user)),
            "datetime": datetime,
            "relativedelta": relativedelta,
        }
        domain = Domain(safe_eval(action.domain or "[]", context))
        defaults = {
            key[len("search_default_") :]
            for key, value in safe_eval(action.context or "{}", context).items()
            if key.startswith("search_default_") and value
        } - TIME_FILTERS
        if not defaults:
            return domain
        View = self.env["ir.ui.view"]
        view = action.search_view_id or View.browse(
            View.default_view(action.res_model, "search")
        )
        arch = view.sudo()._get_combined_arch()
        for node in arch.iter("filter"):
            if node.get("name") in defaults and node.get("domain"):
                domain &= Domain(safe_eval(node.get("domain"), context))
        return domain
