# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models

# Roles that work on the items of the whole body (see the record rules).
WHOLE_BODY_GROUPS = (
    "ppid_exempted.group_ppid_service",
    "ppid_exempted.group_ppid_committee",
    "ppid_exempted.group_ppid_documentation",
    "ppid_exempted.group_ppid_head",
    "ppid_exempted.group_ppid_auditor",
    "ppid_exempted.group_ppid_manager",
)


class PpidExemptedInformation(models.Model):
    """What the form and the kanban show to guide the user; no rule here
    (kept apart from the pipeline so that the screens change on their own)."""

    _inherit = "ppid.exempted.information"  # pylint: disable=R8180

    allowed_unit_ids = fields.Many2many(
        comodel_name="ppid.unit",
        compute="_compute_allowed_unit_ids",
        string="Units Offered",
        help="The holding units this user may register an item for: a unit "
        "officer's own units, every unit of the body for the PPID.",
    )

    @api.depends_context("uid")
    def _compute_allowed_unit_ids(self):
        units = self._units_offered()
        for item in self:
            item.allowed_unit_ids = units

    def _units_offered(self):
        user = self.env.user
        if self.env.su or any(user.has_group(group) for group in WHOLE_BODY_GROUPS):
            return self.env["ppid.unit"].search(
                [("company_id", "in", self.env.companies.ids)]
            )
        return self._my_units()

    @api.model
    def default_get(self, fields_list):
        """A unit officer's new item starts in the officer's own unit."""
        values = super().default_get(fields_list)
        if "unit_id" in fields_list and not values.get("unit_id"):
            own = self.env.user.ppid_unit_ids.filtered("active")[:1]
            if own:
                values["unit_id"] = own.id
        return values
