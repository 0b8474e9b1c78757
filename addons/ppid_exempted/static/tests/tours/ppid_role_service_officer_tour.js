/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";
import {
    many2oneSteps,
    menuEntryStep,
    menuSteps,
    openCardSteps,
    printSteps,
    searchItemSteps,
    tourRef,
} from "@ppid_exempted/../tests/tours/ppid_role_tour_helpers";

/* The service officer (petugas layanan) receives a hand-over from its kanban
 * card and issues the numbered receipt (tanda terima) of the unit, whose PDF
 * copy is stored with the item (Kukar SOP step 3). */
registry.category("web_tour.tours").add("ppid_role_service_officer", {
    steps: () => {
        const ref = tourRef();
        const card = `.o_kanban_record:contains('${ref}')`;
        return [
            ...searchItemSteps(ref),
            {
                content: "Receive the hand-over from the card: the button reads Terima",
                trigger: `${card} button.o_ppid_receive:contains('Terima')`,
                run: "click",
            },
            {
                content: "The card moved to the Diterima column",
                trigger: `.o_kanban_group:has(.o_column_title:contains('Diterima')) ${card}:not(:has(button.o_ppid_receive))`,
            },
            ...menuSteps(
                "ppid_exempted.ppid_register_menu",
                "Register",
                "ppid_exempted.ppid_receipt_menu",
                "Tanda Terima"
            ),
            {
                content: "Issue a new receipt",
                trigger: ".o_list_view .o_list_button_add",
                run: "click",
            },
            ...many2oneSteps("unit_id", "Dinas Kesehatan", "Dinas Kesehatan"),
            {
                content: "Add the items received",
                trigger: ".o_field_widget[name='information_ids'] .o_field_x2many_list_row_add a",
                run: "click",
            },
            {
                content: `Pick ${ref}`,
                trigger: `.modal .o_data_row:contains('${ref}') .o_data_cell`,
                run: "click",
            },
            {
                content: `${ref} is on the receipt`,
                trigger: `.o_field_widget[name='information_ids'] .o_data_row:contains('${ref}')`,
            },
            {
                content: "Save: the receipt is numbered and issued",
                trigger: ".o_form_button_save",
                run: "click",
            },
            {
                content: "The receipt is numbered, issued by the service officer",
                trigger: ".o_form_view .o_field_widget[name='issued_by_id']:contains('Dwi Ayu Lestari')",
            },
            menuEntryStep(
                "ppid_exempted.ppid_exempted_information_menu",
                "Informasi yang Dikecualikan"
            ),
            ...searchItemSteps(ref),
            ...openCardSteps(ref),
            ...printSteps("Tanda Terima"),
            {
                content: "The receipt of the item is printed",
                trigger: "body[data-ppid-printed*='ppid_exempted.report_receipt']",
            },
        ];
    },
});
