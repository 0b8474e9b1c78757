# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from collections import Counter

from lxml import etree

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .register_common import RegisterCase


@tagged("post_install", "-at_install")
class TestDashboard(HttpCase, RegisterCase):
    """The managers' dashboard shows the figures the register shows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="ppid_dashboard_manager",
            groups="ppid_exempted.group_ppid_manager",
        )
        cls.items = (
            cls._create_item("exempted")
            | cls._create_item("documented", unit_id=cls.other_unit.id)
            | cls._create_item(
                "expiring",
                legal_basis_id=cls.basis_h.id,
                legal_subpoint_id=cls.basis_h2.id,
            )
            | cls._create_item("draft")
            | cls._create_item("testing", unit_id=cls.other_unit.id)
            | cls._create_item(
                "opened",
                approved_by_id=cls.users["head"].id,
                approved_datetime="2026-01-05 09:00:00",
            )
        )

    def _filter_domain(self, name):
        items = self.env["ppid.exempted.information"]
        arch = items.get_views([(False, "search")])["views"]["search"]["arch"]
        [node] = etree.fromstring(arch).xpath(f"//filter[@name='{name}']")
        return safe_eval(node.get("domain"))

    def test_dashboard_figures_match_the_register(self):
        items = self.env["ppid.exempted.information"].with_user(self.manager)
        domain = [
            ("company_id", "=", self.company.id),
            *self._filter_domain("in_register"),
        ]
        rows = self.env["ppid.register"]._register_rows(self.company, self.today)
        self.assertEqual(len(rows), 3)
        registered = items.browse([row["information_id"] for row in rows])

        by_unit = dict(items._read_group(domain, ["unit_id"], ["__count"]))
        self.assertEqual(by_unit, dict(Counter(item.unit_id for item in registered)))
        by_huruf = dict(items._read_group(domain, ["huruf"], ["__count"]))
        self.assertEqual(by_huruf, dict(Counter(registered.mapped("huruf"))))
        self.assertEqual(by_huruf, {"a": 2, "h": 1})

        by_state = dict(
            items._read_group([("id", "in", self.items.ids)], ["state"], ["__count"])
        )
        self.assertEqual(by_state, dict(Counter(self.items.mapped("state"))))

    def test_dashboard_views_load_for_a_manager(self):
        action = self.env.ref(
            "ppid_exempted.ppid_exempted_information_action_dashboard"
        )
        self.assertEqual(action.view_mode.split(",")[0], "graph")
        items = self.env["ppid.exempted.information"].with_user(self.manager)
        views = items.get_views(action.views)
        self.assertIn("graph", views["views"])
        groups = items.formatted_read_group(
            [("id", "in", self.items.ids)], ["state", "unit_id"], ["__count"]
        )
        self.assertEqual(sum(group["__count"] for group in groups), len(self.items))
        menu = self.env.ref("ppid_exempted.ppid_reporting_menu")
        visible = self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self.assertNotIn(
            menu.id,
            self.env["ir.ui.menu"]
            .with_user(self.users["pelaksana"])
            ._visible_menu_ids(),
        )

    def test_reporting_menu_opens_on_the_dashboard(self):
        self.start_tour(
            "/odoo", "ppid_exempted_reporting_dashboard", login="ppid_dashboard_manager"
        )
