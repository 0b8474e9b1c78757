# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..utils.pdf_redaction import MIN_PASSAGE_LENGTH, normalize
from .ppid_redacted_copy import STAMP


class PpidRedactedCopyLine(models.Model):
    """One exempted passage of the original and the reason it is removed (UU
    14/2008 Pasal 22(7)(e): "disertai alasan"). The passage itself is exempted
    information: these rows are read by the roles that read the vault only,
    and never shown publicly; the reason is."""

    _name = "ppid.redacted.copy.line"
    _description = "Redaction of a Passage"
    _order = "copy_id, sequence, id"
    _check_company_auto = True

    copy_id = fields.Many2one(
        comodel_name="ppid.redacted.copy",
        string="Redacted Copy",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="copy_id.company_id", store=True)
    unit_id = fields.Many2one(related="copy_id.unit_id", store=True)
    sequence = fields.Integer(default=10)
    passage = fields.Text(
        string="Exempted Passage",
        required=True,
        help="Type or paste the text exactly as it reads in the document. Line "
        "breaks and spaces do not matter, capitals do not matter. Every "
        "occurrence in the document is removed.",
    )
    legal_basis_id = fields.Many2one(
        comodel_name="ppid.legal.basis",
        string="Pasal 17",
        required=True,
        help="The letter (and point) of UU 14/2008 Pasal 17 for which this "
        "passage is exempted: that of the item, or one of its points.",
    )
    reason = fields.Text(
        required=True,
        help="Why this passage is removed, in words the public can read. It is "
        "published with the copy: do not repeat the passage in it.",
    )
    occurrences = fields.Integer(
        string="Removed",
        readonly=True,
        copy=False,
        help="Occurrences removed from the copy.",
    )

    @api.constrains("passage", "legal_basis_id", "copy_id", "reason")
    def _check_redaction(self):
        for line in self:
            if len(normalize(line.passage)) < MIN_PASSAGE_LENGTH:
                raise ValidationError(
                    self.env._(
                        "A passage to remove has at least %(count)s letters or "
                        "digits: a shorter one would be removed all over the "
                        "document.",
                        count=MIN_PASSAGE_LENGTH,
                    )
                )
            item = line.copy_id.information_id.sudo()
            basis = line.legal_basis_id
            if basis != item.legal_basis_id and basis.parent_id != item.legal_basis_id:
                raise ValidationError(
                    self.env._(
                        "The reason of a redaction is the item's own Pasal 17 "
                        "letter (%(huruf)s) or one of its points.",
                        huruf=item.legal_basis_id.label or "-",
                    )
                )
            if normalize(line.passage) in normalize(line.reason):
                raise ValidationError(
                    self.env._(
                        "The reason is published with the copy: it must not repeat "
                        "the passage it removes."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        copies = self.env["ppid.redacted.copy"].browse(
            [vals.get("copy_id") for vals in vals_list if vals.get("copy_id")]
        )
        copies._check_redactor()
        copies._check_draft()
        for vals in vals_list:
            vals.pop("occurrences", None)
        return super().create(vals_list)

    def write(self, vals):
        if self.env.context.get("ppid_redaction_stamp") is not STAMP:
            copies = self.copy_id
            if "copy_id" in vals:
                copies |= copies.browse(vals["copy_id"])
            copies._check_redactor()
            copies._check_draft()
            vals.pop("occurrences", None)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_draft(self):
        self.copy_id._check_redactor()
        self.copy_id._check_draft()

    def _stamped(self):
        return self.sudo().with_context(ppid_redaction_stamp=STAMP)
