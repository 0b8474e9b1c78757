# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import io
from datetime import date

import openpyxl
from lxml import html

from .common import PpidCase

PUBLISHED = {
    "is_published": True,
    "published_harm_summary": "Ringkasan: menghambat penyidikan.",
    "published_interest_summary": "Ringkasan: melindungi penegakan hukum.",
}


class RegisterCase(PpidCase):
    """PpidCase plus a second public body and readers of the printed registers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Kota Seberang"})
        cls.foreign_unit = cls.env["ppid.unit"].create(
            {
                "name": "Dinas Seberang",
                "code": "SEBERANG",
                "company_id": cls.other_company.id,
            }
        )

    @classmethod
    def _create_foreign_item(cls, state="exempted", **overrides):
        return cls._create_item(
            state,
            unit_id=cls.foreign_unit.id,
            company_id=cls.other_company.id,
            **overrides,
        )

    @classmethod
    def _create_opened_entry(cls, item, opened_date=None, **values):
        """A DIP entry for an item opened on `opened_date`."""
        opened_date = opened_date or date(2026, 3, 2)
        item.opened_date = opened_date
        return cls.env["ppid.public.information"].create(
            {
                "name": item.title,
                "information_id": item.id,
                "opened_date": opened_date,
                "announcement": f"{item.name} dibuka untuk publik.",
                **values,
            }
        )

    def _html_rows(self, content):
        """The cells of the register tables of a rendered report, as text."""
        tree = html.fromstring(content)
        return [
            [cell.text_content() for cell in row.xpath("./td")]
            for row in tree.xpath(
                "//table[contains(@class, 'o_ppid_register_table')]/tbody"
                "/tr[not(contains(@class, 'o_ppid_register_empty'))]"
            )
        ]

    def _html_headings(self, content):
        tree = html.fromstring(content)
        return [
            cell.text_content()
            for cell in tree.xpath(
                "//table[contains(@class, 'o_ppid_register_table')]/thead/tr/th"
            )
        ]

    def _xlsx_sheet(self, content):
        return openpyxl.load_workbook(io.BytesIO(content)).active

    def _xlsx_table(self, content):
        """(headings, rows) of a register workbook, as text."""
        sheet = self._xlsx_sheet(content)
        values = [
            ["" if value is None else str(value) for value in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        header_index = next(i for i, row in enumerate(values) if row[0] == "No")
        return values[header_index], values[header_index + 1 :]

    @staticmethod
    def _as_table(register):
        keys = [key for key, _heading in register["columns"]]
        return [[row[key] for key in keys] for row in register["rows"]]
