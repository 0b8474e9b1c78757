# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "PPID - Exempted Information",
    "summary": "Register, test, classify and safeguard exempted public information "
    "(Daftar Informasi yang Dikecualikan, UU 14/2008)",
    "version": "19.0.1.1.0",
    "category": "Services",
    "website": "https://github.com/ppid-exempted/ppid_exempted",
    "author": "PPID Exempted contributors",
    "license": "LGPL-3",
    "application": True,
    "depends": ["mail", "resource", "web", "base_import"],
    "external_dependencies": {"python": ["holidays"]},
    "data": [
        # Security
        "security/ppid_exempted_security.xml",
        "security/ir.model.access.csv",
        "security/ppid_exempted_rules.xml",
        "security/ppid_classification_rules.xml",
        # Data
        "data/ir_sequence_data.xml",
        "data/ppid_legal_basis_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/resource_calendar_leaves_data.xml",
        "data/ppid.archive.classification.csv",
        "data/ppid_outbound_data.xml",
        # Reports
        "report/ppid_register_reports.xml",
        "report/ppid_register_templates.xml",
        "templates/ppid_public_register_templates.xml",
        # Wizards
        "wizards/ppid_exempted_reason_wizard_views.xml",
        "wizards/ppid_holiday_load_wizard_views.xml",
        "wizards/ppid_register_wizard_views.xml",
        "wizards/ppid_exempted_archive_wizard_views.xml",
        "wizards/ppid_custody_transfer_wizard_views.xml",
        # Views
        "views/ppid_exempted_information_views.xml",
        "views/ppid_unit_views.xml",
        "views/ppid_legal_basis_views.xml",
        "views/ppid_public_information_views.xml",
        "views/ppid_collection_round_views.xml",
        "views/res_config_settings_views.xml",
        "views/ppid_consequence_test_views.xml",
        "views/ppid_consequence_test_line_views.xml",
        "views/ppid_classification_decree_views.xml",
        "views/ppid_classification_decree_line_views.xml",
        "views/ppid_exempted_information_classification_views.xml",
        "views/res_company_views.xml",
        "views/ppid_register_issue_views.xml",
        "report/ppid_exempted_information_report_views.xml",
        "report/ppid_service_level_report_views.xml",
        "views/ppid_exempted_information_safeguard_views.xml",
        "views/ppid_archive_location_views.xml",
        "views/ppid_archive_classification_views.xml",
        "views/ppid_vault_document_views.xml",
        "views/ppid_vault_log_views.xml",
        "views/ppid_audit_log_views.xml",
        "views/ppid_custody_transfer_views.xml",
        "views/res_company_public_views.xml",
        "views/menus.xml",
        "views/ppid_my_tasks_views.xml",
        # Reports
        "report/report_ppid_letterhead.xml",
        "report/ppid_reports.xml",
        "report/report_notification_letter.xml",
        "report/report_receipt.xml",
        "report/report_consequence_test.xml",
        "report/report_classification_decree.xml",
        "security/ppid_sop_rules.xml",
        "wizards/ppid_register_wizard_review_views.xml",
        "views/ppid_dik_import_views.xml",
        "views/ppid_collection_round_letter_views.xml",
        "views/ppid_receipt_views.xml",
    ],
    "demo": [
        # First: Bahasa Indonesia, before the demo records are created.
        "demo/res_lang_demo.xml",
        "demo/ppid_unit_demo.xml",
        "demo/ppid_archive_location_demo.xml",
        "demo/ppid_exempted_information_demo.xml",
        # Then the body, and the users' language and time zone.
        "demo/res_users_demo.xml",
        # Last: the story, in the body's language, on the demo users and drafts.
        "demo/ppid_demo_story.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ppid_exempted/static/tests/tours/*.js",
        ],
    },
}
