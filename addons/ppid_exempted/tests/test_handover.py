# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date, datetime

from lxml import html

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from ..models.ppid_handover import HANDOVER_CREATE_KEY
from .common import ROLES, PpidCase

SIGN_ACTIVITY = "ppid_exempted.mail_activity_type_ppid_handover_sign"
STAMPS = {
    "ppid_signed_by_id": "user",
    "ppid_signed_datetime": "2026-03-02 03:00:00",
    "atasan_signed_by_id": "user",
    "atasan_signed_datetime": "2026-03-02 03:00:00",
}


class HandoverCase(PpidCase):
    """A round notifying the units, a unit officer handing items over, and the
    Atasan PPID Pelaksana of the unit: an internal user holding no PPID role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.official = cls.users["committee"]  # the body's PPID official
        cls.atasan = new_test_user(
            cls.env,
            login="ppid_atasan_dinkes",
            name="Kepala Dinas Kesehatan",
            groups="base.group_user",
        )
        cls.atasan.ppid_nip = "197205051998031002"
        cls.unit.head_user_id = cls.atasan
        cls.unit.user_ids = cls.users["pelaksana"]
        cls.round = (
            cls.env["ppid.collection.round"]
            .with_user(cls.users["service"])
            .create({"name": "Penghimpunan DIK 2026"})
        )
        cls.round.with_user(cls.users["service"]).action_open()

    def _hand_over(self, title="Berkas penyidikan"):
        item = self._create_item(
            "draft",
            title=title,
            collection_round_id=self.round.id,
            user_id=self.users["pelaksana"].id,
        )
        item.with_user(self.users["pelaksana"]).action_submit()
        return item

    def _handovers(self):
        return self.env["ppid.handover"].search([("round_id", "=", self.round.id)])


@tagged("post_install", "-at_install")
class TestHandover(HandoverCase):
    """Kukar SOP step 2: the hand-over "ditandatangani oleh PPID Kabupaten dan
    diketahui oleh Atasan PPID Pelaksana", in the system, by those users."""

    def test_handing_over_records_the_units_handover(self):
        first = self._hand_over("Daftar pasien")
        handover = self._handovers()
        self.assertEqual(len(handover), 1)
        self.assertRegex(handover.name, r"^PPID/BAST/\d{4}/\d{4}$")
        self.assertEqual(handover.unit_id, self.unit)
        self.assertEqual(handover.information_ids, first)
        self.assertEqual(handover.state, "waiting")
        self.assertEqual(handover.ppid_user_id, self.official)
        self.assertEqual(handover.atasan_user_id, self.atasan)
        self.assertEqual(handover.letter_id.unit_id, self.unit)
        # each signer is asked, in their activities
        asked = handover.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(SIGN_ACTIVITY)
        )
        self.assertEqual(asked.user_id, self.official | self.atasan)
        # a second item joins the hand-over awaiting signatures
        second = self._hand_over("Hasil audit")
        self.assertEqual(self._handovers(), handover)
        self.assertEqual(handover.information_ids, first | second)
        self.assertIn("Hasil audit", handover.item_summary)
        # once signed, the list is what was signed: a later item opens a new one
        handover.with_user(self.official).action_sign_ppid()
        third = self._hand_over("Berkas ketiga")
        handovers = self._handovers()
        self.assertEqual(len(handovers), 2)
        self.assertEqual(handover.information_ids, first | second)
        self.assertEqual((handovers - handover).information_ids, third)

    def test_only_the_ppid_official_signs_as_the_ppid(self):
        handover = self._hand_over().env["ppid.handover"].search([])
        wrong = [self.users[role] for role in ROLES if role != "committee"]
        wrong.append(self.atasan)
        for user in wrong:
            with (
                self.subTest(user=user.login),
                self.assertRefused(AccessError, "Only .* the PPID official"),
            ):
                handover.with_user(user).action_sign_ppid()
            self.assertFalse(handover.with_user(user).can_sign_ppid)
        self.assertFalse(handover.ppid_signed_datetime)
        self.assertTrue(handover.with_user(self.official).can_sign_ppid)
        before = datetime.now().replace(microsecond=0)
        handover.with_user(self.official).action_sign_ppid()
        self.assertEqual(handover.ppid_signed_by_id, self.official)
        self.assertGreaterEqual(handover.ppid_signed_datetime, before)
        self.assertEqual(handover.state, "waiting")
        with self.assertRefused(UserError, "already signed"):
            handover.with_user(self.official).action_sign_ppid()
        # the official's activity is done, the Atasan's remains
        self.assertEqual(handover.activity_ids.user_id, self.atasan)

    def test_only_the_units_atasan_acknowledges(self):
        handover = self._hand_over().env["ppid.handover"].search([])
        other_atasan = new_test_user(
            self.env, login="ppid_atasan_disdik", groups="base.group_user"
        )
        self.other_unit.head_user_id = other_atasan
        wrong = [self.users[role] for role in ROLES] + [other_atasan]
        for user in wrong:
            with (
                self.subTest(user=user.login),
                self.assertRaises(AccessError) as caught,
            ):
                handover.with_user(user).action_sign_atasan()
            if user != other_atasan:  # who cannot even read it is refused too
                self.assertRegex(str(caught.exception), "Only .* the Atasan PPID")
        # the Atasan holds no PPID role: reads the hand-over of the unit only
        as_atasan = handover.with_user(self.atasan)
        self.assertEqual(as_atasan.search([]), handover)
        self.assertIn("Berkas penyidikan", as_atasan.item_summary)
        self.assertEqual(as_atasan.unit_name, self.unit.complete_name)
        self.assertFalse(handover.with_user(other_atasan).search([]))
        as_atasan.action_sign_atasan()
        self.assertEqual(handover.atasan_signed_by_id, self.atasan)
        self.assertTrue(handover.atasan_signed_datetime)
        handover.with_user(self.official).action_sign_ppid()
        self.assertEqual(handover.state, "signed")
        self.assertEqual(
            handover.signed_datetime,
            max(handover.ppid_signed_datetime, handover.atasan_signed_datetime),
        )

    def test_a_unit_without_atasan_or_a_body_without_official_is_told(self):
        self.unit.head_user_id = False
        self.company.ppid_official_id = False
        handover = self._hand_over().env["ppid.handover"].search([])
        with self.assertRefused(UserError, "has no Atasan PPID Pelaksana"):
            handover.with_user(self.atasan).action_sign_atasan()
        with self.assertRefused(UserError, "names no PPID official"):
            handover.with_user(self.official).action_sign_ppid()

    def test_nobody_writes_a_signature_or_the_list(self):
        handover = self._hand_over().env["ppid.handover"].search([])
        other = self._create_item("submitted", title="Disisipkan")
        attempts = dict(STAMPS, information_ids=[Command.link(other.id)])
        writers = [*ROLES, "atasan"]
        for who in writers:
            user = self.atasan if who == "atasan" else self.users[who]
            for name, value in attempts.items():
                value = user.id if value == "user" else value
                with self.subTest(user=who, field=name), self.assertRaises(AccessError):
                    handover.with_user(user).write({name: value})
        for name, value in attempts.items():
            value = self.official.id if value == "user" else value
            with self.subTest(field=name), self.assertRaises(AccessError):
                handover.sudo().write({name: value})
        self.assertFalse(
            handover.ppid_signed_datetime or handover.atasan_signed_datetime
        )
        self.assertNotIn(other, handover.information_ids)
        # created only by the round, never by hand, not even by the superuser
        values = {
            "round_id": self.round.id,
            "company_id": self.company.id,
            "unit_id": self.unit.id,
        }
        with self.assertRefused(AccessError, "not created by hand"):
            self.env["ppid.handover"].with_user(self.users["manager"]).create(values)
        with self.assertRefused(AccessError, "not created by hand"):
            self.env["ppid.handover"].sudo().create(values)
        with self.assertRefused(AccessError, "signed with its buttons"):
            self.env["ppid.handover"].sudo().with_context(
                **{HANDOVER_CREATE_KEY: True}
            ).create(dict(values, ppid_signed_by_id=self.official.id))
        with self.assertRefused(UserError, "never deleted"):
            handover.sudo().unlink()

    def test_the_refusal_reads_in_bahasa_indonesia(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(
            ["ppid_exempted"], ["id_ID"], overwrite=True
        )
        handover = self._hand_over().env["ppid.handover"].search([])
        with self.assertRefused(AccessError, "Hanya Kepala Dinas Kesehatan"):
            handover.with_user(self.users["head"]).with_context(
                lang="id_ID"
            ).action_sign_atasan()
        with self.assertRefused(AccessError, "Hanya .*, Pejabat PPID"):
            handover.with_user(self.atasan).with_context(
                lang="id_ID"
            ).action_sign_ppid()

    def test_the_berita_acara_prints_the_signatures(self):
        self.users["committee"].ppid_nip = "197001011990031001"
        self._hand_over("Daftar pasien rawat inap")
        handover = self._handovers()
        handover.with_user(self.official).action_sign_ppid()
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.atasan)
            ._render_qweb_html("ppid_exempted.action_report_handover", handover.ids)
        )
        tree = html.fromstring(content)
        text = " ".join(tree.text_content().split())
        for words in (
            "BERITA ACARA SERAH TERIMA",
            f"Nomor: {handover.name}",
            "Daftar pasien rawat inap",
            "Dinas Kesehatan selaku PPID Pelaksana",
            f"Surat Pemberitahuan Nomor {handover.letter_id.name}",
            "Mengetahui,",
            "Atasan PPID Pelaksana Dinas Kesehatan",
            "Kepala Dinas Kesehatan",
            "NIP 197205051998031002",
            f"Ditandatangani dalam sistem oleh {self.official.name}",
            "Belum ditandatangani",
        ):
            self.assertIn(words, text)
        stamps = [
            " ".join(node.text_content().split())
            for node in tree.xpath("//*[contains(@class, 'o_ppid_handover_stamp')]")
        ]
        self.assertEqual(len(stamps), 2)
        self.assertIn(self.official.name, stamps[0])
        self.assertEqual(stamps[1], "Belum ditandatangani")


