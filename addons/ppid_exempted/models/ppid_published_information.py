# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models, tools
from odoo.tools import SQL

from .ppid_exempted_information import ACTIVE_EXEMPTION_STATES


class PpidPublishedInformation(models.Model):
    """The published register (DIK) as other systems read it: one row per
    published, classified item, with the published metadata and nothing else.

    A database view rather than a read method: the model has no other columns,
    so no path (JSON-2 `search_read`, `read`, `web_read`, grouping, export) can
    return a field the public may not see. The DIP never holds exempted
    items and the DIK feed is metadata only (UU 14/2008 Ps 11(1)(a); Bontang
    SOP step 5).
    """

    _name = "ppid.published.information"
    _description = "Published Exempted Information (metadata for other systems)"
    _auto = False
    _order = "company_id, reference, id"
    _rec_name = "reference"

    company_id = fields.Many2one(
        comodel_name="res.company", string="Public Body", readonly=True
    )
    reference = fields.Char(readonly=True)
    title = fields.Char(string="Information", readonly=True)
    holding_unit = fields.Char(readonly=True)
    huruf = fields.Char(string="Pasal 17 huruf", readonly=True)
    angka = fields.Integer(string="Pasal 17 angka", readonly=True)
    statute_name = fields.Char(readonly=True)
    statute_number = fields.Char(readonly=True)
    statute_article = fields.Char(readonly=True)
    legal_basis = fields.Char(compute="_compute_legal_basis")
    consequence_if_opened = fields.Text(readonly=True)
    consequence_if_closed = fields.Text(readonly=True)
    period_type = fields.Selection(
        selection=[("date", "Until a date"), ("condition", "Until a condition")],
        readonly=True,
    )
    period_end_date = fields.Date(readonly=True)
    period_end_condition = fields.Char(readonly=True)
    decree_number = fields.Char(readonly=True)
    decree_date = fields.Date(readonly=True)
    status = fields.Selection(
        selection=[
            ("exempted", "Exempted"),
            ("expiring", "Exempted, period ending soon"),
        ],
        readonly=True,
    )
    last_update = fields.Datetime(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(table)s AS (
                    SELECT item.id AS id,
                           item.company_id AS company_id,
                           item.name AS reference,
                           item.title AS title,
                           unit.name AS holding_unit,
                           basis.huruf AS huruf,
                           NULLIF(subpoint.angka, 0) AS angka,
                           CASE WHEN basis.huruf = 'j'
                                THEN item.statute_name END AS statute_name,
                           CASE WHEN basis.huruf = 'j'
                                THEN item.statute_number END AS statute_number,
                           CASE WHEN basis.huruf = 'j'
                                THEN item.statute_article END AS statute_article,
                           item.published_harm_summary AS consequence_if_opened,
                           item.published_interest_summary AS consequence_if_closed,
                           item.period_type AS period_type,
                           CASE WHEN item.period_type = 'date'
                                THEN item.period_end_date END AS period_end_date,
                           CASE WHEN item.period_type = 'condition'
                                THEN item.period_end_condition
                                END AS period_end_condition,
                           item.decree_reference AS decree_number,
                           item.decree_date AS decree_date,
                           CASE WHEN item.state = 'expiring' THEN 'expiring'
                                ELSE 'exempted' END AS status,
                           item.write_date AS last_update
                      FROM ppid_exempted_information item
                      JOIN ppid_unit unit ON unit.id = item.unit_id
                      LEFT JOIN ppid_legal_basis basis
                             ON basis.id = item.legal_basis_id
                      LEFT JOIN ppid_legal_basis subpoint
                             ON subpoint.id = item.legal_subpoint_id
                     WHERE item.is_published
                       AND item.active
                       AND item.state IN %(states)s
                )
                """,
                table=SQL.identifier(self._table),
                states=tuple(ACTIVE_EXEMPTION_STATES),
            )
        )

    @api.depends("huruf", "angka", "statute_name")
    def _compute_legal_basis(self):
        """The legal basis as the printed register writes it."""
        builder = self.env["ppid.register"]
        items = self.env["ppid.exempted.information"].sudo().browse(self.ids)
        texts = {item.id: builder._legal_basis_text(item) for item in items}
        for row in self:
            row.legal_basis = texts.get(row.id, "")

    @api.model
    def _changes(self, company, since=None, limit=100):
        """Published rows and openings of `company` changed after `since`, the
        latest first: what a portal needs instead of polling the whole list."""
        rows = self.sudo().search(
            [("company_id", "=", company.id)]
            + ([("last_update", ">", since)] if since else []),
            order="last_update desc, id desc",
            limit=limit,
        )
        openings = (
            self.env["ppid.register"].sudo()._public_opened_rows(company, limit=limit)
        )
        return rows, openings
