# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
import csv
import io
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .register_common import PUBLISHED, RegisterCase
from .test_public_version import end_transaction

# The keys of the public feeds, in their order (written out by hand): the
# whitelist of what the public may see, nothing else.
PUBLIC_REGISTER_KEYS = [
    "reference",
    "title",
    "holding_unit",
    "legal_basis",
    "consequence_if_opened",
    "consequence_if_closed",
    "period_end_date",
    "period_end_condition",
    "decree_number",
    "decree_date",
    "status",
]
PUBLIC_OPENED_KEYS = [
    "reference",
    "title",
    "opened_date",
    "reason",
    "reason_label",
    "announcement",
]

PUBLIC_FEEDS = ("dik", "dik.csv", "dik.json", "opened", "opened.csv", "opened.json")

# Item fields whose value a published row may show for the item used below
# (huruf a, period until a date): everything else is secret.
SHOWN_ITEM_FIELDS = {
    "name",
    "title",
    "published_harm_summary",
    "published_interest_summary",
    "decree_reference",
}


@tagged("post_install", "-at_install")
class TestPublication(HttpCase, RegisterCase):
    """The public routes, through the real server, without logging in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reader = new_test_user(
            cls.env,
            login="ppid_register_reader",
            password="ppid_register_reader_pw",
            groups="ppid_exempted.group_ppid_documentation",
        )

    def _get(self, path, **kwargs):
        self.env.flush_all()
        return self.url_open(path, **kwargs)

    def _feed(self, name, company=None, **kwargs):
        company = company or self.company
        response = self._get(f"/ppid/{company.id}/{name}", **kwargs)
        self.assertEqual(response.status_code, 200, response.text[:500])
        return response

    def _json_items(self, name="dik.json", company=None):
        return self._feed(name, company).json()["items"]

    def _csv_rows(self, name="dik.csv", company=None):
        return list(csv.DictReader(io.StringIO(self._feed(name, company).text)))

    # ------------------------------------------------------------------
    # What is published
    # ------------------------------------------------------------------

    def test_public_routes_serve_the_published_classified_items_of_the_body(self):
        shown = [
            self._create_item(state, title=f"Tampil {state}", **PUBLISHED)
            for state in ("exempted", "documented", "expiring")
        ]
        hidden = [
            self._create_item("exempted", title="Tidak dipublikasikan"),
            self._create_item("draft", title="Masih draf", **PUBLISHED),
            self._create_item("testing", title="Sedang diuji", **PUBLISHED),
            self._create_item("opened", title="Sudah dibuka", **PUBLISHED),
            self._create_foreign_item(title="Milik badan lain", **PUBLISHED),
        ]
        expected = sorted(item.name for item in shown)
        self.assertEqual(
            sorted(row["reference"] for row in self._json_items()), expected
        )
        self.assertEqual(sorted(row["reference"] for row in self._csv_rows()), expected)
        page = self._feed("dik").text
        for item in shown:
            self.assertIn(item.title, page)
        for item in hidden:
            self.assertNotIn(item.title, page)
            self.assertNotIn(item.name, page)
        foreign = self._json_items(company=self.other_company)
        self.assertEqual([row["title"] for row in foreign], ["Milik badan lain"])

    def test_feeds_have_stable_field_names(self):
        item = self._create_item(
            "exempted",
            decree_reference="188.4/12/2026",
            decree_date=date(2026, 1, 6),
            period_end_date=date(2031, 1, 5),
            **PUBLISHED,
        )
        document = self._feed("dik.json").json()
        self.assertEqual(
            set(document), {"format_version", "public_body", "count", "items"}
        )
        self.assertEqual(
            document["public_body"], {"id": self.company.id, "name": self.company.name}
        )
        self.assertEqual(document["count"], 1)
        [row] = document["items"]
        self.assertEqual(list(row), PUBLIC_REGISTER_KEYS)
        self.assertEqual(
            row,
            {
                "reference": item.name,
                "title": item.title,
                "holding_unit": "Dinas Kesehatan",
                "legal_basis": "Pasal 17 huruf a angka 1 UU Nomor 14 Tahun 2008",
                "consequence_if_opened": PUBLISHED["published_harm_summary"],
                "consequence_if_closed": PUBLISHED["published_interest_summary"],
                "period_end_date": "2031-01-05",
                "period_end_condition": "",
                "decree_number": "188.4/12/2026",
                "decree_date": "2026-01-06",
                "status": "exempted",
            },
        )
        self.assertEqual(
            self._csv_rows(), [{key: value or "" for key, value in row.items()}]
        )
        csv_response = self._feed("dik.csv")
        self.assertTrue(csv_response.headers["Content-Type"].startswith("text/csv"))
        self.assertEqual(csv_response.headers["Access-Control-Allow-Origin"], "*")

        opened = self._create_item("opened", title="Sudah dibuka")
        self._create_opened_entry(opened, date(2026, 3, 2))
        [announcement] = self._json_items("opened.json")
        self.assertEqual(list(announcement), PUBLIC_OPENED_KEYS)
        self.assertEqual(announcement["reference"], opened.name)
        self.assertEqual(announcement["opened_date"], "2026-03-02")
        self.assertEqual(announcement["reason"], "period_ended")
        self.assertEqual(
            [row["reference"] for row in self._csv_rows("opened.csv")], [opened.name]
        )

    def test_public_pages_are_self_contained_and_embeddable(self):
        self._create_item("exempted", **PUBLISHED)
        opened = self._create_item("opened", title="Sudah dibuka")
        self._create_opened_entry(opened)
        for name, heading in (
            ("dik", "Daftar Informasi yang Dikecualikan"),
            ("opened", "Pengumuman Informasi yang Telah Dibuka"),
        ):
            with self.subTest(page=name):
                response = self._feed(name)
                self.assertTrue(
                    response.headers["Content-Type"].startswith("text/html")
                )
                csp = response.headers["Content-Security-Policy"]
                self.assertIn("default-src 'none'", csp)
                self.assertIn("frame-ancestors *", csp)
                self.assertNotIn("X-Frame-Options", response.headers)
                self.assertNotIn("Set-Cookie", response.headers)
                page = response.text
                self.assertTrue(page.startswith("<!DOCTYPE html>"))
                self.assertIn('<html lang="id">', page)
                self.assertIn('name="viewport"', page)
                self.assertNotIn("<script", page)
                self.assertNotIn("/web/assets", page)
                self.assertIn(f"<h1>{heading}</h1>", page)

    def test_public_pages_are_paginated_and_feeds_are_not(self):
        self.env["ir.config_parameter"].set_param("ppid_exempted.public_page_size", "2")
        items = [
            self._create_item("exempted", title=f"Halaman item {n}", **PUBLISHED)
            for n in range(5)
        ]
        titles = []
        for page in (1, 2, 3):
            content = self._feed(f"dik?page={page}").text
            titles += [item.title for item in items if item.title in content]
            self.assertIn(f"Halaman {page} dari 3", content)
        self.assertEqual(sorted(titles), sorted(item.title for item in items))
        self.assertIn('rel="next"', self._feed("dik?page=1").text)
        self.assertNotIn('rel="next"', self._feed("dik?page=3").text)
        self.assertIn("Halaman 1 dari 3", self._feed("dik?page=oops").text)
        self.assertEqual(len(self._json_items()), 5)
        self.assertEqual(len(self._csv_rows()), 5)
        etags = {self._feed(f"dik?page={page}").headers["ETag"] for page in (1, 2)}
        self.assertEqual(len(etags), 2)

    @mute_logger("odoo.http")
    def test_public_routes_refuse_what_they_do_not_serve(self):
        missing = self.env["res.company"].search([], order="id desc", limit=1).id + 1
        self.assertEqual(self._get(f"/ppid/{missing}/dik.json").status_code, 404)
        # A citizen who mistypes reads why, in Bahasa Indonesia.
        page = self._get(f"/ppid/{missing}/dik")
        self.assertEqual(page.status_code, 404)
        self.assertIn("Halaman tidak ditemukan", page.text)
        response = self._get(f"/ppid/{self.company.id}/dik.json", data={"x": "1"})
        self.assertEqual(response.status_code, 405)
        # unknown query parameters (e.g. a website's cache buster) are ignored
        self.assertEqual(
            self._get(f"/ppid/{self.company.id}/dik.json?v=3").status_code, 200
        )

    # ------------------------------------------------------------------
    # Rule 20: metadata only, never content
    # ------------------------------------------------------------------

    def _secret_values(self, prefix):
        """A distinctive value for every text field a published row never shows."""
        item_model = self.env["ppid.exempted.information"]
        values = {}
        for name, field in item_model._fields.items():
            if (
                field.store
                and field.type in ("char", "text", "html")
                and not field.compute
                and not field.related
                and name not in SHOWN_ITEM_FIELDS
            ):
                values[name] = f"{prefix}{name.upper()}ZQX"
        for name, field in item_model._fields.items():
            if field.type == "binary" and field.store:
                values[name] = base64.b64encode(
                    f"{prefix}{name.upper()}BINZQX".encode()
                )
        return values

    def test_rule_20_public_routes_return_only_whitelisted_metadata(self):
        secrets = self._secret_values("SECRETITEM")
        self.assertLessEqual(
            {
                "description",
                "source_document",
                "harm_if_opened",
                "interest_if_closed",
                "public_interest_note",
                "exempt_part",
                "consent_evidence",
                "period_basis",
                "softcopy_file",
                "unit_test_sheet",
            },
            set(secrets),
        )
        secret_user = new_test_user(
            self.env,
            login="secret_officer",
            name="SECRETUSERNAMEZQX",
            groups="ppid_exempted.group_ppid_head",
        )
        self.unit.write({"code": "SECRETUNITCODEZQX", "head_user_id": secret_user.id})
        published = self._create_item(
            "documented",
            title="Judul yang boleh terbit",
            user_id=secret_user.id,
            approved_by_id=secret_user.id,
            review_date=date(2029, 7, 19),
            **secrets,
            **PUBLISHED,
        )
        published.message_post(body="SECRETCHATTERZQX")
        attachment = self.env["ir.attachment"].create(
            {
                "name": "SECRETATTACHMENTNAMEZQX.pdf",
                "raw": b"SECRETATTACHMENTCONTENTZQX",
                "res_model": published._name,
                "res_id": published.id,
            }
        )
        unpublished = self._create_item(
            "exempted", title="SECRETUNPUBLISHEDTITLEZQX", **secrets
        )
        opened = self._create_item(
            "opened",
            title="Judul yang sudah dibuka",
            **self._secret_values("OPENEDSECRET"),
        )
        self._create_opened_entry(opened)
        foreign = self._create_foreign_item(
            title="SECRETFOREIGNTITLEZQX",
            published_harm_summary="SECRETFOREIGNHARMZQX",
            published_interest_summary="SECRETFOREIGNINTERESTZQX",
            is_published=True,
        )
        forbidden = [
            *(
                value if isinstance(value, bytes) else value.encode()
                for value in secrets.values()
            ),
            *(
                base64.b64decode(value)
                for value in secrets.values()
                if isinstance(value, bytes)
            ),
            b"OPENEDSECRET",
            b"SECRETUSERNAMEZQX",
            b"SECRETUNITCODEZQX",
            b"SECRETCHATTERZQX",
            b"SECRETATTACHMENT",
            b"SECRETUNPUBLISHEDTITLEZQX",
            unpublished.name.encode(),
            b"SECRETFOREIGN",
            foreign.name.encode(),
            b"2029-07-19",
            b"19 Juli 2029",
        ]
        for feed in PUBLIC_FEEDS:
            with self.subTest(feed=feed):
                content = self._feed(feed).content
                for secret in forbidden:
                    self.assertNotIn(secret, content)
                if feed.startswith("dik"):
                    # not vacuous: the published row is there, metadata only
                    self.assertIn(published.name.encode(), content)
                    self.assertIn(b"Judul yang boleh terbit", content)
                    self.assertIn(PUBLISHED["published_harm_summary"].encode(), content)
                else:
                    self.assertIn(b"Judul yang sudah dibuka", content)
        # the attachment of a published item stays behind the login as well
        # (/web/image answers with a placeholder picture)
        response = self._get(f"/web/content/{attachment.id}")
        self.assertIn(response.status_code, (403, 404))
        for url in (f"/web/content/{attachment.id}", f"/web/image/{attachment.id}"):
            with self.subTest(url=url):
                response = self._get(url)
                self.assertNotIn(b"SECRETATTACHMENT", response.content)

    def test_rule_20_public_announcements_never_list_an_exempted_item(self):
        opened = self._create_item("opened", title="Pengumuman sah")
        self._create_opened_entry(opened)
        reclassified = self._create_item("opened", title="Kembali dikecualikan")
        self._create_opened_entry(reclassified)
        self.env.cr.execute(
            "UPDATE ppid_exempted_information SET state = 'exempted' WHERE id = %s",
            [reclassified.id],
        )
        self.env.invalidate_all()
        for feed in ("opened.json", "opened.csv", "opened"):
            with self.subTest(feed=feed):
                content = self._feed(feed).text
                self.assertIn("Pengumuman sah", content)
                self.assertNotIn("Kembali dikecualikan", content)

    # ------------------------------------------------------------------
    # Conditional requests
    # ------------------------------------------------------------------

    def test_conditional_requests_answer_304(self):
        item = self._create_item("exempted", **PUBLISHED)
        for feed in PUBLIC_FEEDS:
            with self.subTest(feed=feed):
                first = self._feed(feed)
                etag = first.headers["ETag"]
                last_modified = first.headers["Last-Modified"]
                self.assertEqual(
                    first.headers["Cache-Control"],
                    "public, max-age=60, must-revalidate",
                )
                for headers in (
                    {"If-None-Match": etag},
                    {"If-Modified-Since": last_modified},
                    {"If-None-Match": etag, "If-Modified-Since": last_modified},
                ):
                    response = self._get(
                        f"/ppid/{self.company.id}/{feed}", headers=headers
                    )
                    self.assertEqual(response.status_code, 304)
                    self.assertEqual(response.content, b"")
                    self.assertEqual(response.headers["ETag"], etag)
                stale = self._get(
                    f"/ppid/{self.company.id}/{feed}",
                    headers={"If-None-Match": '"something-else"'},
                )
                self.assertEqual(stale.status_code, 200)
                self.assertEqual(stale.content, first.content)
        etags = {feed: self._feed(feed).headers["ETag"] for feed in PUBLIC_FEEDS}
        self.assertEqual(len(set(etags.values())), len(PUBLIC_FEEDS))

        # A new published item changes the representation and its ETag.
        self._create_item("exempted", title="Item baru", **PUBLISHED)
        response = self._get(
            f"/ppid/{self.company.id}/dik.json",
            headers={"If-None-Match": etags["dik.json"]},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Item baru", response.text)
        self.assertNotEqual(response.headers["ETag"], etags["dik.json"])

        # A change made by a later transaction (later write date) does too.
        etag = response.headers["ETag"]
        item.with_user(
            self.users["service"]
        ).published_harm_summary = "Judul diperbarui"
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ppid_exempted_information "
            "SET write_date = write_date + interval '1 second' WHERE id = %s",
            [item.id],
        )
        response = self._get(
            f"/ppid/{self.company.id}/dik.json", headers={"If-None-Match": etag}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Judul diperbarui", response.text)

    def test_validators_follow_only_the_published_rows(self):
        """An edit of an unpublished draft or of a classified item that is not
        published changes neither the ETag nor the Last-Modified of any feed
        (they would reveal activity on unpublished information)."""
        published = self._create_item("exempted", title="Terbit", **PUBLISHED)
        draft = self._create_item("draft", title="Draf")
        unpublished = self._create_item("exempted", title="Tidak terbit")
        opened = self._create_item("opened", title="Sudah dibuka")
        self._create_opened_entry(opened)

        def validators():
            return {
                feed: (
                    self._feed(feed).headers["ETag"],
                    self._feed(feed).headers["Last-Modified"],
                )
                for feed in PUBLIC_FEEDS
            }

        before = validators()
        self.assertEqual(before, validators())  # stable between requests
        self.env.flush_all()
        # later write dates than every published row
        self.env.cr.execute("SELECT now() at time zone 'UTC' + interval '1 hour'")
        later = self.env.cr.fetchone()[0]
        draft.title = "Draf diubah"
        unpublished.review_date = unpublished.review_date - relativedelta(days=1)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ppid_exempted_information SET write_date = %s WHERE id IN %s",
            [later, (draft.id, unpublished.id)],
        )
        self.assertEqual(validators(), before)

        # an edit of the published row changes both, in a later transaction
        end_transaction(self.env)
        published.with_user(
            self.users["service"]
        ).published_harm_summary = "Ringkasan diubah"
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ppid_exempted_information SET write_date = %s WHERE id = %s",
            [later, published.id],
        )
        after = validators()
        for feed in ("dik", "dik.csv", "dik.json"):
            self.assertNotEqual(after[feed][0], before[feed][0], feed)
            self.assertNotEqual(after[feed][1], before[feed][1], feed)
        for feed in ("opened", "opened.csv", "opened.json"):
            self.assertEqual(after[feed], before[feed], feed)

        # an item leaving the feed: a new ETag, and Last-Modified never goes back
        self.env["ppid.public.snapshot"]._cron_refresh()
        stored = self._feed("dik.json").headers
        end_transaction(self.env)
        published.is_published = False
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ppid_exempted_information SET write_date = write_date"
            " - interval '2 hours' WHERE id = %s",
            [published.id],
        )
        response = self._feed("dik.json")
        self.assertEqual(response.json()["items"], [])
        self.assertNotEqual(response.headers["ETag"], stored["ETag"])
        response = self._get(
            f"/ppid/{self.company.id}/dik.json",
            headers={"If-Modified-Since": stored["Last-Modified"]},
        )
        self.assertEqual(response.status_code, 200)

    def test_csv_cells_never_start_a_formula(self):
        """A spreadsheet opening the CSV feed reads no formula (OWASP CSV
        injection): every cell starting with =, +, -, @, a tab or a carriage
        return is sent behind a quote; the JSON keeps the value as written."""
        payloads = {
            "=": '=HYPERLINK("http://contoh.invalid","Klik")',
            "+": "+62 811 000",
            "-": "-2+3",
            "@": "@SUM(A1:A2)",
            "tab": "\t=1+1",
            "cr": "\r=1+1",
        }
        items = {
            key: self._create_item(
                "exempted",
                title=payload,
                **{**PUBLISHED, "published_harm_summary": payload},
            )
            for key, payload in payloads.items()
        }
        rows = {row["reference"]: row for row in self._csv_rows()}
        for key, payload in payloads.items():
            with self.subTest(prefix=key):
                row = rows[items[key].name]
                self.assertEqual(row["title"], f"'{payload}")
                self.assertEqual(row["consequence_if_opened"], f"'{payload}")
        titles = {row["reference"]: row["title"] for row in self._json_items()}
        self.assertEqual(titles[items["="].name], payloads["="])
        # the announcements feed too
        opened = self._create_item("opened", title="=1+1")
        self._create_opened_entry(opened, announcement="@cmd")
        [row] = self._csv_rows("opened.csv")
        self.assertEqual((row["title"], row["announcement"]), ("'=1+1", "'@cmd"))
        # an ordinary value is left alone
        plain = self._create_item("exempted", title="Judul biasa", **PUBLISHED)
        rows = {row["reference"]: row for row in self._csv_rows()}
        self.assertEqual(rows[plain.name]["title"], "Judul biasa")
        self.assertEqual(
            rows[plain.name]["period_end_date"], str(plain.period_end_date)
        )

    def test_archived_items_stay_in_the_public_feeds(self):
        """Archiving is internal filing, not the end of an exemption (PP 61/2010
        Pasal 11): the archived item stays in every public feed."""
        item = self._create_item("exempted", title="Diarsipkan tetap", **PUBLISHED)
        opened = self._create_item("opened", title="Dibuka lalu diarsipkan")
        self._create_opened_entry(opened)
        (item | opened).write({"active": False, "archive_reason": "Pindah berkas."})
        self.assertEqual([row["title"] for row in self._json_items()], [item.title])
        self.assertEqual([row["title"] for row in self._csv_rows()], [item.title])
        self.assertIn(item.title, self._feed("dik").text)
        self.assertEqual(
            [row["title"] for row in self._json_items("opened.json")], [opened.title]
        )
        self.assertIn(opened.title, self._feed("opened").text)

    # ------------------------------------------------------------------
    # The stored snapshot
    # ------------------------------------------------------------------

    def test_public_routes_are_readonly(self):
        """Odoo sends them to a read replica when db_replica_host is set."""
        from ..controllers.publication import PpidPublicationController

        for name in (
            "register_page",
            "opened_page",
            "register_json",
            "register_csv",
            "opened_json",
            "opened_csv",
        ):
            routing = getattr(PpidPublicationController, name).original_routing
            self.assertIs(routing["readonly"], True, name)

    def test_current_snapshot_is_streamed_and_a_stale_one_never(self):
        item = self._create_item("exempted", title="Dari salinan", **PUBLISHED)
        snapshots = self.env["ppid.public.snapshot"]
        # a request on a read-only cursor builds without storing
        first = self._feed("dik.json")
        self.assertFalse(snapshots.search([("company_id", "=", self.company.id)]))
        # the cron stores every representation of the body
        snapshots._cron_refresh()
        stored = snapshots.search([("company_id", "=", self.company.id)])
        self.assertEqual(
            sorted(stored.mapped("kind")),
            sorted(
                [
                    "opened.csv",
                    "opened.json",
                    "page.dik.1.100",
                    "page.opened.1.100",
                    "register.csv",
                    "register.json",
                ]
            ),
        )
        json_snapshot = stored.filtered(lambda s: s.kind == "register.json")
        # a conditional request: one query, whatever the number of rows
        self.env.flush_all()
        with self.assertQueryCount(1):
            version = snapshots._version(self.company.id, "register.json")
        self.assertTrue(
            snapshots._is_current(self.company.id, "register.json", version)
        )
        self.assertEqual(json_snapshot.body, first.text)
        self.assertEqual(json_snapshot.etag, first.headers["ETag"].strip('"'))
        # the stored body is what is sent (marked here to see it)
        self.env.cr.execute(
            "UPDATE ppid_public_snapshot SET body = replace(body, %s, %s)"
            " WHERE id = %s",
            ["Dari salinan", "Dari salinan tersimpan", json_snapshot.id],
        )
        response = self._feed("dik.json")
        self.assertIn("Dari salinan tersimpan", response.text)
        self.assertEqual(response.headers["ETag"], first.headers["ETag"])
        self.assertEqual(
            self._get(
                f"/ppid/{self.company.id}/dik.json",
                headers={"If-None-Match": first.headers["ETag"]},
            ).status_code,
            304,
        )
        # once a published row changes, the stored body is not sent any more
        item.with_user(self.users["service"]).published_harm_summary = "Judul baru"
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ppid_exempted_information"
            " SET write_date = write_date + interval '1 second' WHERE id = %s",
            [item.id],
        )
        response = self._feed("dik.json")
        self.assertIn("Judul baru", response.text)
        self.assertNotIn("Dari salinan tersimpan", response.text)
        snapshots._cron_refresh()
        json_snapshot.invalidate_recordset()
        self.assertIn("Judul baru", json_snapshot.body)
        self.assertEqual(json_snapshot.etag, response.headers["ETag"].strip('"'))

    def test_a_request_on_a_writable_cursor_stores_the_snapshot(self):
        """Without a read replica, Odoo gives readonly routes a read/write
        cursor: the first request stores what it built."""
        self._create_item("exempted", title="Disimpan saat diminta", **PUBLISHED)
        self.set_registry_readonly_mode(False)
        self.addCleanup(self.set_registry_readonly_mode, True)
        first = self._feed("dik.csv")
        snapshot = self.env["ppid.public.snapshot"].search(
            [("company_id", "=", self.company.id), ("kind", "=", "register.csv")]
        )
        self.assertEqual(snapshot.body, first.text)
        second = self._feed("dik.csv")
        self.assertEqual(second.content, first.content)
        self.assertEqual(
            second.headers["Last-Modified"], first.headers["Last-Modified"]
        )
        # a page past the last one is answered, and not stored
        self.assertIn("Halaman 1 dari 1", self._feed("dik?page=1").text)
        self.assertEqual(
            self._get(f"/ppid/{self.company.id}/dik?page=999").status_code, 200
        )
        self.assertEqual(
            sorted(
                self.env["ppid.public.snapshot"]
                .search([("company_id", "=", self.company.id)])
                .mapped("kind")
            ),
            ["page.dik.1.100", "register.csv"],
        )

    # ------------------------------------------------------------------
    # XLSX downloads for logged-in users
    # ------------------------------------------------------------------

    def test_xlsx_download_matches_the_register(self):
        self._create_item("exempted", title="Baris satu")
        self._create_item("documented", title="Baris dua", unit_id=self.other_unit.id)
        self.authenticate("ppid_register_reader", "ppid_register_reader_pw")
        response = self._get(
            f"/ppid/register/{self.company.id}/register.xlsx?date={self.today}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        register = self.env["ppid.register"]._live_register(self.company, self.today)
        _headings, rows = self._xlsx_table(response.content)
        self.assertEqual(rows, self._as_table(register))
        self.assertEqual(len(rows), 2)

        issue = (
            self.env["ppid.register.issue"]
            .with_user(self.reader)
            .create({"decree_reference": "SK 1/2026", "decree_date": self.today})
        )
        issue.action_submit()
        issue.with_user(self.users["head"]).action_issue()
        response = self._get(f"/ppid/register/issue/{issue.id}/register.xlsx")
        self.assertEqual(response.status_code, 200)
        _headings, rows = self._xlsx_table(response.content)
        self.assertEqual(rows, self._as_table(issue._as_register()))

        response = self._get(f"/ppid/register/{self.company.id}/opened.xlsx")
        self.assertEqual(response.status_code, 200)

    @mute_logger("odoo.http")
    def test_xlsx_download_needs_a_login_and_access(self):
        self._create_item("exempted", title="Rahasia di XLSX")
        url = f"/ppid/register/{self.company.id}/register.xlsx"
        response = self._get(url, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
        self.authenticate("ppid_register_reader", "ppid_register_reader_pw")
        response = self._get(f"/ppid/register/{self.other_company.id}/register.xlsx")
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(b"Rahasia di XLSX", response.content)
        response = self._get(f"{url}?date=not-a-date")
        self.assertEqual(response.status_code, 400)
