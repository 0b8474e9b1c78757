# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ppid_cuti_bersama_non_working = fields.Boolean(
        related="company_id.ppid_cuti_bersama_non_working", readonly=False
    )
    ppid_officer_user_id = fields.Many2one(
        related="company_id.ppid_officer_user_id", readonly=False
    )
    ppid_head_user_id = fields.Many2one(
        related="company_id.ppid_head_user_id", readonly=False
    )
    ppid_documentation_user_id = fields.Many2one(
        related="company_id.ppid_documentation_user_id", readonly=False
    )
    ppid_test_requires_ppid = fields.Boolean(
        related="company_id.ppid_test_requires_ppid", readonly=False
    )
    ppid_test_requires_unit_officers = fields.Boolean(
        related="company_id.ppid_test_requires_unit_officers", readonly=False
    )
    ppid_test_min_other_members = fields.Integer(
        related="company_id.ppid_test_min_other_members", readonly=False
    )
    ppid_sla_notification_days = fields.Integer(
        related="company_id.ppid_sla_notification_days", readonly=False
    )
    ppid_sla_handover_days = fields.Integer(
        related="company_id.ppid_sla_handover_days", readonly=False
    )
    ppid_sla_receipt_hours = fields.Float(
        related="company_id.ppid_sla_receipt_hours", readonly=False
    )
    ppid_sla_documentation_days = fields.Integer(
        related="company_id.ppid_sla_documentation_days", readonly=False
    )
    ppid_official_id = fields.Many2one(
        related="company_id.ppid_official_id", readonly=False
    )
    ppid_chair_user_id = fields.Many2one(
        related="company_id.ppid_chair_user_id", readonly=False
    )
    ppid_decree_signature_required = fields.Boolean(
        related="company_id.ppid_decree_signature_required", readonly=False
    )
    ppid_decree_head_may_sign = fields.Boolean(
        related="company_id.ppid_decree_head_may_sign", readonly=False
    )
    ppid_sla_total_days = fields.Integer(
        related="company_id.ppid_sla_total_days", readonly=False
    )
    ppid_calendar_id = fields.Many2one(
        related="company_id.resource_calendar_id", readonly=False
    )
    # Periodic work (Kaltim SOP): re-issue of the register, re-tests.
    ppid_register_reissue_months = fields.Integer(
        related="company_id.ppid_register_reissue_months", readonly=False
    )
    ppid_register_reissue_start = fields.Date(
        related="company_id.ppid_register_reissue_start", readonly=False
    )
    ppid_retest_interval_years = fields.Integer(
        related="company_id.ppid_retest_interval_years", readonly=False
    )
