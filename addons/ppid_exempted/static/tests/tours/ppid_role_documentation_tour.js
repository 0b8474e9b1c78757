/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {formatDate} from "@web/core/l10n/dates";
import {registry} from "@web/core/registry";
import {
    many2oneSteps,
    menuSteps,
    openCardSteps,
    searchItemSteps,
    stateStep,
    tabStep,
    tourRef,
    uploadStep,
} from "@ppid_exempted/../tests/tours/ppid_role_tour_helpers";

/* The documentation officer (pengelola dokumentasi) documents a classified
 * item, softcopy and hardcopy with its archive schedule (Kukar SOP step 7),
 * then draws up the register and submits it to the leadership. */
registry.category("web_tour.tours").add("ppid_role_documentation", {
    steps: () => {
        const ref = tourRef();
        return [
            ...searchItemSteps(ref),
            ...openCardSteps(ref),
            tabStep("documentation", "Dokumentasi"),
            uploadStep("softcopy_file", "denah_pengamanan_gudang_sitaan.pdf", "%PDF-1.4 denah"),
            {
                content: "The softcopy is attached",
                trigger: ".o_field_widget[name='softcopy_file'] .o_clear_file_button",
            },
            ...many2oneSteps("hardcopy_location_id", "05 Boks", "05 Boks"),
            ...many2oneSteps("archive_classification_id", "300", "300"),
            {
                content: "Active retention",
                trigger: ".o_field_widget[name='retention_active_years'] input",
                run: "edit 2",
            },
            {
                content: "Inactive retention",
                trigger: ".o_field_widget[name='retention_inactive_years'] input",
                run: "edit 8",
            },
            {
                content: "Final disposition",
                trigger: ".o_field_widget[name='final_disposition'] .o_select_menu_toggler",
                run: "click",
            },
            {
                content: "Keep permanently: Permanen",
                trigger: ".o_select_menu_menu .o_select_menu_item:contains('Permanen')",
                run: "click",
            },
            {
                content: "JRA reference",
                trigger: ".o_field_widget[name='jra_reference'] input, .o_field_widget[name='jra_reference'] textarea",
                run: "edit Peraturan Bupati Kutai Kartanegara Nomor 27 Tahun 2021",
            },
            {
                content: "Save",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "Mark documented: Tandai Terdokumentasi",
                trigger: ".o_form_statusbar button[name='action_document']:contains('Tandai Terdokumentasi')",
                run: "click",
            },
            stateStep("Terdokumentasi"),
            ...menuSteps(
                "ppid_exempted.ppid_register_menu",
                "Register",
                "ppid_exempted.ppid_register_issue_menu",
                "Register yang Diterbitkan"
            ),
            {
                content: "Draw up a new register",
                trigger: ".o_list_view .o_list_button_add",
                run: "click",
            },
            {
                content: "Save the draft",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "Submit it: Ajukan kepada Pimpinan",
                trigger: ".o_form_statusbar button[name='action_submit']:contains('Ajukan kepada Pimpinan')",
                run: "click",
            },
            stateStep("Diajukan kepada Pimpinan"),
        ];
    },
});

/* global luxon */
/* The head of the body approves the submitted register and issues it with the
 * number of its decree (PP 61/2010: the register is set by the leadership). */
registry.category("web_tour.tours").add("ppid_role_head_issue_register", {
    steps: () => {
        const ref = tourRef();
        return [
            ...menuSteps(
                "ppid_exempted.ppid_register_menu",
                "Register",
                "ppid_exempted.ppid_register_issue_menu",
                "Register yang Diterbitkan"
            ),
            {
                content: `Open the register ${ref}`,
                trigger: `.o_list_view .o_data_row:contains('${ref}') .o_data_cell`,
                run: "click",
            },
            {
                content: "Approve and issue: Setujui dan Terbitkan",
                trigger: ".o_form_statusbar button[name='action_open_review']:contains('Setujui dan Terbitkan')",
                run: "click",
            },
            {
                content: "Number of the decree",
                trigger: ".modal .o_field_widget[name='decree_reference'] input",
                run: "edit 188.45/0099/DISKOMINFO/2026",
            },
            {
                content: "Date of the decree: today, in the user's date format",
                trigger: ".modal .o_field_widget[name='decree_date'] input",
                run: `edit ${formatDate(luxon.DateTime.local())}`,
            },
            {
                content: "Confirm: Konfirmasi",
                trigger: ".modal .modal-footer button[name='action_confirm']:contains('Konfirmasi')",
                run: "click",
            },
            stateStep("Diterbitkan"),
        ];
    },
});
