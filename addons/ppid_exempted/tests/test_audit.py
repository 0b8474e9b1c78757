# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from ..models.ppid_rulebook import CONSEQUENCE_TEST
from .common import PpidCase
from .common_classification import ClassificationCase


@tagged("post_install", "-at_install")
class TestAuditTrail(ClassificationCase):
    def _log(self, item, **conditions):
        domain = [("information_id", "=", item.id)]
        domain += [(key, "=", value) for key, value in conditions.items()]
        return self.env["ppid.audit.log"].search(domain, order="id")

    def test_rule_27_every_state_change_is_in_the_audit_log(self):
        item = (
            self.env["ppid.exempted.information"]
            .with_user(self.users["pelaksana"])
            .create(self._item_values())
        )
        created = self._log(item, event="create")
        self.assertEqual(created.user_id, self.users["pelaksana"])
        self.assertEqual(created.information_ref, item.name)
        steps = [
            ("pelaksana", "action_submit"),
            ("service", "action_receive"),
            ("committee", "action_start_test"),
            ("head", "action_approve"),
        ]
        for role, method in steps:
            if method == "action_approve":
                # The committee's completed session concludes, as the system.
                item.with_user(self.users["committee"])._as_system(
                    CONSEQUENCE_TEST
                ).write({"state": "approval"})
            getattr(item.with_user(self.users[role]), method)()
        item.with_user(self.users["head"]).action_open(
            "court", "Putusan PN 12/2026", "Putusan PN Tenggarong 12/Pid.B/2026"
        )
        rows = self._log(item, event="state")
        self.assertEqual(
            [(row.user_id, row.old_value, row.new_value) for row in rows],
            [
                (self.users["pelaksana"], "Draft", "Submitted"),
                (self.users["service"], "Submitted", "Received"),
                (self.users["committee"], "Received", "Consequence Test"),
                (self.users["committee"], "Consequence Test", "Awaiting Approval"),
                (self.users["head"], "Awaiting Approval", "Exempted"),
                (self.users["head"], "Exempted", "Opened"),
            ],
        )
        self.assertTrue(all(rows.mapped("date")))
        self.assertEqual(rows[-1].reason, "Putusan PN 12/2026")

    def test_rule_27_decree_approval_is_logged_with_what_it_decided(self):
        item = self._create_item("received")
        test = self._completed(item)
        test.decree_ids.with_user(self.users["head"]).action_approve()
        state = self._log(item, event="state", new_value="Exempted")
        self.assertEqual(len(state), 1, "logged once, whichever door approved it")
        self.assertEqual(state.user_id, self.users["head"])
        self.assertEqual(
            (state.old_value, state.new_value), ("Awaiting Approval", "Exempted")
        )
        fields_logged = set(self._log(item, event="field").mapped("field_name"))
        self.assertIn("decree_reference", fields_logged)
        self.assertIn("approved_by_id", fields_logged)

    def test_rule_27_state_change_by_any_path_is_logged(self):
        """A kanban drag (write) and a return with a reason are logged too."""
        item = self._create_item("approval")
        head_item = item.with_user(self.users["head"])
        head_item.write({"state": "testing", "return_reason": "Kurang lengkap."})
        row = self._log(item, event="state")
        self.assertEqual(
            (row.old_value, row.new_value), ("Awaiting Approval", "Consequence Test")
        )
        self.assertEqual(row.reason, "Kurang lengkap.")

    def test_rule_27_legal_field_changes_are_logged(self):
        item = self._create_item("draft")
        officer_item = item.with_user(self.users["pelaksana"])
        officer_item.write(
            {
                "legal_basis_id": self.basis_h.id,
                "legal_subpoint_id": self.basis_h2.id,
                "harm_if_opened": "Stigma bagi pasien.",
            }
        )
        rows = self._log(item, event="field")
        changes = {row.field_name: (row.old_value, row.new_value) for row in rows}
        self.assertEqual(
            changes["legal_basis_id"],
            (self.basis_a.display_name, self.basis_h.display_name),
        )
        self.assertEqual(
            changes["harm_if_opened"],
            ("Menghambat proses penyidikan.", "Stigma bagi pasien."),
        )
        self.assertEqual(set(rows.mapped("user_id")), {self.users["pelaksana"]})
        # Writing the same value again records nothing.
        officer_item.write({"harm_if_opened": "Stigma bagi pasien."})
        self.assertEqual(len(self._log(item, event="field")), len(rows))

    def test_rule_27_audit_log_survives_the_chatter(self):
        """An administrator can delete chatter messages, not the audit trail."""
        item = self._create_item("draft")
        item.with_user(self.users["pelaksana"]).action_submit()
        item.message_post(body="Diserahkan.")
        item.message_ids.unlink()
        self.assertTrue(self._log(item, event="state"))

    def test_rule_27_logs_are_append_only(self):
        item = self._create_item("draft")
        item.with_user(self.users["pelaksana"]).action_submit()
        audit = self._log(item)
        self.env["ppid.vault.log"]._append(
            [{"event": "download", "information_id": item.id, "file_name": "x.pdf"}]
        )
        access = self.env["ppid.vault.log"].search([("information_id", "=", item.id)])
        admin = self.env.ref("base.user_admin")
        self.assertTrue(admin.has_group("base.group_system"))
        for log in (audit, access):
            for user in (admin, self.users["manager"], self.users["auditor"]):
                with self.subTest(model=log._name, user=user.login):
                    with self.assertRaises(UserError):
                        log.with_user(user).write({"reason": "dihapus"})
                    with self.assertRaises(UserError):
                        log.with_user(user).unlink()
                    with self.assertRaises(UserError):
                        log.with_user(user).create({"event": "download"})
            with self.assertRaises(UserError):
                log.write({"date": "2020-01-01 00:00:00"})  # even as superuser
            with self.assertRaises(UserError):
                log.unlink()
        self.assertTrue(audit.exists() and access.exists())

    def test_rule_27_deleting_a_draft_is_logged(self):
        item = self._create_item("draft")
        reference = item.name
        item.with_user(self.users["pelaksana"]).unlink()
        row = self.env["ppid.audit.log"].search(
            [("information_ref", "=", reference), ("event", "=", "delete")]
        )
        self.assertEqual(row.user_id, self.users["pelaksana"])
        self.assertFalse(row.information_id)


