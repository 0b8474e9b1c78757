# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A proposed line opened before its session is saved keeps what it copied.

The web client sends back only the fields its list loaded: a line of a new
session opened in its dialog showed empty fields, and saving the dialog wiped
the content copied from the item (found by the committee's tour).
"""

from lxml import etree

from odoo.tests import tagged

from .common import PpidCase

# Written out by hand: what a line copies from its item and must send back.
COPIED_FROM_THE_ITEM = {
    "description",
    "source_document",
    "legal_basis_id",
    "legal_subpoint_id",
    "statute_name",
    "statute_number",
    "statute_article",
    "harm_if_opened",
    "interest_if_closed",
    "public_interest_note",
    "exemption_scope",
    "exempt_part",
    "whole_document_justification",
    "period_type",
    "period_end_event",
    "period_end_date",
    "period_end_condition",
    "period_basis",
    "review_date",
}


@tagged("post_install", "-at_install")
class TestSessionLinesCarryTheirContent(PpidCase):
    def test_the_session_form_loads_every_copied_field_of_its_lines(self):
        Tests = self.env["ppid.consequence.test"].with_user(self.users["committee"])
        arch = Tests.get_views([(False, "form")])["views"]["form"]["arch"]
        lines = etree.fromstring(arch).xpath("//field[@name='line_ids']/list")
        self.assertEqual(len(lines), 1)
        loaded = {field.get("name") for field in lines[0].xpath("./field")}
        self.assertEqual(COPIED_FROM_THE_ITEM - loaded, set())
