# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from ..models.ppid_rulebook import CONSEQUENCE_TEST, EXPIRY
from .common import ROLES, PpidCase

STATES = [
    "draft",
    "submitted",
    "received",
    "testing",
    "approval",
    "exempted",
    "documented",
    "expiring",
    "opened",
]
# The pipeline as the SOPs and PP 61/2010 describe it, written out by hand:
# (from, to) -> the roles that may make the move; () = only a system actor
# (the completed test session, the expiry scheduler).
EXPECTED_MOVES = {
    ("draft", "submitted"): {"pelaksana"},
    ("submitted", "received"): {"service"},
    ("submitted", "draft"): {"service"},
    ("received", "testing"): {"service", "committee"},
    ("testing", "approval"): set(),
    ("testing", "opened"): set(),
    ("testing", "draft"): {"committee"},
    ("approval", "exempted"): {"head"},
    ("approval", "testing"): {"head"},
    ("approval", "opened"): {"head"},
    ("approval", "expiring"): {"head"},
    ("exempted", "documented"): {"documentation"},
    ("exempted", "expiring"): set(),
    ("documented", "expiring"): set(),
    ("exempted", "opened"): {"head"},
    ("documented", "opened"): {"head"},
    ("expiring", "opened"): {"head"},
    ("exempted", "testing"): {"committee"},
    ("documented", "testing"): {"committee"},
    ("expiring", "testing"): {"committee"},
}
RETURNS = {("submitted", "draft"), ("testing", "draft"), ("approval", "testing")}
SOFTCOPY = {
    "softcopy_file": base64.b64encode(b"softcopy"),
    "softcopy_filename": "salinan.pdf",
}


