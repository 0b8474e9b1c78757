# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

RECEIPT_REPORT = "ppid_exempted.action_report_receipt"
SERVICE_GROUP = "ppid_exempted.group_ppid_service"
# Recorded by the issuing, never by a user's write.
RECEIPT_STAMP_FIELDS = {"name", "issued_by_id", "issued_datetime", "attachment_ids"}


class PpidReceipt(models.Model):
    """The receipt (tanda terima) of a unit's hand-over (Kukar SOP step 3):
    numbered, issued by the service officer with the time, and kept as a PDF
    copy in the vault of each item it lists, where it is fingerprinted like
    every vault document."""

    _name = "ppid.receipt"
    _description = "Receipt of a Hand-over (Tanda Terima)"
    _order = "issued_datetime desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Receipt Number", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Public Body",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    unit_id = fields.Many2one(
        comodel_name="ppid.unit",
        string="Handing-over Unit",
        required=True,
        index=True,
        check_company=True,
    )
    information_ids = fields.Many2many(
        comodel_name="ppid.exempted.information",
        relation="ppid_receipt_information_rel",
        column1="receipt_id",
        column2="information_id",
        string="Items Received",
        required=True,
    )
    issued_by_id = fields.Many2one(
        comodel_name="res.users", string="Issued by", readonly=True, copy=False
    )
    issued_datetime = fields.Datetime(string="Issued on", readonly=True, copy=False)
    attachment_ids = fields.Many2many(
        comodel_name="ir.attachment",
        relation="ppid_receipt_attachment_rel",
        column1="receipt_id",
        column2="attachment_id",
        string="Stored Copies",
        readonly=True,
        copy=False,
    )
    receipt_late = fields.Boolean(
        compute="_compute_service_level",
        string="Received Late",
        help="An item was received later than the SOP's receipt time, counted in "
        "working hours of the body's calendar.",
    )

    @api.depends("information_ids")
    def _compute_service_level(self):
        for receipt in self:
            receipt.receipt_late = any(
                receipt.information_ids.sudo().mapped("receipt_late")
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group(SERVICE_GROUP):
            raise AccessError(
                self.env._(
                    "Only the service officer who received the hand-over issues "
                    "its receipt."
                )
            )
        for vals in vals_list:
            if RECEIPT_STAMP_FIELDS & set(vals) - {"name"} or vals.get("name", "/") != (
                "/"
            ):
                raise UserError(
                    self.env._("The number and the issuer are recorded by the issuing.")
                )
            vals.update(
                name=self.env["ir.sequence"].next_by_code("ppid.receipt") or "/",
                issued_by_id=self.env.uid,
                issued_datetime=fields.Datetime.now(),
            )
        receipts = super().create(vals_list)
        for receipt in receipts:
            receipt._check_items()
            receipt._store_copy()
        return receipts

    def write(self, vals):
        if self:
            raise UserError(self.env._("A receipt is kept as it was issued."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A receipt is kept as it was issued."))

    def _check_items(self):
        self.ensure_one()
        items = self.information_ids
        if not items:
            raise ValidationError(self.env._("A receipt lists the items received."))
        for item in items:
            if not item.received_datetime:
                raise ValidationError(
                    self.env._(
                        "%(item)s has not been received: no receipt for it.",
                        item=item.display_name,
                    )
                )
            if item.unit_id != self.unit_id:
                raise ValidationError(
                    self.env._(
                        "%(item)s was handed over by %(unit)s: one receipt per unit.",
                        item=item.display_name,
                        unit=item.unit_id.display_name,
                    )
                )
        others = self.sudo().search(
            [("id", "!=", self.id), ("information_ids", "in", items.ids)], limit=1
        )
        if others:
            item = items & others.information_ids
            raise ValidationError(
                self.env._(
                    "%(item)s is already on receipt %(receipt)s.",
                    item=item[0].display_name,
                    receipt=others.name,
                )
            )

    def _store_copy(self):
        """Render the receipt and keep it in the vault of each item."""
        self.ensure_one()
        items = self.information_ids
        content, _kind = (
            self.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(
                RECEIPT_REPORT,
                res_ids=items.ids,
                data={"receipt_number": self.name, "receipt_id": self.id},
            )
        )
        name = f"Tanda Terima {self.name.replace('/', '-')}.pdf"
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": name,
                        "raw": content,
                        "mimetype": "application/pdf",
                        "res_model": "ppid.exempted.information",
                        "res_id": item.id,
                        "description": self.env._(
                            "Receipt %(number)s", number=self.name
                        ),
                    }
                    for item in items
                ]
            )
        )
        super(PpidReceipt, self.sudo()).write(
            {"attachment_ids": [fields.Command.set(attachments.ids)]}
        )
        return attachments