@tagged("post_install", "-at_install")
class TestHandoverThroughRpc(HttpCase, HandoverCase):
    """The same refusals through the real server (XML-RPC), and the paper as a
    real PDF."""

    def _call(self, login, records, method, *args):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{records._name}/{method}",
            {
                "model": records._name,
                "method": method,
                "args": [records.ids, *args],
                "kwargs": {},
            },
        )

    @mute_logger("odoo.http")
    def test_rpc_cannot_sign_for_someone_else(self):
        handover = self._hand_over().env["ppid.handover"].search([])
        for login, values in (
            ("ppid_atasan_dinkes", {"atasan_signed_datetime": "2026-03-02 03:00:00"}),
            ("ppid_atasan_dinkes", {"atasan_signed_by_id": self.atasan.id}),
            ("ppid_pelaksana", {"ppid_signed_by_id": self.official.id}),
            ("ppid_committee", {"ppid_signed_datetime": "2026-03-02 03:00:00"}),
        ):
            with (
                self.subTest(login=login, values=values),
                self.assertRaises(JsonRpcException) as caught,
            ):
                self._call(login, handover, "write", values)
            self.assertIn("AccessError", str(caught.exception))
        with self.assertRaises(JsonRpcException) as caught:
            self._call("ppid_atasan_dinkes", handover, "action_sign_ppid")
        self.assertIn("AccessError", str(caught.exception))
        with self.assertRaises(JsonRpcException) as caught:
            self._call("ppid_head", handover, "action_sign_atasan")
        self.assertIn("AccessError", str(caught.exception))
        handover.invalidate_recordset()
        self.assertFalse(
            handover.ppid_signed_datetime or handover.atasan_signed_datetime
        )
        # the right users sign through the server
        self._call("ppid_atasan_dinkes", handover, "action_sign_atasan")
        self._call("ppid_committee", handover, "action_sign_ppid")
        handover.invalidate_recordset()
        self.assertEqual(handover.state, "signed")
        self.assertEqual(handover.atasan_signed_by_id, self.atasan)
        self.assertEqual(handover.ppid_signed_by_id, self.official)

    def test_the_berita_acara_is_a_pdf(self):
        handover = self._hand_over().env["ppid.handover"].search([])
        handover.with_user(self.atasan).action_sign_atasan()
        content, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("ppid_exempted.action_report_handover", handover.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))


