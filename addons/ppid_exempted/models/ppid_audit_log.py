# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models

ITEM_MODEL = "ppid.exempted.information"
# Fields that are presentation or bookkeeping, never a recorded change.
NOT_AUDITED_PREFIXES = ("message_", "activity_", "website_message")


class PpidAuditLog(models.Model):
    """Append-only audit trail of the register (Permenkominfo 39(4); rule 27).

    Every creation, state change, change of a recorded field, signature,
    archiving and deletion, with who and when: of the register items and of
    what decides about them (consequence tests, their participants and lines,
    decrees and their lines), of the law catalogue and of the public holidays
    the deadlines count on. A row names the audited record generically
    (`res_model`, `res_id`, `record_ref`) and, when the record concerns one
    item, that item too. The chatter tracks some of the same changes, but
    chatter messages can be deleted by an administrator; these rows cannot be
    changed or deleted by anyone.
    """

    _name = "ppid.audit.log"
    _inherit = ["ppid.append.only.mixin"]
    _description = "Audit Log"
    _order = "date desc, id desc"
    _rec_name = "record_ref"

    date = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now, index=True
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        readonly=True,
        ondelete="restrict",
        index=True,
        default=lambda self: self.env.uid,
    )
    information_id = fields.Many2one(
        comodel_name="ppid.exempted.information",
        string="Exempted Information",
        readonly=True,
        ondelete="set null",
        index=True,
    )
    information_ref = fields.Char(string="Item Reference", readonly=True)
    res_model = fields.Char(string="Audited Model", readonly=True, index=True)
    res_model_name = fields.Char(
        string="Record Type", compute="_compute_res_model_name"
    )
    res_id = fields.Many2oneReference(
        string="Audited Record ID", model_field="res_model", readonly=True, index=True
    )
    record_ref = fields.Char(
        string="Record",
        readonly=True,
        help="The audited record as it was named when the row was written; it "
        "stays when the record is gone.",
    )
    unit_id = fields.Many2one(
        comodel_name="ppid.unit", string="Holding Unit", readonly=True, index=True
    )
    company_id = fields.Many2one(
        comodel_name="res.company", string="Public Body", readonly=True, index=True
    )
    event = fields.Selection(
        selection=[
            ("create", "Created"),
            ("state", "State Changed"),
            ("field", "Field Changed"),
            ("sign", "Signed"),
            ("signature_reset", "Signatures Reset"),
            ("archive", "Archived"),
            ("unarchive", "Restored"),
            ("delete", "Draft Deleted"),
            ("unlink", "Deleted"),
        ],
        required=True,
        readonly=True,
        index=True,
    )
    field_name = fields.Char(string="Technical Field Name", readonly=True)
    field_description = fields.Char(string="Field", readonly=True)
    old_value = fields.Text(readonly=True)
    new_value = fields.Text(readonly=True)
    reason = fields.Text(readonly=True)

    @api.depends("res_model")
    def _compute_res_model_name(self):
        models_by_name = {
            model: self.env["ir.model"]._get(model).name
            for model in set(self.mapped("res_model"))
            if model and model in self.env
        }
        for row in self:
            row.res_model_name = models_by_name.get(row.res_model, row.res_model)

    # ------------------------------------------------------------------
    # CRUD: append only (the mixin); the item rows name their item
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("information_id") and not vals.get("res_model"):
                vals["res_model"] = ITEM_MODEL
                vals["res_id"] = vals["information_id"]
            if not vals.get("record_ref"):
                vals["record_ref"] = vals.get("information_ref")
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Business methods: the audit of any record (tests, decrees, catalogue,
    # holidays). Called by the audited models on every path that changes them.
    # ------------------------------------------------------------------

    @api.model
    def _audited_names(self, records, names=None):
        """The stored fields users or the pipeline write on `records` (limited
        to `names` when given): fields added later are audited too."""
        fields_ = records._fields
        candidates = names if names is not None else list(fields_)
        return [
            name
            for name in candidates
            if name in fields_
            and fields_[name].store
            and not (fields_[name].compute and fields_[name].readonly)
            and fields_[name].type != "one2many"
            and name not in models.MAGIC_COLUMNS
            and not name.startswith(NOT_AUDITED_PREFIXES)
        ]

    @api.model
    def _display_value(self, record, name):
        """The value of field `name` of `record` as text, for the audit trail."""
        field = record._fields[name]
        value = record[name]
        if field.type in ("many2one", "many2many"):
            return ", ".join(value.mapped("display_name"))
        if field.type == "selection":
            labels = dict(field._description_selection(self.env))
            return labels.get(value, value or "")
        if field.type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        if value is False or value is None:
            return ""
        if isinstance(value, bytes):
            return value.decode(errors="replace")
        return str(value)

    @api.model
    def _snapshot(self, records, names):
        if not names or not records:
            return {}
        records = records.sudo().with_context(bin_size=True, active_test=False)
        return {
            record.id: {name: self._display_value(record, name) for name in names}
            for record in records
        }

    @api.model
    def _row(self, record, event, **values):
        """The generic part of a row about `record`."""
        record = record.sudo().with_context(active_test=False)
        fields_ = record._fields
        item = self.env[ITEM_MODEL]
        if record._name == ITEM_MODEL:
            item = record
        elif "information_id" in fields_ and fields_["information_id"].type == (
            "many2one"
        ):
            item = record.information_id
        unit = self.env["ppid.unit"]
        if "unit_id" in fields_ and fields_["unit_id"].comodel_name == "ppid.unit":
            unit = record.unit_id
        company = record.company_id if "company_id" in fields_ else False
        return {
            "event": event,
            "res_model": record._name,
            "res_id": record.id,
            "record_ref": record.display_name,
            "information_id": item.id,
            "information_ref": item.name,
            "unit_id": unit.id or item.unit_id.id,
            "company_id": (company and company.id) or item.company_id.id,
            **values,
        }

    @api.model
    def _append(self, rows):
        if rows:
            self.sudo().create(rows)

    @api.model
    def _log_creation(self, records):
        self._append([self._row(record, "create") for record in records])

    @api.model
    def _log_deletion(self, records):
        """Before the records go: the row keeps their name."""
        self._append([self._row(record, "unlink") for record in records])

    @api.model
    def _log_event(self, records, event, reason=False):
        self._append([self._row(record, event, reason=reason) for record in records])

    @api.model
    def _log_changes(self, records, before, names, reason=False):
        """One row per field whose value changed since `before` (`_snapshot`)."""
        if not before:
            return
        after = self._snapshot(records, names)
        rows = []
        for record in records:
            for name in names:
                old = before.get(record.id, {}).get(name, "")
                new = after[record.id][name]
                if old == new:
                    continue
                rows.append(
                    self._row(
                        record,
                        "state" if name == "state" else "field",
                        field_name=name,
                        field_description=record._fields[name]._description_string(
                            self.env
                        ),
                        old_value=old,
                        new_value=new,
                        reason=reason,
                    )
                )
        self._append(rows)
