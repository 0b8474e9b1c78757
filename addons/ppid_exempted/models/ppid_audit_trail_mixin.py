# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The audit trail of a register item (rule 27): every change of a stored
field, the creation and the deletion of a draft go to the append-only
ppid.audit.log, with the item's reference, unit and body. The item's create(),
write() and unlink() call the hooks _audit_after_create, _audit_before_write
/_audit_after_write and _audit_before_unlink. (Tests, participants, decrees
and their lines use ppid.audited.mixin instead.)"""

from odoo import api, fields, models

from .ppid_rulebook import DECREE

# Not worth an audit row: presentation, and the reason that goes with the
# archive row itself.
AUDIT_EXCLUDED_FIELDS = {"color", "archive_reason"}


class PpidAuditTrailMixin(models.AbstractModel):
    """The append-only audit trail of a register item."""

    _name = "ppid.audit.trail.mixin"
    _description = "Audit Trail of an Item"

    audit_log_ids = fields.One2many(
        comodel_name="ppid.audit.log",
        inverse_name="information_id",
        string="Audit Trail",
    )

    # ------------------------------------------------------------------
    # Hooks of the item's create(), write() and unlink()
    # ------------------------------------------------------------------

    def _audit_after_create(self):
        self._audit_creation()

    def _audit_before_write(self, vals):
        """The audited fields `vals` writes and their values before it."""
        # Classification is audited where the decree applies it (every path to
        # "exempted" goes through its decree).
        audited = [
            name
            for name in self._audited_field_names()
            if name in vals
            and not (
                name == "state"
                and vals[name] == "exempted"
                and self._system_actor() is not DECREE
            )
        ]
        return audited, self._audit_snapshot(audited)

    def _audit_after_write(self, audit_before, vals):
        audited, before = audit_before
        self._audit_changes(before, audited, vals)

    def _audit_before_unlink(self):
        # Only drafts are ever deleted (_unlink_only_drafts refuses the rest);
        # their audit rows keep the reference once the item is gone.
        self._append_audit(
            [
                {"information_id": item.id, "event": "delete", "old_value": item.title}
                for item in self.filtered(lambda i: i.state == "draft")
            ]
        )

    # ------------------------------------------------------------------
    # Business methods: audit trail (rule 27)
    # ------------------------------------------------------------------

    @api.model
    def _audited_field_names(self):
        """Every stored field the users or the pipeline write, so that fields
        added later are audited without a change here."""
        return [
            name
            for name, field in self._fields.items()
            if field.store
            and not field.compute
            and field.type != "one2many"
            and name not in models.MAGIC_COLUMNS
            and name not in AUDIT_EXCLUDED_FIELDS
            and not name.startswith(("message_", "activity_"))
        ]

    def _audit_snapshot(self, names):
        if not names:
            return {}
        items = self.sudo().with_context(bin_size=True, active_test=False)
        return {
            item.id: {name: item._audit_display(name) for name in names}
            for item in items
        }

    def _audit_display(self, name):
        """The value of field `name` as text, for the audit trail."""
        field = self._fields[name]
        value = self[name]
        if field.type == "many2one":
            return value.display_name or ""
        if field.type == "many2many":
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

    def _audit_changes(self, before, names, vals):
        if not before:
            return
        after = self._audit_snapshot(names)
        rows = []
        for item in self:
            for name in names:
                old, new = before[item.id][name], after[item.id][name]
                if old == new:
                    continue
                row = {
                    "information_id": item.id,
                    "event": "field",
                    "field_name": name,
                    "field_description": self._fields[name]._description_string(
                        self.env
                    ),
                    "old_value": old,
                    "new_value": new,
                }
                if name == "state":
                    row["event"] = "state"
                    row["reason"] = (
                        vals.get("return_reason") or vals.get("open_note") or False
                    )
                elif name == "active":
                    row["event"] = "unarchive" if vals["active"] else "archive"
                    row["reason"] = vals.get("archive_reason")
                rows.append(row)
        self._append_audit(rows)

    def _audit_creation(self):
        labels = self._state_labels()
        self._append_audit(
            [
                {
                    "information_id": item.id,
                    "event": "create",
                    "field_name": "state",
                    "new_value": labels[item.state],
                }
                for item in self
            ]
        )

    def _append_audit(self, rows):
        if not rows:
            return
        items = self.browse([row["information_id"] for row in rows]).sudo()
        by_id = {item.id: item for item in items}
        self.env["ppid.audit.log"].sudo().create(
            [
                {
                    "information_ref": by_id[row["information_id"]].name,
                    "unit_id": by_id[row["information_id"]].unit_id.id,
                    "company_id": by_id[row["information_id"]].company_id.id,
                    **row,
                }
                for row in rows
            ]
        )
