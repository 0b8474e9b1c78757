# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from urllib.parse import urlencode

from lxml import html

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .register_common import PUBLISHED, RegisterCase


@tagged("post_install", "-at_install")
class TestPublicSearch(HttpCase, RegisterCase):
    """A citizen searches the public register (UU 14/2008 Ps 7; the DIK is
    published, metadata only): by title or reference, unit, huruf and status,
    through the real server, without logging in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.health_record = cls._create_item(
            "exempted",
            title="Rekam medis pasien rawat inap",
            description="RAHASIADESKRIPSIZQX",
            legal_basis_id=cls.basis_h.id,
            legal_subpoint_id=cls.basis_h2.id,
            **PUBLISHED,
        )
        cls.investigation = cls._create_item(
            "documented", title="Berkas penyidikan pengadaan", **PUBLISHED
        )
        cls.school = cls._create_item(
            "expiring",
            title="Data pengadaan sekolah",
            unit_id=cls.other_unit.id,
            **PUBLISHED,
        )
        cls.unpublished = cls._create_item(
            "exempted", title="Rekam medis yang tidak dipublikasikan"
        )
        cls.draft = cls._create_item("testing", title="Rekam medis dalam pengujian")
        cls.foreign = cls._create_foreign_item(
            title="Rekam medis badan publik lain", **PUBLISHED
        )

    def _search(self, company=None, **params):
        self.env.flush_all()
        company = company or self.company
        query = f"?{urlencode(params)}" if params else ""
        return self.url_open(f"/ppid/{company.id}/dik{query}")

    def _titles(self, response):
        self.assertEqual(response.status_code, 200, response.text[:300])
        page = html.fromstring(response.content)
        return sorted(
            row.xpath("string(./td[@data-label='Informasi'])")
            for row in page.xpath("//table[@class='ppid-register']/tbody/tr[td[2]]")
        )

    def test_filters_narrow_the_published_rows(self):
        everything = sorted(
            [self.health_record.title, self.investigation.title, self.school.title]
        )
        self.assertEqual(self._titles(self._search()), everything)
        expected = {
            # free text: the title or the reference, case-insensitive
            (("q", "rekam MEDIS"),): [self.health_record.title],
            (("q", self.school.name),): [self.school.title],
            (("q", "pengadaan"),): sorted(
                [self.investigation.title, self.school.title]
            ),
            # the holding unit's name
            (("unit", "pendidikan"),): [self.school.title],
            # the huruf of Pasal 17
            (("huruf", "h"),): [self.health_record.title],
            (("huruf", "a"),): sorted([self.investigation.title, self.school.title]),
            # the public status
            (("status", "expiring"),): [self.school.title],
            (("status", "exempted"),): sorted(
                [self.health_record.title, self.investigation.title]
            ),
            # together
            (("q", "pengadaan"), ("status", "exempted")): [self.investigation.title],
            (("q", "pengadaan"), ("unit", "kesehatan"), ("huruf", "h")): [],
        }
        for params, titles in expected.items():
            with self.subTest(params=params):
                self.assertEqual(self._titles(self._search(**dict(params))), titles)

    def test_never_an_unpublished_row_nor_another_body(self):
        for params in (
            {"q": "rekam medis"},
            {"q": self.unpublished.name},
            {"q": "pengujian"},
        ):
            with self.subTest(params=params):
                response = self._search(**params)
                titles = self._titles(response)
                self.assertNotIn(self.unpublished.title, titles)
                self.assertNotIn(self.draft.title, titles)
                self.assertNotIn(self.foreign.title, titles)
                # its reference is found nowhere but in the visitor's own query
                page = html.fromstring(response.content)
                self.assertNotIn(
                    self.unpublished.name,
                    page.xpath("string(//table[@class='ppid-register'])"),
                )
        # the other body's own page lists its own row only
        self.assertEqual(
            self._titles(self._search(self.other_company, q="rekam medis")),
            [self.foreign.title],
        )

    def test_a_field_outside_the_whitelist_is_never_searched_nor_shown(self):
        # the description is not published: searching it finds nothing
        response = self._search(q="RAHASIADESKRIPSIZQX")
        self.assertEqual(self._titles(response), [])
        self.assertIn("Tidak ada informasi yang cocok", response.text)
        # a searched page shows the published row, and none of its secrets
        response = self._search(q="rekam medis")
        self.assertIn(self.health_record.name, response.text)
        for secret in (
            "RAHASIADESKRIPSIZQX",
            self.health_record.source_document,
            self.health_record.harm_if_opened,
            self.health_record.exempt_part,
            self.unit.code,
        ):
            self.assertNotIn(secret, response.text)
        # the unit is searched by its published name, never by its code
        self.assertEqual(self._titles(self._search(unit=self.unit.code)), [])

    @mute_logger("odoo.http")
    def test_bad_parameters_are_ignored_never_a_server_error(self):
        everything = self._titles(self._search())
        for params in (
            {"huruf": "z"},
            {"huruf": "'; DROP TABLE x; --"},
            {"status": "opened"},
            {"q": "   "},
            {"page": "oops"},
            {"page": "-4"},
            {"x": "1"},
        ):
            with self.subTest(params=params):
                self.assertEqual(self._titles(self._search(**params)), everything)
        for params in (
            {"page": "99999999999999999999999"},
            {"q": "a" * 5000},
            {"q": "rekam\x00medis"},
            {"unit": "%_\\"},
            {"q": "rekam", "page": "99999999999999999999999"},
        ):
            with self.subTest(params=params):
                response = self._search(**params)
                self.assertEqual(response.status_code, 200)
        # an unknown body is a 404 in Bahasa Indonesia, searched or not
        missing = self.env["res.company"].search([], order="id desc", limit=1).id + 1
        for url in (
            f"/ppid/{missing}/dik?q=rekam",
            "/ppid/99999999999999/dik?q=rekam",
            "/ppid/99999999999999/dik",
            "/ppid/99999999999999/opened",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 404)
                self.assertIn("Halaman tidak ditemukan", response.text)

    def test_the_search_form_is_plain_html_and_pages_keep_the_search(self):
        self.env["ir.config_parameter"].set_param("ppid_exempted.public_page_size", "1")
        response = self._search(q="pengadaan")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("<script", response.text)
        csp = response.headers["Content-Security-Policy"]
        self.assertIn("default-src 'none'", csp)
        self.assertIn("form-action 'self'", csp)
        page = html.fromstring(response.content)
        (form,) = page.xpath("//form[@class='ppid-search']")
        self.assertEqual(form.get("method"), "get")
        self.assertEqual(form.get("action"), f"/ppid/{self.company.id}/dik")
        self.assertEqual(
            sorted(form.xpath(".//*[@name]/@name")), ["huruf", "q", "status", "unit"]
        )
        self.assertEqual(form.xpath(".//input[@name='q']/@value"), ["pengadaan"])
        self.assertIn("Halaman 1 dari 2", response.text)
        (next_link,) = page.xpath("//a[@rel='next']/@href")
        self.assertIn("q=pengadaan", next_link)
        self.assertIn("page=2", next_link)
        second = self.url_open(next_link)
        self.assertEqual(len(self._titles(second)), 1)
        self.assertNotEqual(self._titles(second), self._titles(response))
        # the stored page has the (empty) form too
        stored = html.fromstring(self._search().content)
        self.assertEqual(len(stored.xpath("//form[@class='ppid-search']")), 1)
        self.assertTrue(self._search().headers.get("ETag"))
