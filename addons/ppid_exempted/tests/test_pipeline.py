# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from ..models.ppid_exempted_information import RETURNS, STATE_SELECTION, TRANSITIONS
from .common import ROLES, PpidCase

STATES = [state for state, _label in STATE_SELECTION]
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
        if target == "opened":
            values["open_reason"] = "test_open" if source == "testing" else "court"
        return values

    def test_transition_matrix_by_role(self):
        """Each transition works for the role that owns it, for no other (write
        is what a kanban drag and an RPC call do)."""
        for (source, target), owners in TRANSITIONS.items():
            for role in ROLES:
                with self.subTest(source=source, target=target, role=role):
                    item = self._create_item(source, **self._documented_values())
                    as_user = item.with_user(self.users[role])
                    values = self._transition_values(source, target)
                    if role in owners:
                        as_user.write(values)
                        self.assertEqual(item.state, target)
                    else:
                        with self.assertRaises(UserError):
                            as_user.write(values)
                        self.assertEqual(item.state, source)

    def test_system_transitions_only_for_the_scheduler(self):
        for source in ("exempted", "documented"):
            item = self._create_item(source, **self._documented_values())
            for role in ROLES:
                with self.assertRaises(UserError):
                    item.with_user(self.users[role]).write({"state": "expiring"})
            item.write({"state": "expiring"})  # superuser: the expiry cron
            self.assertEqual(item.state, "expiring")

    def test_undefined_transitions_refused_for_everyone(self):
        """Rule 3: no shortcut exists, not even for the superuser."""
        for source in STATES:
            for target in STATES:
                if source == target or (source, target) in TRANSITIONS:
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
            ("committee", "action_conclude_exempted", "approval"),
            ("head", "action_approve", "exempted"),
            ("documentation", "action_document", "documented"),
        ]
        for role, method, state in steps:
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
            "testing": ("action_conclude_exempted", "committee"),
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

    def test_refusal_at_the_test_opens_with_its_reason(self):
        item = self._create_item("testing")
        committee_item = item.with_user(self.users["committee"])
        with self.assertRefused(UserError, "reason"):
            committee_item.write({"state": "opened"})
        action = committee_item.action_open_reason_wizard()
        self.assertEqual(action["context"]["default_open_reason"], "test_open")
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.users["committee"])
            .with_context(**action["context"])
            .create({"reason": "Tidak memenuhi uji konsekuensi."})
        )
        wizard.action_confirm()
        self.assertEqual(item.state, "opened")
        self.assertEqual(item.open_reason, "test_open")
        self.assertTrue(item.opened_date)

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