@tagged("post_install", "-at_install")
class TestWaktuBaku(PpidCase):
    """The whole procedure against the Kukar SOP's waktu baku (4 working days),
    on the body's calendar. March 2026: Nyepi on Thursday 19 and Idulfitri on
    21-22 (libur nasional), cuti bersama on 18, 20, 23 and 24."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.round = (
            cls.env["ppid.collection.round"]
            .sudo()
            .create(
                {
                    "name": "Penghimpunan Maret 2026",
                    "state": "open",
                    "date_open": date(2026, 3, 16),  # Monday
                    "deadline": date(2026, 3, 25),
                    "line_ids": [
                        Command.create({"unit_id": cls.unit.id}),
                        Command.create({"unit_id": cls.other_unit.id}),
                    ],
                }
            )
        )

    def _handover(self, unit, documented):
        """A unit's hand-over whose items were documented at `documented`
        (local time, WIB)."""
        items = self._create_item(
            "documented",
            unit_id=unit.id,
            collection_round_id=self.round.id,
            submitted_datetime="2026-03-17 02:00:00",
            documented_datetime=self.company._ppid_to_utc(documented),
        )
        return (
            self.env["ppid.handover"]
            .sudo()
            .with_context(**{HANDOVER_CREATE_KEY: True})
            .create(
                {
                    "round_id": self.round.id,
                    "company_id": self.company.id,
                    "unit_id": unit.id,
                    "information_ids": [Command.set(items.ids)],
                }
            )
        )

    def test_waktu_baku_against_hand_computed_days(self):
        on_time = self._handover(self.unit, datetime(2026, 3, 27, 10, 0))
        self.round.invalidate_recordset()
        # 16 March + 4 working days: 17, (18-24 closed), 25, 26, 27
        self.assertEqual(on_time.standard_due, date(2026, 3, 27))
        self.assertEqual(on_time.signature_due, date(2026, 3, 25))  # 1 + 1 days
        expected = {
            "elapsed_days": 4,
            "timing_status": "on_time",
            "late_days": 0,
            "timing_label": "On time: 4 of 4 working day(s).",
        }
        self.assertEqual({name: on_time[name] for name in expected}, expected)
        # the round waits for its second unit
        self.assertEqual(self.round.standard_due, date(2026, 3, 27))
        self.assertFalse(self.round.completed_datetime)
        late = self._handover(self.other_unit, datetime(2026, 3, 31, 9, 0))
        self.round.invalidate_recordset()
        # 17, 25, 26, 27, 30, 31 taken; late by 30 and 31
        expected = {
            "elapsed_days": 6,
            "timing_status": "late",
            "late_days": 2,
            "timing_label": "Late by 2 working day(s): 6 of 4.",
        }
        self.assertEqual({name: late[name] for name in expected}, expected)
        self.assertEqual({name: self.round[name] for name in expected}, expected)
        self.assertEqual(
            self.round.completed_datetime,
            self.company._ppid_to_utc(datetime(2026, 3, 31, 9, 0)),
        )

    def test_the_bodys_own_calendar_counts(self):
        """A body counting cuti bersama as working days: 16 March + 4 is 23."""
        self.company.ppid_cuti_bersama_non_working = False
        handover = self._handover(self.unit, datetime(2026, 3, 27, 10, 0))
        self.assertEqual(handover.standard_due, date(2026, 3, 23))
        # 17, 18, 20, 23, 24, 25, 26, 27 taken; late by 24, 25, 26, 27
        self.assertEqual(
            (handover.elapsed_days, handover.timing_status, handover.late_days),
            (8, "late", 4),
        )
        self.company.ppid_sla_total_days = 8
        handover.invalidate_recordset()
        self.assertEqual(
            (handover.elapsed_days, handover.timing_status, handover.late_days),
            (8, "on_time", 0),
        )

    def test_a_procedure_under_way(self):
        today = self.company._ppid_today()
        self.round.sudo().date_open = today
        items = self._create_item("received", collection_round_id=self.round.id)
        handover = (
            self.env["ppid.handover"]
            .sudo()
            .with_context(**{HANDOVER_CREATE_KEY: True})
            .create(
                {
                    "round_id": self.round.id,
                    "company_id": self.company.id,
                    "unit_id": self.unit.id,
                    "information_ids": [Command.set(items.ids)],
                }
            )
        )
        self.assertEqual(
            (handover.elapsed_days, handover.timing_status, handover.late_days),
            (0, "running", 0),
        )
        self.assertFalse(handover.completed_datetime)
        self.assertEqual(self.round.timing_status, "running")
