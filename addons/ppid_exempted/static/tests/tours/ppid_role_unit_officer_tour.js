/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";
import {
    many2oneSteps,
    stateStep,
    tabStep,
    uploadStep,
} from "@ppid_exempted/../tests/tours/ppid_role_tour_helpers";

const UNIT_OFFICER_TITLE = "Tur: daftar penerima bantuan pengobatan jiwa";

/* The PPID Pelaksana of the Dinas Kesehatan compiles a DIK row with the
 * unit's test sheet and hands it over to the PPID (Kukar SOP steps 1-2). */
registry.category("web_tour.tours").add("ppid_role_unit_officer", {
    steps: () => [
        {
            content: "The kanban of the exempted information is open",
            trigger: ".o_kanban_view",
        },
        {
            content: "Compile a new item",
            trigger: ".o_control_panel_main_buttons button.o-kanban-button-new",
            run: "click",
        },
        {
            content: "Title",
            trigger: ".o_form_view .o_field_widget[name='title'] input",
            run: `edit ${UNIT_OFFICER_TITLE}`,
        },
        ...many2oneSteps("unit_id", "Dinas Kesehatan", "Dinas Kesehatan"),
        {
            content: "Source document",
            trigger: ".o_field_widget[name='source_document'] input",
            run: "edit Register layanan kesehatan jiwa Puskesmas 2026",
        },
        ...many2oneSteps("legal_basis_id", "huruf h", "rahasia pribadi"),
        ...many2oneSteps("legal_subpoint_id", "angka 2", "angka 2"),
        tabStep("information", "Informasi"),
        {
            content: "Description",
            trigger: ".o_field_widget[name='description'] textarea",
            run: "edit Nama, NIK, diagnosis dan riwayat pengobatan penerima bantuan.",
        },
        {
            content: "Only a part of the document is exempted",
            trigger: ".o_field_widget[name='exemption_scope'] input[data-value='part']",
            run: "click",
        },
        {
            content: "Which part, and why",
            trigger: ".o_field_widget[name='exempt_part'] textarea, .o_field_widget[name='exempt_part'] input",
            run: "edit Kolom nama, NIK dan diagnosis; rekapitulasi per kecamatan tetap terbuka.",
        },
        uploadStep("unit_test_sheet", "lembar_uji_dinkes.pdf", "%PDF-1.4 lembar uji unit"),
        {
            content: "The unit's test sheet is attached",
            trigger: ".o_field_widget[name='unit_test_sheet'] .o_clear_file_button",
        },
        tabStep("consequences", "Konsekuensi"),
        {
            content: "Harm if opened",
            trigger: ".o_field_widget[name='harm_if_opened'] textarea",
            run: "edit Stigma terhadap penerima bantuan dan keluarganya.",
        },
        {
            content: "Interest protected if closed",
            trigger: ".o_field_widget[name='interest_if_closed'] textarea",
            run: "edit Rahasia kondisi kesehatan jiwa pribadi.",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Hand the saved item over: the button reads Serahkan",
            trigger: ".o_form_statusbar button[name='action_submit']:contains('Serahkan')",
            run: "click",
        },
        {
            content: "The hand-over asks for a confirmation, in Indonesian",
            trigger: ".modal:contains('Serahkan informasi ini kepada PPID') .modal-footer .btn-primary",
            run: "click",
        },
        stateStep("Diserahkan"),
    ],
});