@tagged("post_install", "-at_install")
class TestPipeline(PpidCase):
    @classmethod
    def _documented_values(cls):
        return {**SOFTCOPY, **cls._hardcopy_values()}

    def _transition_values(self, source, target):
        values = {"state": target}
        if (source, target) in RETURNS:
            values["return_reason"] = "Lembar uji belum ditandatangani."
        if target == "opened" and source == "testing":
            values["open_reason"] = "test_open"
        elif target == "opened":
            values["open_reason"] = "court"
            values["open_decision_reference"] = "Putusan PTUN Nomor 12/G/KI/2026"
        return values

    def test_transition_matrix_by_role(self):
        """Each transition works for the role that owns it, for no other (write
        is what a kanban drag and an RPC call do)."""
        for (source, target), owners in EXPECTED_MOVES.items():
            for role in ROLES:
                with self.subTest(source=source, target=target, role=role):
                    # The head opens from approval what a re-test proposed,
                    # now or, in the last 30 working days, at a later date.
                    proposed = source == "approval" and target != "exempted"
                    scheduled = (source, target) == ("approval", "expiring")
                    values = self._documented_values()
                    if scheduled:
                        values["period_end_date"] = self.today + timedelta(days=20)
                        values["review_date"] = self.today
                    item = self._create_item(
                        source, **values, opening_proposed=proposed
                    )
                    as_user = item.with_user(self.users[role])
                    values = self._transition_values(source, target)
                    move = as_user.write
                    if scheduled:
                        # The decision records its date and reason itself.
                        def move(_values, as_user=as_user):
                            as_user.action_schedule_opening(note="Uji ulang: terbuka.")

                    if role in owners:
                        move(values)
                        self.assertEqual(item.state, target)
                    else:
                        with self.assertRaises(UserError):
                            move(values)
                        self.assertEqual(item.state, source)

    def test_system_transitions_only_for_the_scheduler(self):
        for source in ("exempted", "documented"):
            item = self._create_item(source, **self._documented_values())
            for role in ROLES:
                with self.assertRaises(UserError):
                    item.with_user(self.users[role]).write({"state": "expiring"})
            # A bare superuser cannot pose as the scheduler.
            with self.assertRaises(UserError):
                item.write({"state": "expiring"})
            item._as_system(EXPIRY).write({"state": "expiring"})
            self.assertEqual(item.state, "expiring")

    def test_undefined_transitions_refused_for_everyone(self):
        """Rule 3: no shortcut exists, not even for the superuser."""
        for source in STATES:
            for target in STATES:
                if source == target or (source, target) in EXPECTED_MOVES:
                    continue
                with self.subTest(source=source, target=target):
                    item = self._create_item(source, **self._documented_values())
                    with self.assertRefused(UserError, "cannot move"):
                        item.write(self._transition_values(source, target))

    def test_new_items_start_as_draft(self):
        Item = self.env["ppid.exempted.information"].with_user(self.users["pelaksana"])
        with self.assertRaises(UserError):
            Item.create(self._item_values(state="exempted"))
        item = Item.create(self._item_values())
        self.assertEqual(item.state, "draft")
        self.assertTrue(item.name.startswith("DIK/"))

    def test_buttons_walk_the_whole_pipeline(self):
        item = (
            self.env["ppid.exempted.information"]
            .with_user(self.users["pelaksana"])
            .create(self._item_values(**SOFTCOPY))
        )
        steps = [
            ("pelaksana", "action_submit", "submitted"),
            ("service", "action_receive", "received"),
            ("committee", "action_start_test", "testing"),
            ("head", "action_approve", "exempted"),
            ("documentation", "action_document", "documented"),
        ]
        for role, method, state in steps:
            if state == "exempted":
                # Only a completed consequence-test session concludes a test.
                item._as_system(CONSEQUENCE_TEST).write({"state": "approval"})
            if state == "documented":
                item.with_user(self.users[role]).write(self._hardcopy_values())
            getattr(item.with_user(self.users[role]), method)()
            self.assertEqual(item.state, state)
        self.assertTrue(item.submitted_datetime)
        self.assertEqual(item.received_by_id, self.users["service"])
        self.assertTrue(item.received_datetime)
        self.assertEqual(item.approved_by_id, self.users["head"])
        self.assertTrue(item.approved_datetime)

    def test_buttons_refused_for_other_roles(self):
        buttons = {
            "draft": ("action_submit", "pelaksana"),
            "submitted": ("action_receive", "service"),
            "received": ("action_start_test", "service"),
            "approval": ("action_approve", "head"),
            "exempted": ("action_document", "documentation"),
        }
        for state, (method, owner) in buttons.items():
            for role in ROLES:
                if role == owner or (state == "received" and role == "committee"):
                    continue
                with self.subTest(state=state, role=role):
                    item = self._create_item(state, **self._documented_values())
                    with self.assertRaises(UserError):
                        getattr(item.with_user(self.users[role]), method)()
                    self.assertEqual(item.state, state)

    def test_button_visibility_follows_the_table(self):
        item = self._create_item("approval")
        self.assertTrue(item.with_user(self.users["head"]).can_approve)
        self.assertTrue(item.with_user(self.users["head"]).can_return)
        self.assertFalse(item.with_user(self.users["committee"]).can_approve)
        self.assertFalse(item.with_user(self.users["manager"]).can_approve)

    def test_return_needs_a_reason_and_keeps_it(self):
        item = self._create_item("approval")
        head_item = item.with_user(self.users["head"])
        with self.assertRefused(UserError, "reason"):
            head_item.write({"state": "testing"})  # a kanban drag backwards
        action = head_item.action_return_reason_wizard()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(self.users["head"])
            .with_context(**action["context"])
        )
        wizard_form.reason = "Analisis kepentingan publik belum lengkap."
        wizard_form.save().action_confirm()
        self.assertEqual(item.state, "testing")
        self.assertEqual(
            item.return_reason, "Analisis kepentingan publik belum lengkap."
        )

    def test_only_a_completed_session_concludes_a_test(self):
        """Rules 3 and 5: no button, drag or RPC call leaves the test; the
        session's completion does (as a system transition)."""
        item = self._create_item("testing")
        for role in ROLES:
            for values in ({"state": "approval"}, {"state": "opened"}):
                with self.subTest(role=role, values=values):
                    with self.assertRaises(UserError):
                        item.with_user(self.users[role]).write(
                            {**values, "open_reason": "test_open"}
                        )
        self.assertEqual(item.state, "testing")
        item._as_system(CONSEQUENCE_TEST).write(
            {"state": "opened", "open_reason": "test_open"}
        )
        self.assertTrue(item.opened_date)
        self.assertFalse(
            self.env["ppid.public.information"].search(
                [("information_id", "=", item.id)]
            )
        )

    def test_stamps_cannot_be_forged(self):
        item = self._create_item("exempted")
        head = self.users["head"]
        for role in ROLES:
            with self.subTest(role=role), self.assertRaises(UserError):
                item.with_user(self.users[role]).write({"state": "exempted"})
        for field_name, value in (
            ("approved_by_id", self.users["pelaksana"].id),
            ("received_datetime", "2026-01-01 00:00:00"),
            ("submitted_datetime", "2026-01-01 00:00:00"),
        ):
            with self.subTest(field=field_name):
                with self.assertRefused(AccessError, "recorded by the pipeline"):
                    item.with_user(head).write({field_name: value})
        self.assertEqual(item.approved_by_id, head)
        Item = self.env["ppid.exempted.information"].with_user(self.users["pelaksana"])
        with self.assertRefused(AccessError, "recorded by the pipeline"):
            Item.create(self._item_values(approved_by_id=head.id))

    def test_unit_officer_cannot_move_items_out_of_its_units(self):
        item = self._create_item("draft")
        officer_item = item.with_user(self.users["pelaksana"])
        with self.assertRefused(AccessError, "your own units"):
            officer_item.write({"unit_id": self.other_unit.id})
        self.assertEqual(item.unit_id, self.unit)
        item.with_user(self.users["service"]).write({"unit_id": self.other_unit.id})
        self.assertEqual(item.unit_id, self.other_unit)

    def test_a_returned_item_that_was_handed_over_is_never_deleted(self):
        item = self._create_item("submitted", submitted_datetime="2026-11-02 02:00:00")
        item.with_user(self.users["service"]).action_return("Lembar uji kurang.")
        self.assertEqual(item.state, "draft")
        with self.assertRefused(UserError, "archive"):
            item.with_user(self.users["pelaksana"]).unlink()

    def test_only_drafts_can_be_deleted(self):
        draft = self._create_item("draft")
        draft.with_user(self.users["pelaksana"]).unlink()
        self.assertFalse(draft.exists())
        submitted = self._create_item("submitted")
        with self.assertRefused(UserError, "archive"):
            submitted.unlink()

    def test_documentation_needs_softcopy_and_location_or_a_waiver(self):
        item = self._create_item("exempted")
        officer_item = item.with_user(self.users["documentation"])
        with self.assertRaises(ValidationError):
            officer_item.action_document()
        item.documentation_waiver_reason = "Dokumen hanya tersedia dalam bentuk fisik."
        officer_item.action_document()
        self.assertEqual(item.state, "documented")

    def test_unit_officer_sees_only_its_units(self):
        mine = self._create_item("draft")
        other = self._create_item("draft", unit_id=self.other_unit.id)
        Item = self.env["ppid.exempted.information"].with_user(self.users["pelaksana"])
        visible = Item.search([("id", "in", (mine | other).ids)])
        self.assertEqual(visible, mine)
        with self.assertRaises(AccessError):
            other.with_user(self.users["pelaksana"]).read(["title"])
        mine_filter = Item.search(
            [("in_my_units", "=", True), ("id", "in", (mine | other).ids)]
        )
        self.assertEqual(mine_filter, mine)

    def test_unit_officer_compiles_an_item_in_the_form(self):
        """The web client sends every field of a new record, empty ones too."""
        Item = self.env["ppid.exempted.information"].with_user(self.users["pelaksana"])
        with Form(Item) as form:
            form.title = "Data rekam medis pasien"
            form.unit_id = self.unit
            form.legal_basis_id = self.basis_h
            form.legal_subpoint_id = self.basis_h2
            form.description = "Rekam medis pasien rawat inap."
        item = form.record
        self.assertEqual(item.state, "draft")
        self.assertEqual(item.user_id, self.users["pelaksana"])
        copy = item.with_user(self.users["pelaksana"]).copy()
        self.assertEqual(copy.state, "draft")
