# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models
from odoo.orm.models import parse_read_group_spec, regex_order_part_read_group
from odoo.tools import SQL

# The DIK templates, with the headings of published DIK tables.
DIK_TEMPLATES = (
    ("XLSX", "/ppid_exempted/static/import/template_dik.xlsx"),
    ("CSV", "/ppid_exempted/static/import/template_dik.csv"),
)


class Base(models.AbstractModel):
    """Offers the DIK templates on Odoo's import screen (base_import) of the
    register and of its imports.

    Groups of a selection of the PPID's models come in the order the selection
    declares (the pipeline's order: draft, submitted, received, ...), in every
    grouping: pivot, graph, list and reports, not only in the kanban. Odoo
    orders the groups of a selection by its stored code (alphabetical:
    "approval" before "draft"); `group_expand` reorders them only where the web
    client asks it to (kanban and list), never in a pivot or a graph."""

    _inherit = "base"

    @api.model
    def get_import_templates(self):
        if self._name not in ("ppid.exempted.information", "ppid.dik.import"):
            return super().get_import_templates()
        return [
            {
                "label": self.env._(
                    "DIK template (%(format)s, Indonesian headings)", format=kind
                ),
                "template": path,
            }
            for kind, path in DIK_TEMPLATES
        ]

    def _read_group_orderby(self, order, groupby_terms, query):
        if not self._name.startswith("ppid."):
            return super()._read_group_orderby(order, groupby_terms, query)
        parts = (order or ",".join(groupby_terms)).split(",")
        terms = []
        for part in parts:
            sql = self._ppid_selection_order(part, groupby_terms)
            if sql is None:
                # any other term exactly as Odoo orders it
                match = regex_order_part_read_group.fullmatch(part)
                term = match and match["term"]
                rest = {term: groupby_terms[term]} if term in groupby_terms else {}
                sql = super()._read_group_orderby(part if order else None, rest, query)
                groupby_terms.update(rest)
            if sql:
                terms.append(sql)
        return SQL(", ").join(terms)

    def _ppid_selection_order(self, part, groupby_terms):
        """The position of the value in the selection, for a groupby term on a
        selection with a fixed list of values; None for any other term."""
        match = regex_order_part_read_group.fullmatch(part)
        if not match or match["term"] not in groupby_terms:
            return None
        fname, _chain, granularity = parse_read_group_spec(match["term"])
        field = self._fields.get(fname)
        if granularity or not field or field.type != "selection":
            return None
        if not isinstance(field.selection, list):
            return None
        values = [value for value, _label in field.selection]
        direction = (match["direction"] or "ASC").upper()
        nulls = (match["nulls"] or "").upper()
        return SQL(
            "array_position(%s::varchar[], %s::varchar) %s %s",
            values,
            groupby_terms[match["term"]],
            SQL(direction if direction in ("ASC", "DESC") else ""),
            SQL(nulls if nulls in ("NULLS FIRST", "NULLS LAST") else ""),
        )
