# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

"""The vault against the running server: URLs, tokens, RPC, the chatter's
zip, with every role and the system administrator."""

from odoo import http
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from ..models.ppid_vault_document import VAULT_MODEL
from .common import ROLES
from .test_vault import VAULT_READERS, VaultCase


@tagged("post_install", "-at_install")
class TestVaultThroughTheServer(HttpCase, VaultCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (
            cls.item,
            cls.field_att,
            cls.chatter_att,
            cls.softcopy,
            cls.memo,
        ) = cls._vault_item()
        cls.token = cls.chatter_att.generate_access_token()[0]
        cls.raw_token = cls.chatter_att._get_raw_access_token()

    def _login(self, role):
        user = self.users[role]
        self.authenticate(user.login, user.login)
        return user

    def _rpc(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _content_urls(self):
        item, field_att, chatter_att = self.item, self.field_att, self.chatter_att
        return [
            (f"/web/content/{field_att.id}", self.softcopy),
            (f"/web/content/{field_att.id}?download=true", self.softcopy),
            (f"/web/content/{VAULT_MODEL}/{item.id}/softcopy_file", self.softcopy),
            (
                f"/web/content?model={VAULT_MODEL}&id={item.id}&field=softcopy_file",
                self.softcopy,
            ),
            (f"/web/content/{chatter_att.id}", self.memo),
            (f"/web/content/{chatter_att.id}?access_token={self.token}", self.memo),
            (f"/web/content/{chatter_att.id}?access_token={self.raw_token}", self.memo),
            (f"/web/image/{chatter_att.id}", self.memo),
        ]

    @mute_logger("odoo.http")
    def test_rule_27_urls_serve_documents_to_vault_roles_only(self):
        for role in ROLES:
            user = self._login(role)
            for url, content in self._content_urls():
                with self.subTest(role=role, url=url):
                    response = self.url_open(url)
                    if role in VAULT_READERS:
                        self.assertEqual(response.status_code, 200)
                        self.assertEqual(response.content, content)
                    else:
                        self.assertNotEqual(response.content, content)
                        if url.startswith("/web/content"):
                            self.assertEqual(response.status_code, 404)
            logs = self.env["ppid.vault.log"].search([("user_id", "=", user.id)])
            with self.subTest(role=role, check="log"):
                if role in VAULT_READERS:
                    downloads = logs.filtered(lambda log: log.event == "download")
                    self.assertEqual(len(downloads), len(self._content_urls()))
                    self.assertEqual(set(downloads.mapped("ip_address")), {"127.0.0.1"})
                    self.assertEqual(
                        set(downloads.mapped("information_id")), {self.item}
                    )
                    self.assertEqual(
                        set(downloads.mapped("file_name")),
                        {"bap_saksi.pdf", "memo_rahasia.pdf"},
                    )
                else:
                    self.assertFalse(logs.filtered(lambda log: log.event == "download"))
                    # Every refused download is logged; image previews are not.
                    self.assertEqual(
                        len(logs.filtered(lambda log: log.event == "denied")),
                        len(self._content_urls()) - 1,
                    )

    @mute_logger("odoo.http")
    def test_rule_27_system_administrator_gets_nothing_by_url(self):
        self.authenticate("admin", "admin")
        for url, content in self._content_urls():
            with self.subTest(url=url):
                self.assertNotEqual(self.url_open(url).content, content)

    @mute_logger("odoo.http")
    def test_rule_27_rpc_cannot_reach_documents_without_a_vault_role(self):
        attachments = self.field_att | self.chatter_att
        domain = [("res_model", "=", VAULT_MODEL), ("res_id", "=", self.item.id)]
        for role in ("service", "auditor", "manager"):
            self._login(role)
            with self.subTest(role=role):
                self.assertEqual(
                    self._rpc("ir.attachment", "search_read", domain, fields=["name"]),
                    [],
                )
                self.assertEqual(
                    self._rpc(
                        "ir.attachment", "search_count", [("id", "in", attachments.ids)]
                    ),
                    0,
                )
                groups = self._rpc(
                    "ir.attachment",
                    "formatted_read_group",
                    domain,
                    aggregates=["__count"],
                )
                self.assertEqual(groups[0]["__count"], 0)
                for method, args in (
                    ("read", [attachments.ids, ["datas"]]),
                    ("web_read", [self.chatter_att.ids, {"raw": {}}]),
                    ("write", [self.chatter_att.ids, {"public": True}]),
                ):
                    with self.assertRaises(JsonRpcException):
                        self._rpc("ir.attachment", method, *args)
                with self.assertRaises(JsonRpcException):
                    self._rpc(VAULT_MODEL, "read", self.item.ids, ["softcopy_file"])
        self.assertFalse(self.chatter_att.public)

    @mute_logger("odoo.http")
    def test_rule_27_rpc_gives_a_vault_role_metadata_never_content(self):
        self._login("head")
        domain = [("res_model", "=", VAULT_MODEL), ("res_id", "=", self.item.id)]
        found = self._rpc("ir.attachment", "search_read", domain, fields=["name"])
        self.assertEqual([row["name"] for row in found], ["memo_rahasia.pdf"])
        for method, args, kwargs in (
            ("search_read", [domain], {"fields": ["name", "datas"]}),
            ("read", [self.chatter_att.ids, ["raw"]], {}),
            ("read", [self.item.ids, ["softcopy_file"]], {}),
        ):
            model = VAULT_MODEL if "softcopy_file" in args[-1] else "ir.attachment"
            with self.subTest(method=method), self.assertRaises(JsonRpcException):
                self._rpc(model, method, *args, **kwargs)
        sized = self._rpc(
            VAULT_MODEL,
            "read",
            self.item.ids,
            ["softcopy_file"],
            context={"bin_size": True},
        )
        self.assertNotEqual(sized[0]["softcopy_file"].encode(), self.softcopy)
        with self.assertRaises(JsonRpcException):
            # Even a vault role cannot make a document public.
            self._rpc("ir.attachment", "write", self.chatter_att.ids, {"public": True})

    @mute_logger("odoo.http")
    def test_rule_27_chatter_zip_and_pdf_preview_follow_the_vault(self):
        ids = ",".join(map(str, (self.field_att | self.chatter_att).ids))
        for role, allowed in (("auditor", False), ("committee", True)):
            user = self._login(role)
            with self.subTest(role=role):
                response = self.url_open(
                    "/mail/attachment/zip",
                    data={
                        "file_ids": ids,
                        "zip_name": "dik.zip",
                        "csrf_token": http.Request.csrf_token(self),
                    },
                )
                self.assertEqual(response.status_code, 200 if allowed else 404)
                preview = self.url_open(
                    f"/mail/attachment/pdf_first_page/{self.chatter_att.id}"
                )
                self.assertNotEqual(preview.content, self.memo)
                logs = self.env["ppid.vault.log"].search([("user_id", "=", user.id)])
                expected = "download" if allowed else "denied"
                self.assertEqual(set(logs.mapped("event")), {expected})

    @mute_logger("odoo.http")
    def test_rule_27_archive_and_logs_through_rpc(self):
        item = self._create_item("exempted")
        self._login("head")
        action = self._rpc(VAULT_MODEL, "action_archive", item.ids)
        self.assertEqual(action["res_model"], "ppid.exempted.archive.wizard")
        with self.assertRaises(JsonRpcException):
            self._rpc(VAULT_MODEL, "write", item.ids, {"active": False})
        item.invalidate_recordset()
        self.assertTrue(item.active)
        with self.assertRaises(JsonRpcException):
            self._rpc(VAULT_MODEL, "unlink", item.ids)
        self.authenticate("admin", "admin")
        audit = self.env["ppid.audit.log"].search([("information_id", "=", item.id)])
        for method, args in (
            ("write", [audit.ids, {"reason": "x"}]),
            ("unlink", [audit.ids]),
            ("create", [{"event": "create"}]),
        ):
            with self.subTest(method=method), self.assertRaises(JsonRpcException):
                self._rpc("ppid.audit.log", method, *args)
        with self.assertRaises(JsonRpcException):
            self._rpc(
                "ppid.vault.log", "unlink", self.env["ppid.vault.log"].search([]).ids
            )
        self.assertTrue(audit.exists())

    def test_rule_27_auditor_form_shows_names_not_files(self):
        self.start_tour(
            f"/odoo/exempted-information/{self.item.id}",
            "ppid_exempted_vault_auditor",
            login=self.users["auditor"].login,
        )
        self.assertFalse(
            self.env["ppid.vault.log"].search(
                [("user_id", "=", self.users["auditor"].id)]
            ),
            "Opening the form downloads nothing",
        )


@tagged("post_install", "-at_install")
class TestChatterFilesThroughTheServer(HttpCase, VaultCase):
    """Odoo's chatter uploads and posts as the superuser: the vault's rule on
    who adds files to a handed-over item holds there too."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.item = cls._vault_item()[0]

    def _files_of_item(self):
        return self.env["ir.attachment"].search_count(
            [("res_model", "=", VAULT_MODEL), ("res_id", "=", self.item.id)]
        )

    def _upload(self, role, pending=False):
        user = self.users[role]
        self.authenticate(user.login, user.login)
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "thread_id": self.item.id,
                "thread_model": VAULT_MODEL,
                "is_pending": "true" if pending else "false",
            },
            files={"ufile": ("catatan.pdf", b"%PDF-1.4 catatan", "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_only_the_documentation_officer_uploads_to_a_handed_over_item(self):
        before = self._files_of_item()
        for role in ("service", "committee", "head"):
            with self.subTest(role=role):
                self.assertIn("documentation officer", self._upload(role)["error"])
        self.assertEqual(self._files_of_item(), before)
        self.assertIn("data", self._upload("documentation"))
        self.assertEqual(self._files_of_item(), before + 1)

    @mute_logger("odoo.http")
    def test_a_pending_file_does_not_join_the_item_with_its_message(self):
        pending = self._upload("head", pending=True)["data"]["attachment_id"]
        before = self._files_of_item()
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": VAULT_MODEL,
                    "thread_id": self.item.id,
                    "post_data": {"body": "Lampiran", "attachment_ids": [pending]},
                },
            )
        self.assertEqual(self._files_of_item(), before)
