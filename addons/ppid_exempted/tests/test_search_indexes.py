# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSearchIndexes(TransactionCase):
    """Text searches users type (title, reference, unit) use trigram indexes,
    and the fingerprint of the public feeds reads a partial index only
    (tests/bench/bench_views.py and bench_public_routes.py measure them)."""

    def _indexes(self, table):
        self.env.cr.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s",
            [table],
        )
        return dict(self.env.cr.fetchall())

    def test_text_searches_have_trigram_indexes(self):
        expected = {
            "ppid_exempted_information": ("title", "name"),
            "ppid_unit": ("name",),
        }
        for table, columns in expected.items():
            definitions = self._indexes(table).values()
            for column in columns:
                with self.subTest(table=table, column=column):
                    self.assertTrue(
                        any(
                            "gin_trgm_ops" in definition
                            and f"({column} " in definition.replace('"', "")
                            for definition in definitions
                        ),
                        definitions,
                    )

    def test_title_search_uses_the_trigram_index(self):
        self.env.cr.execute("SET LOCAL enable_seqscan = off")
        self.env.cr.execute(
            "EXPLAIN SELECT id FROM ppid_exempted_information"
            " WHERE title ILIKE '%berkas perkara%'"
        )
        plan = "\n".join(row[0] for row in self.env.cr.fetchall())
        self.assertIn("ppid_exempted_information__title_index", plan)

    def test_published_rows_have_a_partial_index(self):
        definition = self._indexes("ppid_exempted_information")[
            "ppid_exempted_information_published_idx"
        ]
        self.assertIn("WHERE (is_published AND", definition)
