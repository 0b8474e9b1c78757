# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common_classification import ClassificationCase


@tagged("post_install", "-at_install")
class TestClassificationThroughTheServer(HttpCase, ClassificationCase):
    """Signatures and approvals cannot be forged by a request to the server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rpc_committee = new_test_user(
            cls.env,
            login="ppid_rpc_committee2",
            password="ppid_rpc_committee2_pw",
            groups="ppid_exempted.group_ppid_committee",
        )
        cls.rpc_head = new_test_user(
            cls.env,
            login="ppid_rpc_head2",
            password="ppid_rpc_head2_pw",
            groups="ppid_exempted.group_ppid_head",
        )

    def _call(self, records, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{records._name}/{method}",
            {
                "model": records._name,
                "method": method,
                "args": [records.ids, *args],
                "kwargs": kwargs,
            },
        )

    @mute_logger("odoo.http")
    def test_signature_cannot_be_forged_over_rpc(self):
        test = self._session(self._create_item("received"))
        unit_row = test.participant_ids.filtered(lambda p: p.capacity == "unit")
        self.authenticate("ppid_rpc_committee2", "ppid_rpc_committee2_pw")
        with self.assertRaises(JsonRpcException) as refused:
            self._call(
                unit_row,
                "write",
                {"signed_datetime": "2026-03-02 10:00:00", "signed_by_id": 2},
            )
        self.assertIn("AccessError", str(refused.exception))
        with self.assertRaises(JsonRpcException):
            self._call(unit_row, "action_sign")
        with self.assertRaises(JsonRpcException):
            self._call(test, "write", {"state": "done"})
        with self.assertRaises(JsonRpcException):
            self._call(unit_row, "_reset_signatures")
        unit_row.invalidate_recordset()
        self.assertFalse(unit_row.signed_datetime)

    @mute_logger("odoo.http")
    def test_decree_approval_only_by_the_head_over_rpc(self):
        item, decree = self._approval_item()
        self.authenticate("ppid_rpc_committee2", "ppid_rpc_committee2_pw")
        with self.assertRaises(JsonRpcException) as refused:
            self._call(decree, "action_approve")
        self.assertIn("AccessError", str(refused.exception))
        with self.assertRaises(JsonRpcException):
            self._call(decree, "write", {"state": "approved"})
        with self.assertRaises(JsonRpcException):
            self._call(item, "_apply_decree_lines", decree.line_ids.ids)
        decree.invalidate_recordset()
        self.assertEqual(decree.state, "draft")

        self.authenticate("ppid_rpc_head2", "ppid_rpc_head2_pw")
        self._call(decree, "action_approve")
        decree.invalidate_recordset()
        item.invalidate_recordset()
        self.assertEqual(decree.state, "approved")
        self.assertEqual(decree.approved_by_id, self.rpc_head)
        self.assertEqual(item.state, "exempted")
        self.assertEqual(item.decree_reference, decree.name)

    @mute_logger("odoo.http")
    def test_decree_line_and_law_catalogue_hold_over_rpc(self):
        _item, decree = self._approval_item()
        line = decree.line_ids
        self.authenticate("ppid_rpc_committee2", "ppid_rpc_committee2_pw")
        for values in (
            {"test_line_id": False},
            {"legal_basis_id": self.basis_h.id, "harm_if_opened": "Tidak diuji."},
        ):
            with self.assertRaises(JsonRpcException) as refused:
                self._call(line, "write", values)
            self.assertIn("UserError", str(refused.exception))
        line.invalidate_recordset()
        self.assertTrue(line.test_line_id)
        self.assertEqual(line.legal_basis_id, self.basis_a)

        manager = new_test_user(
            self.env,
            login="ppid_rpc_manager2",
            password="ppid_rpc_manager2_pw",
            groups="ppid_exempted.group_ppid_manager",
        )
        self.authenticate(manager.login, "ppid_rpc_manager2_pw")
        with self.assertRaises(JsonRpcException) as refused:
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/ppid.legal.basis/write",
                {
                    "model": "ppid.legal.basis",
                    "method": "write",
                    "args": [self.basis_a.ids, {"max_period_years": 0}],
                    # The loader's context key does not make a caller the loader.
                    "kwargs": {"context": {"install_mode": True, "module": "x"}},
                },
            )
        self.assertIn("UserError", str(refused.exception))
        self.basis_a.invalidate_recordset()
        self.assertEqual(self.basis_a.max_period_years, 30)

    def test_committee_signs_and_completes_in_the_form(self):
        # The tour user is the PPID official here; a body that asks for no
        # other member (the composition itself: test_classification_integrity).
        self.company.write(
            {
                "ppid_official_id": self.rpc_committee.id,
                "ppid_test_min_other_members": 0,
            }
        )
        item = self._create_item("received", title="Tur: berkas yang diuji")
        test = self._session(
            item,
            participants=[
                {"user_id": self.rpc_committee.id, "capacity": "ppid"},
                {"user_id": self.users["pelaksana"].id, "capacity": "unit"},
            ],
        )
        test.with_user(self.users["pelaksana"]).action_sign()
        self.start_tour(
            f"/odoo/consequence-tests/{test.id}",
            "ppid_exempted_consequence_test_complete",
            login="ppid_rpc_committee2",
        )
        test.invalidate_recordset()
        item.invalidate_recordset()
        self.assertEqual(test.state, "done")
        self.assertEqual(item.state, "approval")
        self.assertEqual(len(test.decree_ids), 1)

    def test_head_approves_the_decree_in_the_form(self):
        item, decree = self._approval_item(title="Tur: berkas untuk ditetapkan")
        self.start_tour(
            f"/odoo/classification-decrees/{decree.id}",
            "ppid_exempted_decree_approve",
            login="ppid_rpc_head2",
        )
        decree.invalidate_recordset()
        item.invalidate_recordset()
        self.assertEqual(decree.state, "approved")
        self.assertEqual(decree.approved_by_id, self.rpc_head)
        self.assertEqual(item.state, "exempted")
