# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models

# The DIK templates, with the headings of published DIK tables.
DIK_TEMPLATES = (
    ("XLSX", "/ppid_exempted/static/import/template_dik.xlsx"),
    ("CSV", "/ppid_exempted/static/import/template_dik.csv"),
)


class Base(models.AbstractModel):
    """Offers the DIK templates on Odoo's import screen (base_import) of the
    register and of its imports."""

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
