/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";
import {
    openCardSteps,
    searchItemSteps,
    tabStep,
    tourRef,
} from "@ppid_exempted/../tests/tours/ppid_role_tour_helpers";

/* The PPID, with the Tim Pertimbangan, runs the consequence test of a received
 * item: from the item, a session with the item and the participants
 * pre-filled; the conclusion; the place; the signature (Perki 1/2021 Ps 49). */
registry.category("web_tour.tours").add("ppid_role_committee_session", {
    steps: () => {
        const ref = tourRef();
        const line = `.o_field_widget[name='line_ids'] .o_data_row:contains('${ref}')`;
        return [
            ...searchItemSteps(ref),
            ...openCardSteps(ref),
            {
                content: "Start the consequence test: Mulai Uji Konsekuensi",
                trigger: ".o_form_statusbar button[name='action_start_test']:contains('Mulai Uji Konsekuensi')",
                run: "click",
            },
            {
                content: "Open a session for it: Sesi Uji Baru",
                trigger: ".o_form_statusbar button[name='action_new_consequence_test']:contains('Sesi Uji Baru')",
                run: "click",
            },
            {
                content: "The session lists the item",
                trigger: line,
            },
            tabStep("participants", "Peserta"),
            {
                content: "The participants are proposed: the PPID, the unit's officer, the Tim Pertimbangan",
                trigger: ".o_field_widget[name='participant_ids'] .o_data_row:eq(2)",
            },
            tabStep("lines", "Informasi yang Diuji"),
            {
                content: "Place of the session",
                trigger: ".o_field_widget[name='place'] input",
                run: "edit Ruang Rapat Diskominfo",
            },
            {
                content: "Save the session: the lines copy what the unit wrote",
                trigger: ".o_control_panel .o_form_button_save",
                run: "click",
            },
            {
                content: "The session is numbered",
                trigger: ".o_form_view .o_field_widget[name='name']:contains('UK/')",
            },
            {
                content: "Open the line of the item",
                trigger: `${line} .o_data_cell[name='information_title']`,
                run: "click",
            },
            {
                content: "Conclude: Dikecualikan",
                trigger: ".modal .o_field_widget[name='conclusion'] .o-checkbox:contains('Dikecualikan') input, .modal .o_field_widget[name='conclusion'] input[data-value='exempted']",
                run: "click",
            },
            {
                content: "Keep the line",
                trigger: ".modal .o_form_button_save",
                run: "click",
            },
            {
                content: "The line reads Dikecualikan",
                trigger: `${line}:contains('Dikecualikan')`,
            },
            {
                content: "Save the session",
                trigger: ".o_control_panel .o_form_button_save",
                run: "click",
            },
            {
                content: "Sign: Tanda Tangani",
                trigger: ".o_form_statusbar button[name='action_sign']:contains('Tanda Tangani')",
                run: "click",
            },
            {
                content: "Signed: nothing left to sign for me",
                trigger: ".o_form_statusbar:not(:has(button[name='action_sign']))",
            },
        ];
    },
});

/* Once every participant has signed, the committee completes the session. */
registry.category("web_tour.tours").add("ppid_role_committee_complete", {
    steps: () => {
        const ref = tourRef();
        return [
            {
                content: "The consequence tests (Uji Konsekuensi) are listed",
                trigger: ".o_breadcrumb:contains('Uji Konsekuensi')",
            },
            {
                content: `Open the session ${ref}`,
                trigger: `.o_list_view .o_data_row:contains('${ref}') .o_data_cell`,
                run: "click",
            },
            {
                content: "Complete: Selesaikan",
                trigger: ".o_form_statusbar button[name='action_complete']:contains('Selesaikan')",
                run: "click",
            },
            {
                content: "Completing asks for a confirmation, in Indonesian",
                trigger: ".modal:contains('Penyelesaian uji') .modal-footer .btn-primary",
                run: "click",
            },
            {
                content: "The session is Selesai",
                trigger: ".o_statusbar_status .o_arrow_button_current:contains('Selesai')",
            },
        ];
    },
});
