# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import json
from datetime import datetime, timedelta

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .register_common import PUBLISHED, RegisterCase

SECRET = "Identitas saksi kunci bernama Budi"


@tagged("post_install", "-at_install")
class TestIntegrationApi(HttpCase, RegisterCase):
    """Other systems read the published register through the JSON-2 API with
    an API key of a dedicated integration user, and follow its changes in a
    JSON Feed: published, classified items of their own body, metadata only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.published = cls._create_item(
            "exempted",
            title="Berkas penyidikan dana hibah",
            harm_if_opened=SECRET,
            **PUBLISHED,
        )
        cls.unpublished = cls._create_item("exempted", title="Belum dipublikasikan")
        cls.draft = cls._create_item("draft", title="Masih draf")
        cls.foreign = cls._create_foreign_item(title="Milik badan lain", **PUBLISHED)
        cls.opened = cls._create_item("opened", title="Sudah dibuka")
        cls._create_opened_entry(cls.opened)
        cls.portal_user = new_test_user(
            cls.env,
            login="ppid_portal_api",
            groups="base.group_user,ppid_exempted.group_ppid_integration",
        )
        cls.key = cls._api_key(cls.portal_user)
        cls.unit_key = cls._api_key(cls.users["pelaksana"])

    @classmethod
    def _api_key(cls, user):
        return (
            cls.env["res.users.apikeys"]
            .with_user(user)
            ._generate("rpc", "Portal PPID", datetime.now() + timedelta(days=1))
        )

    def _call(self, model, method, key=None, **params):
        self.env.flush_all()
        headers = {"Content-Type": "application/json"}
        if key is not False:
            headers["Authorization"] = f"Bearer {key or self.key}"
        return self.url_open(
            f"/json/2/{model}/{method}", data=json.dumps(params), headers=headers
        )

    def test_integration_user_reads_published_metadata_through_json2(self):
        response = self._call(
            "ppid.published.information",
            "search_read",
            domain=[],
            fields=["reference", "title", "legal_basis", "consequence_if_opened"],
        )
        self.assertEqual(response.status_code, 200, response.text[:300])
        self.assertEqual(
            response.json(),
            [
                {
                    "id": self.published.id,
                    "reference": self.published.name,
                    "title": "Berkas penyidikan dana hibah",
                    "legal_basis": "Pasal 17 huruf a angka 1 UU Nomor 14 Tahun 2008",
                    "consequence_if_opened": PUBLISHED["published_harm_summary"],
                }
            ],
        )
        # every field of the model is public metadata: nothing else to ask for
        fields = self._call(
            "ppid.published.information", "fields_get", attributes=["type"]
        ).json()
        for internal in ("harm_if_opened", "softcopy_file", "description"):
            self.assertNotIn(internal, fields)
        everything = self._call("ppid.published.information", "search_read", domain=[])
        self.assertNotIn(SECRET, everything.text)

    @mute_logger("odoo.http")
    def test_integration_user_reads_nothing_else(self):
        for model in (
            "ppid.exempted.information",
            "ppid.vault.document",
            "ppid.register.issue",
            "ppid.dik.import",
        ):
            with self.subTest(model=model):
                response = self._call(model, "search_read", domain=[])
                self.assertEqual(response.status_code, 403, response.text[:300])
                self.assertNotIn(SECRET, response.text)
        # grouping by a column reaches the published rows only
        groups = self._call(
            "ppid.published.information",
            "formatted_read_group",
            domain=[],
            groupby=["company_id"],
            aggregates=["__count"],
        ).json()
        self.assertEqual([group["__count"] for group in groups], [1])

    @mute_logger("odoo.http")
    def test_no_key_or_a_key_without_the_integration_role_is_refused(self):
        response = self._call("ppid.published.information", "search_read", key=False)
        self.assertEqual(response.status_code, 401)
        response = self._call(
            "ppid.published.information", "search_read", key="not-a-key", domain=[]
        )
        self.assertEqual(response.status_code, 401)
        # a unit officer's key opens its own PPID menus, not the integration view
        response = self._call(
            "ppid.published.information", "search_read", key=self.unit_key, domain=[]
        )
        self.assertEqual(response.status_code, 403)

    def test_changes_feed_lists_published_changes_only(self):
        self.env.flush_all()
        response = self.url_open(f"/ppid/{self.company.id}/changes.json")
        self.assertEqual(response.status_code, 200, response.text[:300])
        self.assertIn("application/feed+json", response.headers["Content-Type"])
        feed = response.json()
        self.assertEqual(feed["version"], "https://jsonfeed.org/version/1.1")
        events = sorted(
            (item["_ppid"]["event"], item["_ppid"]["reference"])
            for item in feed["items"]
        )
        self.assertEqual(
            events,
            sorted([("published", self.published.name), ("opened", self.opened.name)]),
        )
        for absent in (SECRET, "Belum dipublikasikan", "Masih draf", "Milik badan"):
            self.assertNotIn(absent, response.text)
        # a portal that polls with `since` receives what changed after it
        later = (datetime.now() + timedelta(days=1)).isoformat(timespec="seconds")
        feed = self.url_open(
            f"/ppid/{self.company.id}/changes.json?since={later}"
        ).json()
        self.assertEqual(feed["items"], [])

    @mute_logger("odoo.http")
    def test_changes_feed_refuses_bad_input(self):
        response = self.url_open(f"/ppid/{self.company.id}/changes.json?since=kemarin")
        self.assertEqual(response.status_code, 400)
        response = self.url_open("/ppid/999999/changes.json")
        self.assertEqual(response.status_code, 404)
