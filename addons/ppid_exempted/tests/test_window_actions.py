# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.web.controllers.utils import clean_action

from .common import ROLES
from .common_classification import ClassificationCase


class TestWindowActions(ClassificationCase):
    """Every window the addon opens loads its views for every role that may
    open it: a window action without `views` crashes the web client."""

    def _assert_views_load(self, action, user, label):
        """What the web client does with a window action: read `views`, add
        the search view, load them all (`get_views`)."""
        self.assertTrue(action.get("views"), f"{label}: the action has no views")
        model = self.env[action["res_model"]].with_user(user)
        views = [list(view) for view in action["views"]]
        search_view = action.get("search_view_id") or False
        if isinstance(search_view, (list, tuple)):
            search_view = search_view[0]
        views.append([search_view, "search"])
        result = model.get_views(views, {"toolbar": True, "load_filters": True})
        for _view_id, view_type in views:
            self.assertIn(view_type, result["views"], label)
        # The context's search_default_* name filters of the search view.
        context = action.get("context") or {}
        if isinstance(context, str):
            context = safe_eval(context, {"uid": user.id, "active_id": False})
        search = etree.fromstring(result["views"]["search"]["arch"])
        names = {node.get("name") for node in search.iter("filter", "field")}
        for key in context:
            if key.startswith("search_default_"):
                self.assertIn(
                    key.removeprefix("search_default_"),
                    names,
                    f"{label}: {key} names no filter of the search view",
                )

    def test_window_actions_of_the_addon(self):
        actions = self.env["ir.actions.act_window"].search(
            [
                (
                    "id",
                    "in",
                    self.env["ir.model.data"]
                    .search(
                        [
                            ("module", "=", "ppid_exempted"),
                            ("model", "=", "ir.actions.act_window"),
                        ]
                    )
                    .mapped("res_id"),
                )
            ]
        )
        self.assertGreater(len(actions), 10)
        opened = 0
        for role in ROLES:
            user = self.users[role]
            for action in actions:
                if action.group_ids and not (action.group_ids & user.all_group_ids):
                    continue
                if not self.env[action.res_model].with_user(user).has_access("read"):
                    continue
                values = action.with_user(user).sudo()._get_action_dict()
                with self.subTest(role=role, action=action.name):
                    self._assert_views_load(values, user, f"{role}: {action.name}")
                    opened += 1
        self.assertGreater(opened, len(actions))

    def test_archive_returns_a_window_with_views(self):
        """The form's and the list's Archive call `action_archive` through
        call_kw, which does not add the views a button's call_button adds."""
        draft = self._create_item("draft", user_id=self.users["pelaksana"].id)
        exempted = self._create_item("exempted")
        for role, items in (("pelaksana", draft), ("head", exempted | draft)):
            user = self.users[role]
            action = items.with_user(user).action_archive()
            self.assertEqual(action["res_model"], "ppid.exempted.archive.wizard")
            self._assert_views_load(action, user, f"{role}: archive")
        keeper = self.users["documentation"]
        action = exempted.with_user(keeper).action_transfer_custody_wizard()
        self._assert_views_load(action, keeper, "custody transfer")

    def test_buttons_open_windows_with_views(self):
        """Windows opened by buttons, as the server hands them to the client."""
        item, decree = self._approval_item()
        test = decree.test_id
        head = self.users["head"]
        committee = self.users["committee"]
        manager = self.users["manager"]
        returned = [
            (committee, test.with_user(committee).action_open_decrees()),
            (head, decree.with_user(head).action_open_items()),
            (
                committee,
                test.line_ids[:1].with_user(committee).action_open_information(),
            ),
            (head, item.with_user(head).action_return_reason_wizard()),
            (head, item.with_user(head).action_open_reason_wizard()),
        ]
        issue = (
            self.env["ppid.register.issue"]
            .with_user(self.users["documentation"])
            .create({"decree_reference": "SK 1/2026", "decree_date": self.today})
        )
        returned.append((self.users["documentation"], issue.action_view_lines()))
        wizard = (
            self.env["ppid.holiday.load.wizard"]
            .with_user(manager)
            .create({"year": 2026})
        )
        returned.append((manager, wizard.action_load()))
        for user, action in returned:
            with self.subTest(action=action.get("name") or action["res_model"]):
                cleaned = clean_action(dict(action), env=self.env(user=user))
                self._assert_views_load(cleaned, user, action["res_model"])


@tagged("post_install", "-at_install")
class TestArchiveTour(HttpCase, ClassificationCase):
    """Archive-with-reason from the form, in a real browser."""

    def test_head_archives_from_the_form(self):
        head = self.users["head"]
        head.password = head.login  # start_tour logs in with the login as password
        item = self._create_item("exempted", title="Tour: berkas diarsipkan")
        self.start_tour(
            f"/odoo/exempted-information/{item.id}",
            "ppid_exempted_archive_with_reason",
            login=head.login,
        )
        item.invalidate_recordset()
        self.assertFalse(item.active)
        self.assertEqual(item.archive_reason, "Tercatat dua kali, lihat DIK/2026/0012.")


class TestActivityMenuFilters(ClassificationCase):
    """The activity menu of the top bar opens the items with the search
    defaults `activities_overdue`, `activities_today`, `activities_upcoming_all`
    and `filter_activities_my`: the search view must define them."""

    def test_activity_menu_filters_select_my_activities(self):
        service = self.users["service"]
        late, today, later, other = (
            self._create_item("received", title=title)
            for title in ("Terlambat", "Hari ini", "Mendatang", "Orang lain")
        )
        for item, days, user in (
            (late, -2, service),
            (today, 0, service),
            (later, 3, service),
            (other, -2, self.users["documentation"]),
        ):
            item.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=self.today + relativedelta(days=days),
                user_id=user.id,
            )
        Item = self.env["ppid.exempted.information"].with_user(service)
        arch = etree.fromstring(
            Item.get_views([[False, "search"]])["views"]["search"]["arch"]
        )
        nodes = {node.get("name"): node for node in arch.iter("filter")}
        mine = late | today | later
        expected = {
            "filter_activities_my": mine,
            "activities_overdue": late,
            "activities_today": today,
            "activities_upcoming_all": later,
        }
        for name, items in expected.items():
            with self.subTest(filter=name):
                self.assertIn(name, nodes)
                domain = safe_eval(nodes[name].get("domain"), {"uid": service.id})
                found = Item.search(domain + [("id", "in", (mine | other).ids)])
                self.assertEqual(found, items)
