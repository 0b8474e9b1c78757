# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import PpidCase


@tagged("post_install", "-at_install")
class TestThroughTheServer(HttpCase, PpidCase):
    """The same rules hold for requests that reach the real HTTP server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head = new_test_user(
            cls.env,
            login="ppid_tour_head",
            password="ppid_tour_head_pw",
            groups="ppid_exempted.group_ppid_head",
        )
        cls.committee = new_test_user(
            cls.env,
            login="ppid_rpc_committee",
            password="ppid_rpc_committee_pw",
            groups="ppid_exempted.group_ppid_committee",
        )

    def _call(self, item, method, *args):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{item._name}/{method}",
            {
                "model": item._name,
                "method": method,
                "args": [item.ids, *args],
                "kwargs": {},
            },
        )

    @mute_logger("odoo.http")
    def test_rpc_write_is_guarded_like_the_buttons(self):
        item = self._create_item("approval")
        self.authenticate("ppid_rpc_committee", "ppid_rpc_committee_pw")
        with self.assertRaises(JsonRpcException) as refused:
            self._call(item, "write", {"state": "exempted"})
        self.assertIn("AccessError", str(refused.exception))
        with self.assertRaises(JsonRpcException):
            self._call(item, "action_approve")
        item.invalidate_recordset()
        self.assertEqual(item.state, "approval")

        self.authenticate("ppid_tour_head", "ppid_tour_head_pw")
        self._call(item, "write", {"state": "exempted"})  # a kanban drag
        item.invalidate_recordset()
        self.assertEqual(item.state, "exempted")
        self.assertEqual(item.approved_by_id, self.head)

    def test_head_approves_from_the_kanban(self):
        item = self._create_item("approval", title="Tour: berkas untuk disetujui")
        self.start_tour(
            "/odoo/exempted-information",
            "ppid_exempted_kanban_approve",
            login="ppid_tour_head",
        )
        item.invalidate_recordset()
        self.assertEqual(item.state, "exempted")
        self.assertEqual(item.approved_by_id, self.head)
