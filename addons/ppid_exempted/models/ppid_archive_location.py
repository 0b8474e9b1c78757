# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The depth of each kind of place, from the building to the folder; a place may
# only hold places of a deeper kind (ruang -> lemari/rak -> ambalan ->
# boks/ordner -> folder).
LOCATION_LEVELS = {
    "building": 10,
    "room": 20,
    "cabinet": 30,
    "rack": 30,
    "shelf": 40,
    "box": 50,
    "binder": 50,
    "folder": 60,
}


class PpidArchiveLocation(models.Model):
    """A place where hardcopies are kept: building or room, cabinet or shelf,
    box or binder, folder (rules 23, 24)."""

    _name = "ppid.archive.location"
    _description = "Archive Location"
    _parent_store = True
    _order = "complete_name"
    _rec_name = "complete_name"
    _check_company_auto = True

    name = fields.Char(required=True)
    code = fields.Char(help="The number written on the cabinet, shelf, box or folder.")
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True
    )
    location_type = fields.Selection(
        selection=[
            ("building", "Building"),
            ("room", "Room"),
            ("cabinet", "Cabinet"),
            ("rack", "Rack"),
            ("shelf", "Shelf"),
            ("box", "Archive Box"),
            ("binder", "Binder"),
            ("folder", "Folder"),
        ],
        string="Type",
        required=True,
        default="room",
    )
    parent_id = fields.Many2one(
        comodel_name="ppid.archive.location",
        string="Inside",
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many(
        comodel_name="ppid.archive.location", inverse_name="parent_id"
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Public Body",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    active = fields.Boolean(default=True)
    note = fields.Text()

    _code_parent_uniq = models.Constraint(
        "UNIQUE(parent_id, code, company_id)",
        "Two places inside the same place cannot have the same code.",
    )

    @api.depends("name", "code", "parent_id.complete_name")
    def _compute_complete_name(self):
        for location in self:
            label = location.name
            if location.code:
                label = f"{location.code} {label}"
            if location.parent_id:
                label = f"{location.parent_id.complete_name} / {label}"
            location.complete_name = label

    @api.constrains("parent_id", "location_type")
    def _check_hierarchy(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A place cannot be inside itself."))
        types = dict(self._fields["location_type"]._description_selection(self.env))
        for location in self:
            for child in location | location.child_ids:
                parent = child.parent_id
                if parent and (
                    LOCATION_LEVELS[child.location_type]
                    <= LOCATION_LEVELS[parent.location_type]
                ):
                    raise ValidationError(
                        self.env._(
                            "A %(child)s cannot be kept inside a %(parent)s.",
                            child=types[child.location_type].lower(),
                            parent=types[parent.location_type].lower(),
                        )
                    )