@tagged("post_install", "-at_install")
class TestArchiveWithReason(PpidCase):
    def test_rule_27_items_past_draft_are_never_deleted(self):
        for state in ("submitted", "exempted", "opened"):
            item = self._create_item(state)
            for user in (self.users["manager"], self.env.ref("base.user_admin")):
                with (
                    self.subTest(state=state, user=user.login),
                    self.assertRaises(UserError),
                ):
                    item.with_user(user).unlink()
            self.assertTrue(item.exists())

    def test_rule_27_archiving_requires_a_reason_on_every_path(self):
        item = self._create_item("exempted")
        head_item = item.with_user(self.users["head"])
        # The Archive action (list, form, RPC) opens the wizard, nothing more.
        action = head_item.action_archive()
        self.assertEqual(action["res_model"], "ppid.exempted.archive.wizard")
        self.assertTrue(item.active)
        # A direct write, as the client or a script would do, needs the reason.
        for path in (head_item, item):  # the head, then even the superuser
            with self.assertRefused(UserError, "reason"):
                path.write({"active": False})
            with self.assertRefused(UserError, "reason"):
                path.write({"active": False, "archive_reason": "  "})
        self.assertTrue(item.active)
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.users["head"])
            .with_context(**action["context"])
        )
        wizard.reason = "Tercatat dua kali; lihat butir sebelumnya."
        wizard.save().action_confirm()
        self.assertFalse(item.active)
        self.assertEqual(
            item.archive_reason, "Tercatat dua kali; lihat butir sebelumnya."
        )
        row = self.env["ppid.audit.log"].search(
            [("information_id", "=", item.id), ("event", "=", "archive")]
        )
        self.assertEqual(row.user_id, self.users["head"])
        self.assertEqual(row.reason, "Tercatat dua kali; lihat butir sebelumnya.")
        head_item.action_unarchive()
        self.assertTrue(item.active)
        self.assertTrue(
            self.env["ppid.audit.log"].search(
                [("information_id", "=", item.id), ("event", "=", "unarchive")]
            )
        )

    def test_rule_27_who_may_archive(self):
        item = self._create_item("exempted")
        values = {"active": False, "archive_reason": "Duplikat."}
        for role in ("pelaksana", "service", "committee", "documentation", "auditor"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                item.with_user(self.users[role]).write(values)
        item.with_user(self.users["manager"]).write(values)
        self.assertFalse(item.active)
        draft = self._create_item("draft")
        draft.with_user(self.users["pelaksana"]).write(values)
        self.assertFalse(draft.active)
