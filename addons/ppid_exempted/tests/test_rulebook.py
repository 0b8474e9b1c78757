# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The holes of the rulebook: each way around a decided classification, tried
as the role that could reach it."""

from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from ..models.ppid_rulebook import CONSEQUENCE_TEST, EXPIRY
from .common import PpidCase

# AccessError and ValidationError are UserErrors: a refusal the user reads.
REFUSED = UserError
# Writers who can reach a classified item's form.
PPID_WRITERS = ("service", "committee", "documentation", "head", "manager")


class RulebookCase(PpidCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_body = cls.env["res.company"].create(
            {"name": "Pemerintah Kota Bontang"}
        )
        cls.other_body_unit = cls.env["ppid.unit"].create(
            {
                "name": "Dinas Kesehatan Kota Bontang",
                "code": "DINKES-BTG",
                "company_id": cls.other_body.id,
            }
        )
        for user in cls.users.values():
            user.company_ids |= cls.other_body


@tagged("post_install", "-at_install")
class TestRulebookHoles(RulebookCase):
    # UU 14/2008 Ps 1(3), PP 61/2010 Ps 3: each body classifies its own.
    def test_an_item_never_moves_to_another_public_body(self):
        item = self._create_item("exempted")
        move = {"company_id": self.other_body.id, "unit_id": self.other_body_unit.id}
        for role in PPID_WRITERS:
            with self.subTest(role=role), self.assertRaises(REFUSED):
                item.with_user(self.users[role]).write(move)
        with self.assertRefused(UserError, "public body for good"):
            item.write(move)  # the superuser neither
        self.assertEqual(item.company_id, self.company)

    def test_a_unit_move_stays_inside_the_body(self):
        item = self._create_item("received")
        with self.assertRefused(ValidationError, "another public body"):
            item.with_user(self.users["service"]).write(
                {"unit_id": self.other_body_unit.id}
            )
        item.with_user(self.users["service"]).write({"unit_id": self.other_unit.id})
        self.assertEqual(item.unit_id, self.other_unit)

    # PP 61/2010 Ps 10: a classification changes only through a new test and
    # a new decree.
    def test_identity_freezes_at_classification(self):
        item = self._create_item("exempted")
        changes = {
            "title": "Judul lain",
            "description": "Uraian lain",
            "source_document": "Dokumen lain",
            "unit_id": self.other_unit.id,
        }
        for role in ("pelaksana", "service", "head"):
            for name, value in changes.items():
                with self.subTest(role=role, field=name):
                    with self.assertRaises(REFUSED):
                        item.with_user(self.users[role]).write({name: value})
        self.assertEqual(
            item.title, "Berkas penyidikan perkara pengadaan alat kesehatan"
        )
        # Before classification the PPID still corrects the row.
        received = self._create_item("received")
        received.with_user(self.users["service"]).write({"title": "Judul dibetulkan"})
        self.assertEqual(received.title, "Judul dibetulkan")

    def test_unit_officer_writes_its_rows_only_as_drafts(self):
        item = self._create_item("received")
        with self.assertRefused(AccessError, "not allowed to change"):
            item.with_user(self.users["pelaksana"]).write({"title": "Judul lain"})

    def test_the_legal_record_freezes_at_opening(self):
        item = self._create_item(
            "opened", decree_reference="188.4/12/2026", decree_date=date(2026, 1, 6)
        )
        changes = {
            "decree_reference": "188.4/99/2026",
            "legal_basis_id": self.basis_h.id,
            "period_end_date": self.today + relativedelta(years=2),
            "review_date": self.today + relativedelta(months=6),
        }
        for name, value in changes.items():
            with self.subTest(field=name):
                with self.assertRaises(REFUSED):
                    item.with_user(self.users["service"]).write({name: value})
                with self.assertRaises(REFUSED):
                    item.write({name: value})  # superuser: a legal rule
        # The facts of the opening and the publication stay free.
        item.with_user(self.users["head"]).write({"open_note": "Catatan tambahan"})
        self.assertEqual(item.decree_reference, "188.4/12/2026")

    def test_huruf_follows_the_legal_basis(self):
        item = self._create_item("draft")
        for env in (item.with_user(self.users["manager"]), item):
            with self.assertRefused(UserError, "follows the legal basis"):
                env.write({"huruf": "j"})
        self.assertEqual(item.huruf, "a")
        self.assertEqual(self.basis_a.huruf, "a")
        item.write(
            {"legal_basis_id": self.basis_h.id, "legal_subpoint_id": self.basis_h2.id}
        )
        self.assertEqual(item.huruf, "h")

    def test_archive_reason_is_never_rewritten(self):
        item = self._create_item("draft")
        officer = item.with_user(self.users["pelaksana"])
        officer.write({"active": False, "archive_reason": "Tercatat dua kali."})
        with self.assertRefused(UserError, "never rewritten"):
            officer.write({"archive_reason": "Alasan lain."})
        with self.assertRefused(UserError, "never rewritten"):
            item.write({"archive_reason": "Alasan lain."})
        self.assertEqual(item.archive_reason, "Tercatat dua kali.")

    def test_the_reference_is_never_erased(self):
        # "/" asks a new item for its number; written later it would erase it
        draft = self._create_item("draft")
        exempted = self._create_item("exempted")
        for item, role in (
            (draft, "pelaksana"),
            *((exempted, r) for r in PPID_WRITERS),
        ):
            reference = item.name
            with self.subTest(role=role), self.assertRefused(AccessError, "pipeline"):
                item.with_user(self.users[role]).write({"name": "/"})
            self.assertEqual(item.name, reference)


@tagged("post_install", "-at_install")
class TestRulebookDatesAndPeriods(RulebookCase):
    def test_dates_out_of_range_are_refused_clearly(self):
        item = self._create_item("draft")
        officer = item.with_user(self.users["pelaksana"])
        for value in ("9999-12-31", "0001-01-01", date(1, 1, 1), "not a date"):
            for name in ("period_end_date", "review_date"):
                with self.subTest(field=name, value=value):
                    with self.assertRefused(ValidationError, "must be a date between"):
                        officer.write({name: value})
        with self.assertRefused(ValidationError, "must be a date between"):
            self.env["ppid.exempted.information"].with_user(
                self.users["pelaksana"]
            ).create(self._item_values(period_end_date="9999-12-31"))
        # Nothing was stored: the form of the item still opens for everyone.
        [values] = item.with_user(self.users["auditor"]).read(["expiry_notice_date"])
        self.assertIsInstance(values["expiry_notice_date"], date)

    def test_review_never_after_the_end_of_the_period(self):
        item = self._create_item("draft")
        with self.assertRefused(ValidationError, "cannot come after"):
            item.with_user(self.users["pelaksana"]).write(
                {"review_date": item.period_end_date + relativedelta(days=1)}
            )

    def test_texts_have_sane_lengths(self):
        item = self._create_item("draft")
        officer = item.with_user(self.users["pelaksana"])
        with self.assertRefused(ValidationError, "too long"):
            officer.write({"title": "x" * 501})
        with self.assertRefused(ValidationError, "too long"):
            officer.write({"description": "x" * 20001})
        officer.write({"title": "x" * 500})

    def test_hand_over_refuses_a_period_already_past(self):
        item = self._create_item(
            "draft",
            period_end_date=self.today - relativedelta(days=1),
            review_date=self.today - relativedelta(days=10),
        )
        with self.assertRefused(ValidationError, "in the future"):
            item.with_user(self.users["pelaksana"]).action_submit()
        self.assertEqual(item.state, "draft")

    def test_hand_over_refuses_more_than_the_huruf_allows(self):
        item = self._create_item(
            "draft", period_end_date=self.today + relativedelta(years=31)
        )
        with self.assertRefused(ValidationError, "30 years"):
            item.with_user(self.users["pelaksana"]).action_submit()

    # PP 61/2010 Ps 5(1): huruf a at most 30 years, a condition included.
    def test_condition_period_of_huruf_a_keeps_its_cap_and_expires(self):
        item = self._create_item(
            "documented",
            period_type="condition",
            period_end_event="case_closed",
            period_end_condition="Sampai putusan berkekuatan hukum tetap",
            period_end_date=date(2026, 4, 30),
            review_date=date(2026, 4, 1),
            documentation_waiver_reason="Hanya fisik.",
        )
        self.assertEqual(item.expiry_notice_date, date(2026, 3, 11))
        Item = self.env["ppid.exempted.information"]
        Item._cron_expiry(today=date(2026, 3, 10))
        self.assertEqual(item.state, "documented")
        Item._cron_expiry(today=date(2026, 3, 11))
        self.assertEqual(item.state, "expiring", "warned 30 working days before")
        Item._cron_expiry(today=date(2026, 4, 30))
        self.assertEqual(item.state, "opened")
        self.assertEqual(item.open_reason, "period_ended")

    def test_a_fulfilled_condition_opens_with_its_evidence(self):
        item = self._create_item(
            "documented",
            period_type="condition",
            period_end_event="decision_adopted",
            period_end_condition="Sampai Peraturan Bupati diundangkan",
            documentation_waiver_reason="Hanya fisik.",
        )
        head = item.with_user(self.users["head"])
        with self.assertRefused(ValidationError, "evidence"):
            head.action_open("condition_met")
        head.action_open(
            "condition_met",
            "Peraturan Bupati telah diundangkan dalam Berita Daerah.",
            "Perbup Kutai Kartanegara Nomor 7 Tahun 2026",
        )
        self.assertEqual(item.state, "opened")
        dated = self._create_item("documented", documentation_waiver_reason="Fisik.")
        with self.assertRefused(ValidationError, "ends with a condition"):
            dated.with_user(self.users["head"]).action_open(
                "condition_met", "Catatan", "Nomor 1"
            )


@tagged("post_install", "-at_install")
class TestRulebookActors(RulebookCase):
    def test_no_caller_poses_as_a_system_actor(self):
        item = self._create_item("testing")
        for forged in ("consequence_test", {"name": "consequence_test"}, True):
            posing = item.sudo().with_context(ppid_system_actor=forged)
            with self.subTest(forged=forged), self.assertRaises(AccessError):
                posing.write({"state": "approval"})
        with self.assertRaises(AccessError):
            item.sudo().write({"state": "approval"})
        # The actor that only code holds, with superuser rights.
        with self.assertRaises(AccessError):
            item.with_user(self.users["committee"]).with_context(
                ppid_system_actor=CONSEQUENCE_TEST
            ).write({"state": "approval"})
        item._as_system(CONSEQUENCE_TEST).write({"state": "approval"})
        self.assertEqual(item.state, "approval")

    def test_the_scheduler_is_the_only_one_to_warn(self):
        item = self._create_item("exempted")
        with self.assertRaises(AccessError):
            item.sudo().write({"state": "expiring"})
        item._as_system(EXPIRY).write({"state": "expiring"})
        self.assertEqual(item.state, "expiring")

    def test_buttons_and_server_agree_on_a_retested_classified_item(self):
        item = self._create_item("exempted")
        committee = item.with_user(self.users["committee"])
        committee.write({"state": "testing"})
        self.assertFalse(committee.can_return, "a classified item never goes back")
        with self.assertRaises(UserError):
            committee.action_return("Kembalikan")

    def test_buttons_follow_the_gate(self):
        item = self._create_item("approval", opening_proposed=True)
        head = item.with_user(self.users["head"])
        self.assertTrue(head.can_open)
        self.assertFalse(head.can_approve)
        item.sudo().opening_proposed = False
        head.invalidate_recordset()
        self.assertFalse(head.can_open)
        self.assertTrue(head.can_approve)

    def test_the_form_is_read_only_where_the_server_refuses(self):
        arch = (
            self.env["ppid.exempted.information"]
            .with_user(self.users["service"])
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertRegex(arch, r'name="title"[^>]*readonly="[^"]*locked_identity')
        self.assertRegex(arch, r'name="legal_basis_id"[^>]*readonly="[^"]*locked_legal')
        item = self._create_item("exempted")
        self.assertTrue(item.with_user(self.users["service"]).locked_identity)
        draft = self._create_item("draft").with_user(self.users["pelaksana"])
        self.assertFalse(draft.locked_identity)


@tagged("post_install", "-at_install")
class TestRulebookThroughRpc(HttpCase, RulebookCase):
    """The cross-body move tried as a plain RPC call of the web client."""

    @mute_logger("odoo.http")
    def test_rpc_cannot_move_an_item_to_another_body(self):
        item = self._create_item("exempted")
        for role in ("service", "head"):
            user = self.users[role]
            self.authenticate(user.login, user.login)
            with self.subTest(role=role), self.assertRaises(JsonRpcException):
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw/ppid.exempted.information/write",
                    {
                        "model": "ppid.exempted.information",
                        "method": "write",
                        "args": [
                            [item.id],
                            {
                                "company_id": self.other_body.id,
                                "unit_id": self.other_body_unit.id,
                            },
                        ],
                        "kwargs": {},
                    },
                )
        item.invalidate_recordset()
        self.assertEqual(item.company_id, self.company)
        self.assertEqual(item.unit_id, self.unit)


@tagged("post_install", "-at_install")
class TestMyTasks(RulebookCase):
    def test_each_role_sees_what_waits_for_it(self):
        items = {
            state: self._create_item(state)
            for state in ("draft", "submitted", "received", "approval", "exempted")
        }
        foreign_draft = self._create_item("draft", unit_id=self.other_unit.id)
        expected = {
            "pelaksana": {"draft"},
            "service": {"submitted", "received"},
            "committee": {"received"},
            "head": {"approval"},
            "documentation": {"exempted"},
            "auditor": set(),
        }
        Item = self.env["ppid.exempted.information"]
        for role, states in expected.items():
            with self.subTest(role=role):
                found = Item.with_user(self.users[role]).search(
                    [
                        ("is_my_task", "=", True),
                        (
                            "id",
                            "in",
                            [i.id for i in items.values()] + [foreign_draft.id],
                        ),
                    ]
                )
                self.assertEqual({item.state for item in found}, states)
                self.assertNotIn(foreign_draft, found)

    def test_days_left_count_working_days(self):
        item = self._create_item("draft")
        item.with_user(self.users["pelaksana"]).action_submit()
        self.assertTrue(item.step_deadline)
        self.assertIn(item.step_days_left, (0, 1), "receipt within 1 working hour")
        late = self._create_item(
            "submitted", submitted_datetime=datetime.now() - timedelta(days=30)
        )
        self.assertLess(late.step_days_left, -15)


@tagged("post_install", "-at_install")
class TestSessionFromTheItem(RulebookCase):
    """No dead end: the committee opens a session from the items, with the
    participants a lawful session needs, and each of them is asked to sign."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.ppid_official_id = cls.users["committee"]

    def test_session_prefilled_from_the_items(self):
        items = self._create_item("received") | self._create_item("exempted")
        committee = items.with_user(self.users["committee"])
        self.assertTrue(all(committee.mapped("can_new_test")))
        self.assertFalse(items.with_user(self.users["service"])[0].can_new_test)
        action = committee.action_new_consequence_test()
        self.assertEqual(action["views"], [(False, "form")])
        session = (
            self.env["ppid.consequence.test"]
            .with_user(self.users["committee"])
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(session.line_ids.information_id, items)
        self.assertEqual(
            {(p.user_id, p.capacity) for p in session.participant_ids},
            {
                (self.users["committee"], "ppid"),
                (self.users["pelaksana"], "unit"),
            },
        )
        self.assertNotEqual(session.name, "/")
        sign = self.env.ref("ppid_exempted.mail_activity_type_ppid_sign_test")
        asked = session.activity_ids.filtered(lambda a: a.activity_type_id == sign)
        self.assertEqual(asked.user_id, session.participant_ids.user_id)
        mine = session.participant_ids.filtered(
            lambda p: p.user_id == self.users["pelaksana"]
        )
        mine.with_user(self.users["pelaksana"]).action_sign()
        asked = session.activity_ids.filtered(lambda a: a.activity_type_id == sign)
        self.assertEqual(asked.user_id, self.users["committee"])

    def test_only_testable_items(self):
        draft = self._create_item("draft")
        with self.assertRefused(UserError, "cannot be tested now"):
            draft.with_user(self.users["committee"]).action_new_consequence_test()

    def test_the_picker_shows_reference_and_title(self):
        item = self._create_item("received", title="Berkas lelang jembatan")
        Item = self.env["ppid.exempted.information"].with_context(ppid_show_title=True)
        self.assertEqual(
            Item.browse(item.id).display_name, f"{item.name} – Berkas lelang jembatan"
        )
        found = Item.name_search("lelang jembatan")
        self.assertIn(item.id, [row[0] for row in found])
        self.assertEqual(item.display_name, item.name)


@tagged("post_install", "-at_install")
class TestBadText(RulebookCase):
    def test_a_nul_character_is_refused_clearly(self):
        item = self._create_item("draft")
        with self.assertRefused(ValidationError, "NUL"):
            item.with_user(self.users["pelaksana"]).write({"title": "Judul\x00"})

    def test_an_id_beyond_the_database_is_refused_clearly(self):
        item = self._create_item("draft")
        with self.assertRefused(ValidationError, "does not exist"):
            item.with_user(self.users["pelaksana"]).write({"unit_id": 2**40})
