# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
import io

from PIL import Image

from odoo.tests import tagged

from .register_common import PUBLISHED, RegisterCase

# Every stored representation of a body with a few rows, by family.
KINDS = {
    "register": ("register.json", "register.csv", "page.dik.1.100"),
    "opened": ("opened.json", "opened.csv", "page.opened.1.100"),
}
BOTH = {"register", "opened"}


def end_transaction(env):
    """What a commit does to the version rows.

    In production every request and every cron job is its own transaction;
    a TransactionCase runs in one. The Last-Modified of a family moves on by
    at least a second from one transaction to the next only, so the test
    marks where a transaction would have ended.
    """
    env.flush_all()
    env.cr.execute("UPDATE ppid_public_version SET transaction_id = 'committed'")


def tiny_png(color):
    output = io.BytesIO()
    Image.new("RGB", (2, 2), color).save(output, format="PNG")
    return base64.b64encode(output.getvalue())


@tagged("post_install", "-at_install")
class TestPublicVersion(RegisterCase):
    """Every change of a row a public representation shows changes its ETag
    and its Last-Modified, on every path (ORM and SQL): the triggers of
    ppid.public.version. Nothing else changes them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.published = cls._create_item("exempted", title="Terbit", **PUBLISHED)
        cls.withdrawn = cls._create_item("exempted", title="Ditarik", **PUBLISHED)
        cls.deleted = cls._create_item("exempted", title="Dihapus", **PUBLISHED)
        cls.to_open = cls._create_item("exempted", title="Akan dibuka", **PUBLISHED)
        cls.unpublished = cls._create_item("exempted", title="Akan terbit")
        cls.hidden = cls._create_item("exempted", title="Tidak terbit")
        cls.draft = cls._create_item("draft", title="Draf", **PUBLISHED)
        cls.opened = cls._create_item("opened", title="Sudah dibuka")
        cls.entry = cls._create_opened_entry(cls.opened)
        cls.reclassified = cls._create_item("opened", title="Dikecualikan lagi")
        cls.stale_entry = cls._create_opened_entry(cls.reclassified)
        cls.env.cr.execute(
            "UPDATE ppid_exempted_information SET state = 'exempted' WHERE id = %s",
            [cls.reclassified.id],
        )
        cls.foreign = cls._create_foreign_item(title="Milik badan lain", **PUBLISHED)
        cls.env.invalidate_all()

    def _validators(self, company):
        snapshots = self.env["ppid.public.snapshot"]
        result = {}
        for kinds in KINDS.values():
            for kind in kinds:
                version = snapshots._version(company.id, kind)
                result[kind] = (version["etag"], version["last_modified"])
        return result

    def _sql(self, query, *params):
        self.env.flush_all()
        self.env.cr.execute(query, params)
        self.env.invalidate_all()

    def _changes(self):
        """(what changes, how, families of the body bumped, of the other body)
        written out by hand, in the order they are applied."""
        service = self.users["service"]
        published = self.published

        def sql(query, record):
            return lambda: self._sql(query, record.id)

        return [
            (
                "title of a published item (SQL)",
                sql(
                    "UPDATE ppid_exempted_information SET title = 'Judul lain'"
                    " WHERE id = %s",
                    published,
                ),
                {"register"},
                set(),
            ),
            (
                "published summary (ORM, service officer)",
                lambda: published.with_user(service).write(
                    {"published_harm_summary": "Ringkasan baru."}
                ),
                {"register"},
                set(),
            ),
            (
                "archived",
                lambda: published.write(
                    {"active": False, "archive_reason": "Pindah berkas."}
                ),
                {"register"},
                set(),
            ),
            (
                "state exempted to expiring (SQL)",
                sql(
                    "UPDATE ppid_exempted_information SET state = 'expiring'"
                    " WHERE id = %s",
                    published,
                ),
                {"register"},
                set(),
            ),
            (
                "publication flag set",
                lambda: self.unpublished.write(PUBLISHED),
                {"register"},
                set(),
            ),
            (
                "publication flag withdrawn",
                lambda: self.withdrawn.write({"is_published": False}),
                {"register"},
                set(),
            ),
            (
                "a new published item",
                lambda: self._create_item("exempted", title="Baru", **PUBLISHED),
                {"register"},
                set(),
            ),
            (
                "a published row deleted (SQL)",
                sql(
                    "DELETE FROM ppid_exempted_information WHERE id = %s", self.deleted
                ),
                {"register"},
                set(),
            ),
            (
                "name of the holding unit",
                lambda: self.unit.write({"name": "Dinas Berganti Nama"}),
                {"register"},
                set(),
            ),
            (
                "legal basis label (catalogue, every body)",
                lambda: self.basis_a1.write(
                    {"label": "Pasal 17 huruf a angka 1 (ubah)"}
                ),
                {"register"},
                {"register"},
            ),
            (
                "Indonesian installed (the labels of the feeds)",
                lambda: self.env["res.lang"]._activate_lang("id_ID"),
                BOTH,
                BOTH,
            ),
            (
                "legal basis name in Indonesian (a translation)",
                lambda: self.basis_a1.update_field_translations(
                    "name", {"id_ID": "Informasi yang menghambat penyidikan (ubah)"}
                ),
                {"register"},
                {"register"},
            ),
            (
                "name of the body",
                lambda: self.company.write({"name": "Pemerintah Kota Baru"}),
                BOTH,
                set(),
            ),
            (
                "logo of the body (its partner's image)",
                lambda: self.company.partner_id.write({"image_1920": tiny_png("red")}),
                BOTH,
                set(),
            ),
            (
                "a published item opened (SQL)",
                sql(
                    "UPDATE ppid_exempted_information SET state = 'opened'"
                    " WHERE id = %s",
                    self.to_open,
                ),
                BOTH,
                set(),
            ),
            (
                "announcement of an opened item",
                lambda: self.entry.write({"announcement": "Pengumuman diperbarui."}),
                {"opened"},
                set(),
            ),
            (
                "reference of an opened item (SQL)",
                sql(
                    "UPDATE ppid_exempted_information SET name = 'DIK/UBAH/1'"
                    " WHERE id = %s",
                    self.opened,
                ),
                {"opened"},
                set(),
            ),
            (
                "a new announcement",
                lambda: self._create_opened_entry(
                    self._create_item("opened", title="Dibuka juga")
                ),
                {"opened"},
                set(),
            ),
            # Nothing done on information the public cannot see shows.
            (
                "title of a draft marked for publication (SQL)",
                sql(
                    "UPDATE ppid_exempted_information SET title = 'Draf lain'"
                    " WHERE id = %s",
                    self.draft,
                ),
                set(),
                set(),
            ),
            (
                "review date of an unpublished classified item",
                lambda: self.hidden.write(
                    {"review_date": self.hidden.review_date.replace(day=1)}
                ),
                set(),
                set(),
            ),
            (
                "announcement of an item classified again",
                lambda: self.stale_entry.write({"announcement": "Tidak tampil."}),
                set(),
                set(),
            ),
            (
                "a published item of the other body (SQL)",
                sql(
                    "UPDATE ppid_exempted_information SET title = 'Lain' WHERE id = %s",
                    self.foreign,
                ),
                set(),
                {"register"},
            ),
        ]

    def test_every_change_of_a_shown_row_changes_the_validators(self):
        snapshots = self.env["ppid.public.snapshot"]
        for label, change, ours, theirs in self._changes():
            with self.subTest(change=label):
                snapshots._cron_refresh()
                end_transaction(self.env)
                before = {
                    company: self._validators(company)
                    for company in (self.company, self.other_company)
                }
                change()
                end_transaction(self.env)
                for company, bumped in (
                    (self.company, ours),
                    (self.other_company, theirs),
                ):
                    after = self._validators(company)
                    for family, kinds in KINDS.items():
                        for kind in kinds:
                            old_etag, old_date = before[company][kind]
                            new_etag, new_date = after[kind]
                            current = snapshots._is_current(
                                company.id,
                                kind,
                                snapshots._version(company.id, kind),
                            )
                            if family in bumped:
                                self.assertNotEqual(new_etag, old_etag, kind)
                                self.assertGreater(new_date, old_date, kind)
                                # the stored body is stale: never served
                                self.assertFalse(current, kind)
                            else:
                                self.assertEqual(new_etag, old_etag, kind)
                                self.assertEqual(new_date, old_date, kind)
                                if company == self.company:
                                    self.assertTrue(current, kind)

    def test_a_conditional_request_costs_one_query(self):
        snapshots = self.env["ppid.public.snapshot"]
        snapshots._cron_refresh()
        self.env.flush_all()
        for kind in KINDS["register"] + KINDS["opened"]:
            with self.subTest(kind=kind), self.assertQueryCount(1):
                version = snapshots._version(self.company.id, kind)
            self.assertTrue(snapshots._is_current(self.company.id, kind, version))
        with self.assertQueryCount(2):
            self.assertIsNone(snapshots._version(0, "register.json"))

    def test_last_modified_moves_on_once_per_transaction(self):
        """Many statements in one transaction: the serial grows with each, the
        date once (it never runs ahead of the clock by the number of
        writes); the next transaction moves it on again."""
        versions = self.env["ppid.public.version"]
        end_transaction(self.env)
        serial, changed_at = versions._current(self.company.id, "register")
        dates = []
        for number in range(5):
            self._sql(
                "UPDATE ppid_exempted_information SET title = %s WHERE id = %s",
                f"Judul {number}",
                self.published.id,
            )
            dates.append(versions._current(self.company.id, "register")[1])
        self.assertEqual(versions._current(self.company.id, "register")[0], serial + 5)
        self.assertGreater(dates[0], changed_at)
        self.assertEqual(set(dates), {dates[0]})
        end_transaction(self.env)
        self._sql(
            "UPDATE ppid_exempted_information SET title = 'Judul akhir' WHERE id = %s",
            self.published.id,
        )
        self.assertGreater(versions._current(self.company.id, "register")[1], dates[0])
